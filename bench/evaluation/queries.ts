import type pg from 'pg';

/**
 * The reads of the benchmark as plain SQL on a pg pool, each two ways: from the monthly tables the
 * platform keeps (the same statements the server's services run), and by a scan of ratings /
 * hotline_requests for the same figures, to show what the kept tables save. Months are first days
 * ('2026-05-01').
 */

const RATING_COUNTS = `m.total, m.level1, m.level2, m.level3, m.level4, m.level5, m.defaults, m.bad,
  m.rectified, m.rectified_in_time, m.voided`;

/** The public monthly publication (server/ratings publicFigures) of a region's subtree. */
const PUBLIC_FROM = (source: string) => `
  WITH region AS (SELECT path FROM regions WHERE code = $2)
  SELECT m.*, m.scope_kind AS scope, m.scope_id AS id,
    coalesce(o.name, CASE WHEN m.scope_kind = 'window' THEN w.number || '号 ' || w.name ELSE h.name END) AS name,
    CASE WHEN m.scope_kind = 'window' THEN h.name END AS hall_name
  FROM ${source} m
  LEFT JOIN organisations o ON m.scope_kind = 'department' AND o.id::text = m.scope_id
  LEFT JOIN windows w ON m.scope_kind = 'window' AND w.id::text = m.scope_id
  LEFT JOIN halls h ON (m.scope_kind = 'hall' AND h.id::text = m.scope_id) OR h.id = w.hall_id
  LEFT JOIN organisations ho ON ho.id = h.organisation_id
  JOIN regions g ON g.code = coalesce(o.region_code, ho.region_code), region
  WHERE m.month = $1::date AND m.scope_kind IN ('department', 'hall', 'window')
    AND (g.path = region.path OR g.path LIKE region.path || '/%') AND m.total + m.voided > 0
  ORDER BY m.scope_kind, hall_name NULLS FIRST, name`;

/** rating_monthly's counts computed from the ratings of month $1 (server/ratings rebuild, one month). */
const RATINGS_SCANNED = `(
  WITH r AS (
    SELECT r.month, r.department_id, r.hall_id, r.window_id, r.region_path, r.status, r.level, r.is_default,
      v.status AS revisit_status, v.rectified_at, v.rectify_due
    FROM ratings r LEFT JOIN rating_revisits v ON v.rating_id = r.id WHERE r.month = $1::date),
  scoped AS (
    SELECT 'department' AS scope_kind, department_id::text AS scope_id, r.* FROM r
    UNION ALL SELECT 'hall', hall_id::text, r.* FROM r WHERE hall_id IS NOT NULL
    UNION ALL SELECT 'window', window_id::text, r.* FROM r WHERE window_id IS NOT NULL)
  SELECT month, scope_kind, scope_id,
    count(*) FILTER (WHERE status = 'valid')::int AS total,
    count(*) FILTER (WHERE status = 'valid' AND level = 1)::int AS level1,
    count(*) FILTER (WHERE status = 'valid' AND level = 2)::int AS level2,
    count(*) FILTER (WHERE status = 'valid' AND level = 3)::int AS level3,
    count(*) FILTER (WHERE status = 'valid' AND level = 4)::int AS level4,
    count(*) FILTER (WHERE status = 'valid' AND level = 5)::int AS level5,
    count(*) FILTER (WHERE status = 'valid' AND is_default)::int AS defaults,
    count(*) FILTER (WHERE status = 'valid' AND level <= 2)::int AS bad,
    count(*) FILTER (WHERE status = 'valid' AND revisit_status = 'rectified')::int AS rectified,
    count(*) FILTER (WHERE status = 'valid' AND revisit_status = 'rectified'
      AND (rectified_at AT TIME ZONE 'Asia/Shanghai')::date <= rectify_due)::int AS rectified_in_time,
    count(*) FILTER (WHERE status = 'voided')::int AS voided
  FROM scoped GROUP BY month, scope_kind, scope_id)`;

/** The ranking as stored (server/assessment readRanking): $1 region, $2 kind, $3 month, $4 the month before. */
const RANKING = `
  SELECT s.scope_id AS "scopeId", coalesce(o.name, g.name, s.scope_id) AS name, s.rank, s.ranked_of AS "rankedOf",
    s.score, s.figures, s.flagged, s.computed_at AS "computedAt", p.rank AS "previousRank"
  FROM assessment_scores s
  LEFT JOIN organisations o ON s.scope_kind = 'department' AND o.id::text = s.scope_id
  LEFT JOIN regions g ON s.scope_kind = 'district' AND g.code = s.scope_id
  LEFT JOIN assessment_scores p ON p.month = $4::date
    AND p.scope_kind = s.scope_kind AND p.scope_id = s.scope_id AND p.rank > 0
  WHERE s.ranking_region = $1 AND s.scope_kind = $2 AND s.month = $3::date
  ORDER BY s.rank = 0, s.rank, name`;

