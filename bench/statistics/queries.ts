import type pg from 'pg';
import { CASE_DAILY_COUNTS } from '../../server/statistics/index.ts';

/** A question of the read benchmark: a region subtree (its path) and a period of China days. */
export type Question = { path: string; from: string; to: string };

export type ReadName = 'figures' | 'screen' | 'cases';
export type Way = 'kept' | 'scan';

const SUMS = CASE_DAILY_COUNTS.map((c) => `sum(${c})::int AS ${c}`).join(', ');
const SUBTREE = `(d.region_path = $1 OR d.region_path LIKE $1 || '/%')`;

/**
 * The figures of a subtree × period from case_daily, as GET /api/statistics/figures needs them, in
 * one scan (grouping sets): every count over the period and over the previous period of the same
 * length, by child region, by department, and per day.
 */
const FIGURES_KEPT = `
  SELECT d.day >= $2::date AS current, split_part(substr(d.region_path, length($1) + 2), '/', 1) AS child,
    d.department_id, CASE WHEN d.day >= $2::date THEN d.day END AS day, ${SUMS}
  FROM case_daily d
  WHERE ${SUBTREE} AND d.day BETWEEN $2::date - ($3::date - $2::date + 1) AND $3::date
  GROUP BY GROUPING SETS ((1), (1, 2), (1, 3), (4))`;

/** The same figures counted from the cases (the main counts only): what case_daily saves. */
const FIGURES_SCAN = `
  WITH c AS (SELECT c.*, (coalesce(c.submitted_at, c.created_at) AT TIME ZONE 'Asia/Shanghai')::date AS filed,
      (c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date AS concluded
    FROM cases c WHERE c.status <> 'draft' AND (c.region_path = $1 OR c.region_path LIKE $1 || '/%')),
  e AS (SELECT c.*, k.day, k.kind FROM c
    CROSS JOIN LATERAL (VALUES (c.filed, 'r'), (c.accepted_on, 'a'), (c.concluded, 'c')) AS k(day, kind)
    WHERE k.day BETWEEN $2::date - ($3::date - $2::date + 1) AND $3::date)
  SELECT e.day >= $2::date AS current, split_part(substr(e.region_path, length($1) + 2), '/', 1) AS child,
    e.department_id, CASE WHEN e.day >= $2::date THEN e.day END AS day,
    count(*) FILTER (WHERE e.kind = 'r')::int AS received, count(*) FILTER (WHERE e.kind = 'a')::int AS accepted,
    count(*) FILTER (WHERE e.kind = 'c')::int AS concluded,
    count(*) FILTER (WHERE e.kind = 'c' AND e.day > e.promised_deadline)::int AS concluded_late,
    count(*) FILTER (WHERE e.kind = 'c' AND e.visits <= 1)::int AS concluded_at_most_one_visit
  FROM e GROUP BY GROUPING SETS ((1), (1, 2), (1, 3), (4))`;

/**
 * The big screen's full refresh from case_daily: the last 30 days per day (today among them), this
 * month per child region for the map and the top 10 departments by concluded this month.
 */
const SCREEN_KEPT = [
  `SELECT d.day::text AS day, sum(d.received)::int AS received, sum(d.concluded)::int AS concluded,
     sum(d.concluded_on_time)::int AS on_time, sum(d.concluded_at_most_one_visit)::int AS one_visit,
     sum(d.concluded_fully_online)::int AS online
   FROM case_daily d WHERE ${SUBTREE} AND d.day BETWEEN least($2::date, $3::date - 29) AND $3::date
   GROUP BY d.day ORDER BY d.day`,
  `SELECT split_part(substr(d.region_path, length($1) + 2), '/', 1) AS child, sum(d.received)::int AS received,
     sum(d.concluded)::int AS concluded, sum(d.concluded_on_time)::int AS on_time
   FROM case_daily d WHERE ${SUBTREE} AND d.day BETWEEN $2::date AND $3::date GROUP BY 1`,
  `SELECT d.department_id, sum(d.concluded)::int AS concluded, sum(d.concluded_on_time)::int AS on_time
   FROM case_daily d WHERE ${SUBTREE} AND d.day BETWEEN $2::date AND $3::date
   GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
];

/** The screen's month and 30 days counted from the cases. */
const SCREEN_SCAN = [
  `SELECT k.day::text AS day, count(*) FILTER (WHERE k.kind = 'r')::int AS received,
     count(*) FILTER (WHERE k.kind = 'c')::int AS concluded
   FROM cases c CROSS JOIN LATERAL (VALUES
     ((coalesce(c.submitted_at, c.created_at) AT TIME ZONE 'Asia/Shanghai')::date, 'r'),
     ((c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date, 'c')) AS k(day, kind)
   WHERE c.status <> 'draft' AND (c.region_path = $1 OR c.region_path LIKE $1 || '/%')
     AND k.day BETWEEN least($2::date, $3::date - 29) AND $3::date
   GROUP BY k.day ORDER BY k.day`,
  `SELECT c.department_id, count(*)::int AS concluded FROM cases c
   WHERE c.status <> 'draft' AND (c.region_path = $1 OR c.region_path LIKE $1 || '/%')
     AND (c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2::date AND $3::date
   GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
];

/**
 * The first page of the cases behind 按时办结率 of a subtree × period, as GET /api/statistics/cases
 * lists them: the cases concluded in the period (by the time of 办结), the late ones first, then by
 * case number, with how many there are and how many are late. There is no rollup of a list: the
 * plain SQL is the baseline, and its own scan.
 */
const CASES_LISTED = `
  WITH listed AS (
    SELECT c.id, c.case_no, (c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date > c.promised_deadline AS late
    FROM cases c
    WHERE c.status <> 'draft' AND (c.region_path = $1 OR c.region_path LIKE $1 || '/%')
      AND c.concluded_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
      AND c.concluded_at < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  SELECT (SELECT count(*) FROM listed)::int AS total, (SELECT count(*) FILTER (WHERE late) FROM listed)::int AS late,
    l.id, l.case_no
  FROM (SELECT * FROM listed ORDER BY late DESC, case_no LIMIT 20) l`;

const QUERIES: Record<ReadName, Record<Way, string[]>> = {
  figures: { kept: [FIGURES_KEPT], scan: [FIGURES_SCAN] },
  screen: { kept: SCREEN_KEPT, scan: SCREEN_SCAN },
  cases: { kept: [CASES_LISTED], scan: [] },
};

/** Whether a read has a scan of its own beside its kept way. */
export const hasScan = (name: ReadName) => QUERIES[name].scan.length > 0;

/** Runs a read one way; returns the rows of each of its statements. */
export async function read(
  pool: pg.Pool,
  name: ReadName,
  way: Way,
  q: Question,
): Promise<Record<string, unknown>[][]> {
  const answers: Record<string, unknown>[][] = [];
  for (const text of QUERIES[name][way]) {
    answers.push((await pool.query(text, [q.path, q.from, q.to])).rows);
  }
  return answers;
}

/**
 * The figure compared across the ways: cases received in the period (figures) or from `from` on
 * (screen), or the cases concluded in the period (cases).
 */
export function receivedOf(name: ReadName, answers: Record<string, unknown>[][], q: Question): number {
  if (name === 'cases') return Number(answers[0]![0]?.total ?? 0);
  if (name === 'figures') {
    const total = answers[0]!.find(
      (r) => r.current === true && r.child === null && r.department_id === null && r.day === null,
    );
    return Number(total?.received ?? 0);
  }
  return answers[0]!.filter((r) => String(r.day) >= q.from).reduce((s, r) => s + Number(r.received), 0);
}
