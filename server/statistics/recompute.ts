import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';

/** A group of case_daily: a day (China date), the case's region and its department. */
export type CaseDailyGroup = { day: string; regionCode: string; departmentId: string };

/** The counted columns of case_daily, in the order the recompute produces them. */
export const CASE_DAILY_COUNTS = [
  'received',
  'received_online',
  'received_counter',
  'received_kiosk',
  'received_agent',
  'materials_reused',
  'materials_uploaded',
  'form_fields_filled',
  'form_fields_prefilled',
  'accepted',
  'accepted_with_gaps',
  'accepted_on_promise',
  'concluded',
  'concluded_immediate',
  'concluded_on_time',
  'concluded_late',
  'concluded_fully_online',
  'concluded_zero_visits',
  'concluded_at_most_one_visit',
  'visits_sum',
  'concluded_supplemented',
  'timed_concluded',
  'used_working_days_sum',
  'promised_working_days_sum',
  'legal_working_days_sum',
] as const;

/**
 * What each case contributes, on each of its days (kind r: filed, a: accepted, c: concluded):
 * - received*: on the filing day (coalesce(submitted_at, created_at), China date), by channel; with the
 *   materials of the case as 材料减免率 counts them (materials_reused, materials_uploaded, kept on the
 *   case by the triggers of case_attachments) and the form fields filled and prefilled;
 * - accepted*: on accepted_on; 容缺 when accepted with gaps (accepted_with_gaps, kept after the missing
 *   materials arrive), 告知承诺 when on_promise;
 * - concluded*: on the day of concluded_at (China date): immediate when case_type is 'immediate'; on time
 *   when that day is not after promised_deadline (or there is none), else late; 全程网办 when filed online
 *   with no visit; visits summed; 补正 when the case had a request_supplement event (supplemented, set
 *   by the trigger of case_events); and for matters whose limits are in working days (the version's
 *   limit_unit) the working days used, promised and legal.
 */
/** Concluded, of a matter whose limits are in working days (the version's limit_unit), with the days used. */
const TIMED_CASE = `v.limit_unit = 'working_days' AND c.working_days_used IS NOT NULL`;
export const TIMED = `e.kind = 'c' AND ${TIMED_CASE}`;

/** The kind of a case's day: filed (r), accepted (a) or concluded (c). */
type Kind = 'r' | 'a' | 'c';

/** Each count of case_daily: the kind of day it counts on, its aggregate and the cases it takes. */
const COUNTED: Record<(typeof CASE_DAILY_COUNTS)[number], [Kind, string, string?]> = {
  received: ['r', 'count(*)'],
  received_online: ['r', 'count(*)', `c.channel = 'online'`],
  received_counter: ['r', 'count(*)', `c.channel = 'counter'`],
  received_kiosk: ['r', 'count(*)', `c.channel = 'kiosk'`],
  received_agent: ['r', 'count(*)', `c.channel = 'agent'`],
  materials_reused: ['r', 'sum(c.materials_reused)'],
  materials_uploaded: ['r', 'sum(c.materials_uploaded)'],
  form_fields_filled: ['r', 'sum(c.form_fields_filled)'],
  form_fields_prefilled: ['r', 'sum(c.form_fields_prefilled)'],
  accepted: ['a', 'count(*)'],
  accepted_with_gaps: ['a', 'count(*)', 'c.accepted_with_gaps'],
  accepted_on_promise: ['a', 'count(*)', 'c.on_promise'],
  concluded: ['c', 'count(*)'],
  concluded_immediate: ['c', 'count(*)', `c.case_type = 'immediate'`],
  concluded_on_time: ['c', 'count(*)', '(c.promised_deadline IS NULL OR e.day <= c.promised_deadline)'],
  concluded_late: ['c', 'count(*)', 'e.day > c.promised_deadline'],
  concluded_fully_online: ['c', 'count(*)', `c.channel = 'online' AND c.visits = 0`],
  concluded_zero_visits: ['c', 'count(*)', 'c.visits = 0'],
  concluded_at_most_one_visit: ['c', 'count(*)', 'c.visits <= 1'],
  visits_sum: ['c', 'sum(c.visits)'],
  concluded_supplemented: ['c', 'count(*)', 'c.supplemented'],
  timed_concluded: ['c', 'count(*)', TIMED_CASE],
  used_working_days_sum: ['c', 'sum(c.working_days_used)', TIMED_CASE],
  promised_working_days_sum: ['c', 'sum(v.promised_limit)', TIMED_CASE],
  legal_working_days_sum: ['c', 'sum(v.legal_limit)', TIMED_CASE],
};