/**
 * The ranking's rating and 12345 figures by a scan of the month's ratings and requests: per district
 * of the city ($1) or per department of the region, 满意率, 差评整改率, 即时办结率, 按时办结率, ranked.
 */
const RANKING_SCANNED = `
  WITH scopes AS (
    SELECT code AS id FROM regions WHERE $2 = 'district' AND parent_code = $1 AND level = 'district'
    UNION ALL SELECT id::text FROM organisations WHERE $2 = 'department' AND kind = 'department' AND region_code = $1),
  rated AS (
    SELECT CASE WHEN $2 = 'district' THEN split_part(r.region_path, '/', 3) ELSE r.department_id::text END AS id,
      count(*) FILTER (WHERE r.status = 'valid') AS total,
      count(*) FILTER (WHERE r.status = 'valid' AND r.level >= 3) AS satisfied,
      count(*) FILTER (WHERE r.status = 'valid' AND r.level <= 2) AS bad,
      count(*) FILTER (WHERE r.status = 'valid' AND v.status = 'rectified') AS rectified
    FROM ratings r LEFT JOIN rating_revisits v ON v.rating_id = r.id
    WHERE r.month = $3::date GROUP BY 1),
  asked AS (
    SELECT CASE WHEN $2 = 'district' THEN split_part(q.region_path, '/', 3) ELSE q.primary_department_id::text END AS id,
      count(*) FILTER (WHERE q.kind = 'consult' AND q.status <> 'merged') AS consults,
      count(*) FILTER (WHERE q.answered_at_once AND q.status <> 'merged') AS at_once,
      count(*) FILTER (WHERE q.replied_at IS NOT NULL AND q.status <> 'merged'
        AND (q.replied_at AT TIME ZONE 'Asia/Shanghai')::date <= q.due_date) AS on_time,
      count(*) FILTER (WHERE q.status <> 'merged' AND (q.replied_at IS NOT NULL OR q.warning = 'red')) AS due
    FROM hotline_requests q WHERE q.month = $3::date GROUP BY 1)
  SELECT s.id, rated.total, rated.satisfied, rated.bad, rated.rectified, asked.consults, asked.at_once,
    asked.on_time, asked.due,
    rank() OVER (ORDER BY coalesce(rated.satisfied::float / nullif(rated.total, 0), 1)
      + coalesce(asked.on_time::float / nullif(asked.due, 0), 1) DESC) AS rank
  FROM scopes s LEFT JOIN rated ON rated.id = s.id LEFT JOIN asked ON asked.id = s.id
  ORDER BY rank`;

const HOTLINE_COUNTS = `m.received, m.consults, m.helps, m.suggestions, m.complaints, m.reports, m.answered_at_once,
  m.dispatched, m.closed, m.closed_on_time, m.closed_late, m.overdue_open, m.returned, m.escalated, m.merged,
  m.revisited, m.satisfied, m.basically_satisfied, m.dissatisfied`;

/** 12345 figures of a region ($1) and its departments for a month ($2), as server/hotline hotlineFigures reads them. */
const HOTLINE = (source: string) => `
  WITH region AS (SELECT code, path FROM regions WHERE code = $1),
  departments AS (
    SELECT o.id::text AS id FROM organisations o JOIN regions g ON g.code = o.region_code, region
    WHERE g.path = region.path OR g.path LIKE region.path || '/%')
  SELECT to_char(m.month, 'YYYY-MM') AS month, m.scope_kind, m.scope_id, ${HOTLINE_COUNTS},
    CASE WHEN m.scope_kind = 'department' THEN (SELECT name FROM organisations WHERE id::text = m.scope_id) END AS name
  FROM ${source} m, region
  WHERE m.month = $2::date AND m.received > 0
    AND ((m.scope_kind = 'region' AND m.scope_id = region.code)
      OR (m.scope_kind = 'department' AND m.scope_id IN (SELECT id FROM departments)))
  ORDER BY m.month, m.scope_kind DESC, name, m.scope_id`;

