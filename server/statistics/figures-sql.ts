import { type SQL, sql } from 'drizzle-orm';
import { QUEUE_STATUSES } from '../cases/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { caseConditions, inSubtree, type StatisticsScope } from './access.ts';
import type { DayRange } from './period.ts';
import { CASE_DAILY_COUNTS, CONCLUDED, CONTRIBUTIONS, FILED, TIMED } from './recompute.ts';

/**
 * The daily counts of a scope as case_daily rows (day, region_path, department_id, the counted
 * columns, used_days_histogram): read from case_daily for a region subtree and a department, or
 * counted from the cases with the rollups' own contributions when a hall or a matter is chosen.
 */

export type CaseDailyCount = (typeof CASE_DAILY_COUNTS)[number];
export type Sums = Record<CaseDailyCount, number>;

const COLUMNS = sql.raw(CASE_DAILY_COUNTS.join(', '));
const SUMS = sql.raw(CASE_DAILY_COUNTS.map((c) => `sum(${c}) AS ${c}`).join(', '));

/**
 * Runs the statements of `work` as figures are read: without JIT compilation (their many aggregates
 * with FILTERs would be compiled for seconds to save milliseconds, as the rollups' refresh does), and
 * each planned for the values it is given (a prepared statement's generic plan would read a month
 * and five years through the same index).
 */