/**
 * The contributions of the cases `c` (with their versions `v`) on their days `e` (day, kind), in the
 * order of CASE_DAILY_COUNTS; only those of the kinds given are aggregated, the others are 0 (a pass
 * over one kind of day evaluates its own counts only).
 */
function contributionsSql(kinds: readonly Kind[] = ['r', 'a', 'c']): string {
  return CASE_DAILY_COUNTS.map((column) => {
    const [kind, aggregate, condition] = COUNTED[column];
    if (!kinds.includes(kind)) return `0 AS ${column}`;
    const filter = `FILTER (WHERE e.kind = '${kind}'${condition ? ` AND ${condition}` : ''})`;
    return aggregate === 'count(*)'
      ? `${aggregate} ${filter} AS ${column}`
      : `coalesce(${aggregate} ${filter}, 0) AS ${column}`;
  }).join(',\n  ');
}

/** The contributions of the cases `c` (with their versions `v`) on their days `e` (day, kind). */
export const CONTRIBUTIONS = sql.raw(contributionsSql());

const COLUMNS = sql.raw(CASE_DAILY_COUNTS.join(', '));
const SUMS = sql.raw(CASE_DAILY_COUNTS.map((c) => `sum(${c})::int AS ${c}`).join(', '));
const UPDATES = sql.raw(
  [...CASE_DAILY_COUNTS, 'region_path', 'used_days_histogram', 'refreshed_at']
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', '),
);

/**
 * The case_daily rows of the groups in the relation `groups` (day, region_code, department_id), or of
 * every group when it is null, computed straight from the cases: one SELECT whose rows are
 * (day, region_code, department_id, region_path, …counts, used_days_histogram).
 */
export function recomputeSql(groups: SQL | null): SQL {
  if (!groups) return everyGroupSql();
  return sql`
    SELECT e.day, c.region_code, c.department_id, max(c.region_path) AS region_path,
      CASE WHEN ${sql.raw(TIMED)} THEN c.working_days_used END AS used_days, ${CONTRIBUTIONS}
    FROM (${dayOfGroups(groups)}) e
    JOIN cases c ON c.id = e.case_id
    JOIN implementation_versions v ON v.id = c.version_id
    GROUP BY e.day, c.region_code, c.department_id, 5`;
}