/** hotline_monthly's counts from the requests of month $2 in the region ($1) or sent to its departments (server/hotline rebuild). */
const HOTLINE_SCANNED = `(
  WITH region AS (SELECT code, path FROM regions WHERE code = $1),
  departments AS (
    SELECT o.id FROM organisations o JOIN regions g ON g.code = o.region_code, region
    WHERE g.path = region.path OR g.path LIKE region.path || '/%'),
  r AS (
    SELECT r.*, (r.region_path = region.path OR r.region_path LIKE region.path || '/%') AS in_region, CASE WHEN r.replied_at IS NOT NULL THEN (r.replied_at AT TIME ZONE 'Asia/Shanghai')::date
        WHEN r.answered_at_once THEN (r.closed_at AT TIME ZONE 'Asia/Shanghai')::date END AS done,
      (SELECT count(*) FROM hotline_events e WHERE e.request_id = r.id AND e.kind IN ('dispatched', 'redispatched')) AS sent,
      (SELECT count(*) FROM hotline_events e WHERE e.request_id = r.id AND e.kind = 'returned') AS returns
    FROM hotline_requests r, region
    WHERE r.month = $2::date AND (r.region_path = region.path OR r.region_path LIKE region.path || '/%'
      OR r.primary_department_id IN (SELECT id FROM departments))),
  scoped AS (
    SELECT 'region' AS scope_kind, (SELECT code FROM region) AS scope_id, r.* FROM r WHERE in_region
    UNION ALL SELECT 'department', primary_department_id::text, r.* FROM r WHERE primary_department_id IS NOT NULL)
  SELECT $2::date AS month, scope_kind, scope_id,
    count(*) FILTER (WHERE status <> 'merged') AS received,
    count(*) FILTER (WHERE status <> 'merged' AND kind = 'consult') AS consults,
    count(*) FILTER (WHERE status <> 'merged' AND kind = 'help') AS helps,
    count(*) FILTER (WHERE status <> 'merged' AND kind = 'suggestion') AS suggestions,
    count(*) FILTER (WHERE status <> 'merged' AND kind = 'complaint') AS complaints,
    count(*) FILTER (WHERE status <> 'merged' AND kind = 'report') AS reports,
    count(*) FILTER (WHERE status <> 'merged' AND answered_at_once) AS answered_at_once,
    count(*) FILTER (WHERE status <> 'merged' AND sent > 0) AS dispatched,
    count(*) FILTER (WHERE status <> 'merged' AND done IS NOT NULL) AS closed,
    count(*) FILTER (WHERE status <> 'merged' AND done <= due_date) AS closed_on_time,
    count(*) FILTER (WHERE status <> 'merged' AND done > due_date) AS closed_late,
    count(*) FILTER (WHERE status <> 'merged' AND warning = 'red' AND done IS NULL) AS overdue_open,
    coalesce(sum(returns) FILTER (WHERE status <> 'merged'), 0) AS returned,
    count(*) FILTER (WHERE status <> 'merged' AND escalated_at IS NOT NULL) AS escalated,
    count(*) FILTER (WHERE status = 'merged') AS merged,
    count(*) FILTER (WHERE status <> 'merged' AND satisfaction IS NOT NULL) AS revisited,
    count(*) FILTER (WHERE status <> 'merged' AND satisfaction = 'satisfied') AS satisfied,
    count(*) FILTER (WHERE status <> 'merged' AND satisfaction = 'basically') AS basically_satisfied,
    count(*) FILTER (WHERE status <> 'merged' AND satisfaction = 'dissatisfied') AS dissatisfied
  FROM scoped GROUP BY scope_kind, scope_id)`;

const DEPARTMENT = `SELECT ${RATING_COUNTS} FROM rating_monthly m
  WHERE m.scope_kind = 'department' AND m.scope_id = $1 AND m.month = $2::date`;
const DEPARTMENT_SCANNED = `SELECT ${RATING_COUNTS} FROM ${RATINGS_SCANNED.replace('WHERE r.month = $1::date', 'WHERE r.month = $2::date AND r.department_id = $1::uuid')} m
  WHERE m.scope_kind = 'department'`;

const monthBefore = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 10);
};

/** What a read asks: the month (first day) and the region, department or ranking kind. */
export type ReadArgs = { month: string; region: string; id?: string; kind?: 'district' | 'department' };
export type ReadName = 'public' | 'department' | 'ranking' | 'hotline';
export type ReadWay = 'kept' | 'scan';

/** Runs a read one way; its rows. */
export async function read(pool: pg.Pool, name: ReadName, way: ReadWay, a: ReadArgs) {
  const scan = way === 'scan';
  switch (name) {
    case 'public':
      return (await pool.query(PUBLIC_FROM(scan ? RATINGS_SCANNED : 'rating_monthly'), [a.month, a.region]))
        .rows;
    case 'department':
      return (await pool.query(scan ? DEPARTMENT_SCANNED : DEPARTMENT, [a.id, a.month])).rows;
    case 'ranking':
      return scan
        ? (await pool.query(RANKING_SCANNED, [a.region, a.kind, a.month])).rows
        : (await pool.query(RANKING, [a.region, a.kind, a.month, monthBefore(a.month)])).rows;
    case 'hotline':
      return (await pool.query(HOTLINE(scan ? HOTLINE_SCANNED : 'hotline_monthly'), [a.region, a.month]))
        .rows;
  }
}
