import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../common/cases/state-machine.ts';
import type { DbOrTx } from '../core/db/client.ts';

/**
 * The cases of a month as the monthly assessment counts them, one row per department and region path
 * (callers add the rows up to a department or a region subtree). The month is in China time:
 * - concluded: concluded in the month; onTime: on or before the promised deadline (moved by special
 *   procedures), a case without a promised deadline (即办件) being on time; atMostOneVisit, visits;
 * - dueOrConcluded: concluded in the month, or due in it (up to `until`) and not concluded by then;
 * - wentRed: of those, the ones past their deadline while not concluded: marked red by the warning
 *   sweep, concluded late, or still open after the deadline.
 */
export type CaseMonthCounts = {
  departmentId: string;
  regionPath: string;
  concluded: number;
  onTime: number;
  atMostOneVisit: number;
  visits: number;
  dueOrConcluded: number;
  wentRed: number;
};

/** A month (YYYY-MM) and the last day counted (the month's end, or today while it runs). */
export type CaseMonth = { month: string; until: string };

const shanghaiDay = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Asia/Shanghai')::date`);

/** The cases of the month, before grouping: concluded in it, or due in it and open at its end. */
function monthCasesSql(period: CaseMonth, where = sql`TRUE`) {
  const start = `${period.month}-01`;
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const concludedOn = shanghaiDay('c.concluded_at');
  return sql`
    SELECT c.*, ${concludedOn} AS concluded_on,
      (c.concluded_at IS NOT NULL AND ${concludedOn} BETWEEN ${start}::date AND ${period.until}::date) AS concluded_in,
      (c.concluded_at IS NOT NULL AND (c.promised_deadline IS NULL OR ${concludedOn} <= c.promised_deadline)) AS on_time,
      (c.warning = 'red'
        OR (c.promised_deadline IS NOT NULL AND coalesce(${concludedOn}, ${period.until}::date + 1) > c.promised_deadline
            AND c.promised_deadline < ${period.until}::date)) AS went_red
    FROM cases c
    WHERE ${where} AND (
      (c.concluded_at >= (${start}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND c.concluded_at < (${period.until}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
      OR (c.promised_deadline BETWEEN ${start}::date AND ${period.until}::date
        AND (c.status IN (${open}) OR c.status = 'suspended'
             OR c.concluded_at >= (${period.until}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')))`;
}

/** One scan of the month's cases, grouped by department and region path. */
export async function caseMonthCounts(db: DbOrTx, period: CaseMonth): Promise<CaseMonthCounts[]> {
  const { rows } = await db.execute(sql`
    SELECT m.department_id::text AS "departmentId", m.region_path AS "regionPath",
      count(*) FILTER (WHERE m.concluded_in)::int AS concluded,
      count(*) FILTER (WHERE m.concluded_in AND m.on_time)::int AS "onTime",
      count(*) FILTER (WHERE m.concluded_in AND m.visits <= 1)::int AS "atMostOneVisit",
      coalesce(sum(m.visits) FILTER (WHERE m.concluded_in), 0)::int AS visits,
      count(*)::int AS "dueOrConcluded",
      count(*) FILTER (WHERE m.went_red)::int AS "wentRed"
    FROM (${monthCasesSql(period)}) m
    GROUP BY m.department_id, m.region_path`);
  return rows as CaseMonthCounts[];
}

/** A case behind a figure of the month. */
export type CaseMonthItem = {
  caseId: string;
  caseNo: string;
  matterName: string;
  departmentName: string;
  status: string;
  concludedAt: Date | null;
  promisedDeadline: string | null;
  onTime: boolean | null;
  visits: number;
  warning: string;
  wentRed: boolean;
};

/**
 * The cases behind a figure of a department (`departmentId`) or a region subtree (`regionPath`), a page
 * at a time: `concluded` those concluded in the month, `due` those concluded or due in it.
 */
export async function caseMonthItems(
  db: DbOrTx,
  options: CaseMonth & {
    departmentId?: string;
    regionPath?: string;
    which: 'concluded' | 'due';
    limit: number;
    offset: number;
  },
): Promise<{ items: CaseMonthItem[]; total: number }> {
  const scope = options.departmentId
    ? sql`c.department_id = ${options.departmentId}::uuid`
    : sql`(c.region_path = ${options.regionPath} OR c.region_path LIKE ${`${options.regionPath}/%`})`;
  const which = options.which === 'concluded' ? sql`m.concluded_in` : sql`TRUE`;
  const { rows } = await db.execute(sql`
    SELECT m.id::text AS "caseId", m.case_no AS "caseNo", iv.name AS "matterName",
      o.name AS "departmentName", m.status, m.concluded_at AS "concludedAt",
      m.promised_deadline::text AS "promisedDeadline",
      CASE WHEN m.concluded_at IS NULL THEN NULL ELSE m.on_time END AS "onTime",
      m.visits, m.warning, m.went_red AS "wentRed", count(*) OVER ()::int AS total
    FROM (${monthCasesSql(options, scope)}) m
    JOIN organisations o ON o.id = m.department_id
    JOIN implementation_versions iv ON iv.id = m.version_id
    WHERE ${which}
    ORDER BY m.concluded_at DESC NULLS FIRST, m.case_no
    LIMIT ${options.limit} OFFSET ${options.offset}`);
  const total = Number(rows[0]?.total ?? 0);
  const items = rows.map(({ total: _t, concludedAt, ...row }) => ({
    ...row,
    concludedAt: concludedAt ? new Date(concludedAt as string) : null,
  })) as CaseMonthItem[];
  return { items, total };
}