export const FILED = sql`(coalesce(c.submitted_at, c.created_at) AT TIME ZONE 'Asia/Shanghai')::date`;
export const CONCLUDED = sql`(c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * recomputeSql for every group: a pass over the cases per kind of day (filed, accepted, concluded),
 * each an aggregate the planner can share among parallel workers, with the kind a constant so that
 * each pass evaluates only its own counts. The case holds all it contributes (its materials and 补正
 * included), so each pass reads the cases alone, with their versions joined by hash.
 */
function everyGroupSql(): SQL {
  const pass = (day: SQL, kind: Kind) => sql`
    SELECT e.day, c.region_code, c.department_id, max(c.region_path) AS region_path,
      CASE WHEN ${sql.raw(TIMED)} THEN c.working_days_used END AS used_days,
      ${sql.raw(contributionsSql([kind]))}
    FROM cases c
    CROSS JOIN LATERAL (SELECT ${day} AS day, ${sql.raw(`'${kind}'::text`)} AS kind) e
    JOIN implementation_versions v ON v.id = c.version_id
    WHERE c.status <> 'draft' AND e.day IS NOT NULL
    GROUP BY e.day, c.region_code, c.department_id, 5`;
  return sql`${pass(FILED, 'r')} UNION ALL ${pass(sql`c.accepted_on`, 'a')} UNION ALL ${pass(CONCLUDED, 'c')}`;
}

/** The days of cases in the groups: each kind joined on all three keys, so the join hashes the day too. */
function dayOfGroups(groups: SQL): SQL {
  const kind = (day: SQL, name: string) => sql`SELECT c.id AS case_id, g.day, ${name}::text AS kind
    FROM cases c JOIN ${groups} g ON g.region_code = c.region_code AND g.department_id = c.department_id
      AND g.day = ${day}
    WHERE c.status <> 'draft'`;
  return sql`${kind(FILED, 'r')} UNION ALL ${kind(sql`c.accepted_on`, 'a')} UNION ALL ${kind(CONCLUDED, 'c')}`;
}

/** Rows of case_daily from the per-used-days rows of recomputeSql: counts summed, the histogram built. */
function rollupSql(groups: SQL | null): SQL {
  return rollupOf(recomputeSql(groups));
}

/**
 * Rows of case_daily from per-used-days rows (a group's rows with used days are of concluded cases,
 * one per number of days; its other rows add up).
 */
function rollupOf(perUsed: SQL): SQL {
  return sql`
    SELECT day, region_code, department_id, max(region_path) AS region_path, ${SUMS},
      coalesce(jsonb_object_agg(used_days::text, timed_concluded) FILTER (WHERE used_days IS NOT NULL),
        '{}'::jsonb) AS used_days_histogram
    FROM (${perUsed}) per_used
    GROUP BY day, region_code, department_id`;
}

/** The insert of recomputed rows (upserting existing ones). */
function upsertSql(groups: SQL | null): SQL {
  return sql`INSERT INTO case_daily (day, region_code, department_id, region_path, ${COLUMNS}, used_days_histogram)
    SELECT day, region_code, department_id, region_path, ${COLUMNS}, used_days_histogram
    FROM (${rollupSql(groups)}) r
    ON CONFLICT (day, region_code, department_id) DO UPDATE SET ${UPDATES}`;
}

/**
 * Recomputes the case_daily rows of the groups given, in one statement: upserts the rows of the groups
 * that have cases and deletes those of the groups that no longer have any. Returns the groups recomputed.
 */
export async function refreshGroups(db: DbOrTx, groups: CaseDailyGroup[]): Promise<number> {
  if (groups.length === 0) return 0;
  const json = JSON.stringify(
    groups.map((g) => ({ day: g.day, region_code: g.regionCode, department_id: g.departmentId })),
  );
  const given = sql`(SELECT DISTINCT day, region_code, department_id
    FROM json_to_recordset(${json}::json) AS x(day date, region_code text, department_id uuid))`;
  return (await refreshFrom(db, sql``, given)).groups;
}

/**
 * The refresh statement for the groups in the relation `groups`, after the CTEs `prefix` (e.g. the
 * DELETE … RETURNING that takes them off the queue).
 */
export function refreshStatement(prefix: SQL, groups: SQL, marks: SQL = sql`0`): SQL {
  return sql`WITH ${prefix} g AS MATERIALIZED ${groups},
    written AS (${upsertSql(sql`g`)} RETURNING day, region_code, department_id),
    emptied AS (DELETE FROM case_daily d USING g
      WHERE d.day = g.day AND d.region_code = g.region_code AND d.department_id = g.department_id
        AND NOT EXISTS (SELECT 1 FROM written w
          WHERE w.day = g.day AND w.region_code = g.region_code AND w.department_id = g.department_id)
      RETURNING 1)
    SELECT (SELECT count(*) FROM written)::int AS written, (SELECT count(*) FROM emptied)::int AS emptied,
      (SELECT count(*) FROM g)::int AS groups, ${marks}::int AS marks`;
}

/** Runs refreshStatement: the marks taken and the groups recomputed. */
export async function refreshFrom(
  db: DbOrTx,
  prefix: SQL,
  groups: SQL,
  marks: SQL = sql`0`,
): Promise<{ marks: number; groups: number }> {
  const result = await db.execute(refreshStatement(prefix, groups, marks));
  const row = result.rows[0] as { groups: number; marks: number };
  return { marks: row.marks, groups: row.groups };
}

/** Every row of case_daily computed from the cases (the SELECT of a full rebuild). */
export function rollupAllSql(): SQL {
  return rollupSql(null);
}

/** Where a full rebuild computes the passes over the cases (in its transaction). */
const PASSES = sql.raw('case_daily_rebuild');

/**
 * The passes over the cases of a full rebuild, into an unlogged table of the transaction: a CREATE
 * TABLE … AS, whose SELECT may use parallel workers (an INSERT … SELECT may not).
 */
export async function stagePasses(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`CREATE UNLOGGED TABLE ${PASSES} AS ${everyGroupSql()}`);
}

/** Replaces every row of case_daily by the rows of the staged passes, and drops them. Returns the rows written. */
export async function replaceAllFromStages(tx: DbOrTx): Promise<number> {
  await tx.execute(sql`DELETE FROM case_daily`);
  const result = await tx.execute(sql`INSERT INTO case_daily
    (day, region_code, department_id, region_path, ${COLUMNS}, used_days_histogram)
    SELECT day, region_code, department_id, region_path, ${COLUMNS}, used_days_histogram
    FROM (${rollupOf(sql`SELECT * FROM ${PASSES}`)}) r`);
  await tx.execute(sql`DROP TABLE ${PASSES}`);
  return result.rowCount ?? 0;
}