export function figuresRead<T>(db: DbOrTx, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL jit = off`);
    await tx.execute(sql`SET LOCAL plan_cache_mode = force_custom_plan`);
    return work(tx);
  });
}

/** Counted from the cases rather than read from case_daily: a hall or a matter was chosen. */
export const fromCases = (scope: StatisticsScope): boolean => scope.hall !== null || scope.matter !== null;

/** The scope's case_daily rows of the days. */
function rollupRows(scope: StatisticsScope, days: DayRange): SQL {
  const department = scope.department ? sql`AND department_id = ${scope.department.id}::uuid` : sql``;
  return sql`SELECT day, region_path, department_id, ${COLUMNS}, used_days_histogram FROM case_daily
    WHERE ${inSubtree(sql`region_path`, scope.region.path)} AND day BETWEEN ${days.from}::date AND ${days.to}::date
      ${department}`;
}

/** A kind of day of a case: filed (r), accepted (a), concluded (c). */
export type DayKind = 'r' | 'a' | 'c';

const DAY_OF: Record<DayKind, SQL> = { r: FILED, a: sql`c.accepted_on`, c: CONCLUDED };
const COUNTED_ON: Record<DayKind, SQL> = {
  r: sql.raw('received'),
  a: sql.raw('accepted'),
  c: sql.raw('concluded'),
};

/** The day of each kind in a case change not yet in case_daily (case_daily_changes). */
const CHANGED_ON: Record<DayKind, SQL> = {
  r: sql.raw('filed_on'),
  a: sql.raw('accepted_on'),
  c: sql.raw('concluded_on'),
};

/**
 * The (day, region_code, department_id) groups of the scope's region subtree (and department) on
 * which cases had a day of the kind in the range: those case_daily counts, and those of case changes
 * not yet in case_daily, so that no case of the range is left out.
 */
function groupsOfKind(scope: StatisticsScope, days: DayRange, kind: DayKind): SQL {
  const department = scope.department ? sql`AND department_id = ${scope.department.id}::uuid` : sql``;
  const within = (day: SQL) => sql`${inSubtree(sql`region_path`, scope.region.path)}
    AND ${day} BETWEEN ${days.from}::date AND ${days.to}::date ${department}`;
  return sql`(SELECT day, region_code, department_id FROM case_daily
      WHERE ${within(sql`day`)} AND ${COUNTED_ON[kind]} > 0
    UNION SELECT ${CHANGED_ON[kind]}, region_code, department_id FROM case_daily_changes
      WHERE ${within(CHANGED_ON[kind])})`;
}

/**
 * The scope's cases with a day of the kind in the range, as (case_id, day, kind) unless other columns
 * of `c` are asked for: read group by group through the indexes on (department, region, day) that the
 * rollups' refresh reads.
 */
export function casesOnDays(
  scope: StatisticsScope,
  days: DayRange,
  kind: DayKind,
  columns: SQL = sql`c.id AS case_id, g.day, ${kind}::text AS kind`,
): SQL {
  return sql`SELECT ${columns} FROM ${groupsOfKind(scope, days, kind)} g
    JOIN cases c ON c.region_code = g.region_code AND c.department_id = g.department_id
      AND ${DAY_OF[kind]} = g.day
    WHERE c.status <> 'draft' AND ${caseConditions(scope)}`;
}

/**
 * The cases `c` with a day of the range: filed, accepted or concluded in it (the day of 办结 as a range
 * of times), each condition one an index of the hall's or the matter's cases answers.
 */
function dayInRange(days: DayRange): SQL {
  return sql`(${FILED} BETWEEN ${days.from}::date AND ${days.to}::date
    OR c.accepted_on BETWEEN ${days.from}::date AND ${days.to}::date
    OR (c.concluded_at >= (${days.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
      AND c.concluded_at < (${days.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))`;
}

/**
 * The same rows as case_daily keeps, counted from the scope's cases by the rollups' contributions:
 * each case with its three days (filed r, accepted a, concluded c), those in the range counted. Only
 * the cases with a day in the range are read, through the indexes of the hall's or the matter's cases
 * by day (cases_hall_*_idx, cases_implementation_*_idx); each case holds all it contributes (its
 * materials and 补正 included).
 */
function caseRows(scope: StatisticsScope, days: DayRange): SQL {
  const perUsedDays = sql`
    SELECT e.day, c.region_path, c.department_id,
      CASE WHEN ${sql.raw(TIMED)} THEN c.working_days_used END AS used_days,
      ${CONTRIBUTIONS}
    FROM cases c
    JOIN implementation_versions v ON v.id = c.version_id
    CROSS JOIN LATERAL (VALUES (${FILED}, 'r'), (c.accepted_on, 'a'), (${CONCLUDED}, 'c')) AS e(day, kind)
    WHERE c.status <> 'draft' AND ${caseConditions(scope)} AND ${dayInRange(days)}
      AND e.day BETWEEN ${days.from}::date AND ${days.to}::date
    GROUP BY e.day, c.region_path, c.department_id, 4`;
  return sql`SELECT day, region_path, department_id, ${SUMS},
      coalesce(jsonb_object_agg(used_days::text, timed_concluded) FILTER (WHERE used_days IS NOT NULL),
        '{}'::jsonb) AS used_days_histogram
    FROM (${perUsedDays}) per_used
    GROUP BY day, region_path, department_id`;
}

/** One group of the daily counts: a day, a child region of the current period, or a department of it. */
export type CountGroup = Sums & {
  byDay: boolean;
  byChild: boolean;
  day: string | null;
  current: boolean | null;
  /** The child region's code; '' for the region itself. */
  child: string | null;
  department: string | null;
};

/** Working days used → cases, of the current or the previous period. */
export type HistogramRow = { current: boolean; days: number; cases: number };

/**
 * The scope's counts from the first day of the previous period to the end of the current one, in one
 * statement: per day; per child region of the scope's region and per department (each split into
 * current and previous); and the histogram of working days used, per period. `source` chooses where
 * they are read (by default case_daily, unless a hall or a matter is chosen).
 */
export async function countGroups(
  db: DbOrTx,
  scope: StatisticsScope,
  current: DayRange,
  previous: DayRange,
  source: 'rollups' | 'cases' = fromCases(scope) ? 'cases' : 'rollups',
): Promise<{ groups: CountGroup[]; histogram: HistogramRow[] }> {
  const all = { from: previous.from, to: current.to };
  const rows = source === 'cases' ? caseRows(scope, all) : rollupRows(scope, all);
  const path = scope.region.path;
  const childOf = sql`CASE WHEN f.region_path = ${path} THEN ''
    ELSE split_part(substr(f.region_path, ${path.length + 2}), '/', 1) END`;
  const { rows: result } = await figuresRead(db, (tx) =>
    tx.execute<{ groups: CountGroup[]; histogram: HistogramRow[] }>(sql`
    WITH f AS MATERIALIZED (${rows}),
    x AS (SELECT f.*, f.day >= ${current.from}::date AS cur, ${childOf} AS child FROM f),
    g AS (SELECT GROUPING(day) = 0 AS "byDay", GROUPING(child) = 0 AS "byChild", day::text AS day,
        cur AS current, child, department_id::text AS department, ${SUMS}
      FROM x GROUP BY GROUPING SETS ((day), (cur, child), (cur, department_id))),
    h AS (SELECT x.cur AS current, k.key::int AS days, sum(k.value::int) AS cases
      FROM x CROSS JOIN LATERAL jsonb_each_text(x.used_days_histogram) k GROUP BY 1, 2)
    SELECT (SELECT coalesce(json_agg(g), '[]') FROM g) AS groups,
      (SELECT coalesce(json_agg(h), '[]') FROM h) AS histogram`),
  );
  const first = result[0] ?? { groups: [], histogram: [] };
  return { groups: first.groups, histogram: first.histogram };
}

/**
 * The open cases: accepted and neither concluded nor closed, as the departments' review queue holds
 * them (cases' QUEUE_STATUSES, whose partial index cases_overdue_open_idx the overdue count reads alone).
 */
const HANDLED = sql.raw(QUEUE_STATUSES.map((s) => `'${s}'`).join(', '));

/** The last day a period's overdue cases are counted on: its end, or today while it runs. */
export const overdueCutoff = (range: DayRange, today: string): string =>
  range.to < today ? range.to : today;

/** The cases `c` past their promised deadline before a period's cutoff day, filed by its end. */
function overdueAtSql(range: DayRange, today: string): SQL {
  return sql`c.promised_deadline < ${overdueCutoff(range, today)}::date AND ${FILED} <= ${range.to}::date`;
}

/**
 * The open cases `c` overdue at the end of a period: still handled now (not concluded or closed),
 * filed by its end, and past their promised deadline before its cutoff day.
 */
export function overdueOpenSql(range: DayRange, today: string): SQL {
  return sql`c.status IN (${HANDLED}) AND ${overdueAtSql(range, today)}`;
}

/** How many open cases of the scope were overdue at the end of the current and of the previous period. */
export async function overdueOpenCounts(
  db: DbOrTx,
  scope: StatisticsScope,
  current: DayRange,
  previous: DayRange,
  today: string,
): Promise<{ current: number; previous: number }> {
  // One process reads the index: parallel workers cost more to start than this scan takes, and
  // the request runs its other reads beside it. The previous period's filter names no column outside
  // cases_overdue_open_idx (the status is its predicate), so the count is an index-only scan.
  const { rows } = await figuresRead(db, async (tx) => {
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    return tx.execute<{ current: number; previous: number }>(sql`
      SELECT count(*)::int AS current,
        count(*) FILTER (WHERE ${overdueAtSql(previous, today)})::int AS previous
      FROM cases c WHERE ${overdueOpenSql(current, today)} AND ${caseConditions(scope)}`);
  });
  return rows[0] ?? { current: 0, previous: 0 };
}

/** When case_daily was last current: the oldest change not yet added, else now. */
export async function rollupsAsOf(db: DbOrTx, now: Date): Promise<Date> {
  const { rows } = await db.execute<{ at: string | null }>(
    sql`SELECT marked_at AS at FROM case_daily_changes ORDER BY id LIMIT 1`,
  );
  const at = rows[0]?.at;
  return at ? new Date(at) : now;
}
