import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FigureCasesAnswer, FigureCasesQuery } from '../../common/statistics/api.ts';
import type { ListableFigure } from '../../common/statistics/figures.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { caseConditions, resolveScope, type StatisticsScope } from './access.ts';
import { p90 } from './figure-values.ts';
import { casesOnDays, type DayKind, figuresRead, overdueOpenSql } from './figures-sql.ts';
import { type DayRange, resolvePeriods } from './period.ts';
import { CONCLUDED, FILED } from './recompute.ts';

type Answer = Static<typeof FigureCasesAnswer>;
export type FigureCasesRequest = Static<typeof FigureCasesQuery>;

/**
 * The cases behind a figure: those its denominator counts (the cases received, accepted or concluded
 * in the period, those of them whose limits are in working days, or the open overdue ones), with the
 * predicates of the rollups, so that their number is the figure's; `part` marks the ones the figure
 * singles out: its numerator for a count or a share, the late ones for 按时办结率, and for an average
 * the ones above it (see common/statistics/parts.ts).
 */

/** Which cases a figure's denominator counts. */
type Base = 'received' | 'accepted' | 'concluded' | 'timed' | 'overdue';

const TIMED_CASE = sql`v.limit_unit = 'working_days' AND c.working_days_used IS NOT NULL`;
const LATE = sql`${CONCLUDED} > c.promised_deadline`;
const SUPPLEMENTED = sql`c.supplemented`;
const REUSED_MATERIAL = sql`c.materials_reused > 0`;

/** The listing of each figure: its cases and the part singled out (`p90` is filled in when listing). */
const LISTINGS: Record<ListableFigure, { base: Base; part: (p90: number) => SQL }> = {
  received: { base: 'received', part: () => sql`TRUE` },
  receivedOnline: { base: 'received', part: () => sql`c.channel = 'online'` },
  receivedCounter: { base: 'received', part: () => sql`c.channel = 'counter'` },
  receivedKiosk: { base: 'received', part: () => sql`c.channel = 'kiosk'` },
  receivedAgent: { base: 'received', part: () => sql`c.channel = 'agent'` },
  accepted: { base: 'accepted', part: () => sql`TRUE` },
  concluded: { base: 'concluded', part: () => sql`TRUE` },
  immediateShare: { base: 'concluded', part: () => sql`c.case_type = 'immediate'` },
  onTimeRate: { base: 'concluded', part: () => LATE },
  concludedLate: { base: 'concluded', part: () => LATE },
  overdueOpen: { base: 'overdue', part: () => sql`TRUE` },
  averageWorkingDays: { base: 'timed', part: () => sql`c.working_days_used > v.promised_limit` },
  p90WorkingDays: { base: 'timed', part: (days) => sql`c.working_days_used > ${days}` },
  actualCompression: { base: 'timed', part: () => sql`c.working_days_used >= v.legal_limit` },
  averageVisits: { base: 'concluded', part: () => sql`c.visits > 1` },
  atMostOneVisitShare: { base: 'concluded', part: () => sql`c.visits <= 1` },
  zeroVisitShare: { base: 'concluded', part: () => sql`c.visits = 0` },
  fullyOnlineShare: { base: 'concluded', part: () => sql`c.channel = 'online' AND c.visits = 0` },
  materialReduction: { base: 'received', part: () => REUSED_MATERIAL },
  prefillRate: { base: 'received', part: () => sql`coalesce(c.form_fields_prefilled, 0) > 0` },
  gapsShare: { base: 'accepted', part: () => sql`c.accepted_with_gaps` },
  promiseShare: { base: 'accepted', part: () => sql`c.on_promise` },
  firstTimeSuccess: { base: 'concluded', part: () => sql`NOT ${SUPPLEMENTED}` },
};

/** Concluded on a China day of the range: that day, and the same as a range of times (cases_concluded_at_idx). */
const concludedIn = (range: DayRange) => sql`${CONCLUDED} BETWEEN ${range.from}::date AND ${range.to}::date
  AND c.concluded_at >= (${range.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
  AND c.concluded_at < (${range.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;

/** The cases `c` (with their version `v`) a base counts over the period. */
function baseSql(base: Base, range: DayRange, today: string): SQL {
  const between = (day: SQL) => sql`${day} BETWEEN ${range.from}::date AND ${range.to}::date`;
  switch (base) {
    case 'received':
      return between(FILED);
    case 'accepted':
      return between(sql`c.accepted_on`);
    case 'concluded':
      return concludedIn(range);
    case 'timed':
      return sql`${concludedIn(range)} AND ${TIMED_CASE}`;
    case 'overdue':
      return overdueOpenSql(range, today);
  }
}

/** The day of the case that puts it in a base, read group by group (see casesOnDays). */
const BASE_DAY: Record<Exclude<Base, 'overdue'>, DayKind> = {
  received: 'r',
  accepted: 'a',
  concluded: 'c',
  timed: 'c',
};

/**
 * The cases `c` with their version `v` a base may hold: read through the index of the hall or the
 * matter when one is chosen, through the open cases' index for the overdue ones, else day by day
 * through the groups of the rollups.
 */
function baseFrom(base: Base, scope: StatisticsScope, range: DayRange): SQL {
  const versions = sql`JOIN implementation_versions v ON v.id = c.version_id`;
  if (base === 'overdue' || scope.hall || scope.matter) return sql`cases c ${versions}`;
  return sql`(${casesOnDays(scope, range, BASE_DAY[base], sql`c.*`)}) c ${versions}`;
}

/** The working days within which 90 % of the timed cases of the period were done (0 when none). */
async function p90Days(db: DbOrTx, from: SQL, where: SQL): Promise<number> {
  const { rows } = await db.execute<{ days: number; cases: number }>(sql`
    SELECT c.working_days_used AS days, count(*)::int AS cases FROM ${from}
    WHERE ${where} GROUP BY 1`);
  return p90(new Map(rows.map((r) => [Number(r.days), Number(r.cases)]))).value ?? 0;
}

export type ListedPage = { limit: number; offset: number };

/** The cases of a figure in a scope and period, a page of them. */
export async function listFigureCases(
  db: DbOrTx,
  scope: StatisticsScope,
  figure: ListableFigure,
  options: { range: DayRange; today: string; partOnly: boolean; page: ListedPage },
): Promise<Answer> {
  const listing = LISTINGS[figure];
  const where = sql`c.status <> 'draft' AND ${caseConditions(scope)} AND ${baseSql(listing.base, options.range, options.today)}`;
  const from = baseFrom(listing.base, scope, options.range);
  const days = figure === 'p90WorkingDays' ? await p90Days(db, from, where) : 0;
  const part = listing.part(days);
  const page = sql`LIMIT ${options.page.limit} OFFSET ${options.page.offset}`;
  const { rows } = await figuresRead(db, (tx) =>
    tx.execute(sql`
    WITH listed AS (
      SELECT c.id, c.case_no, c.version_id, c.department_id, c.region_code, c.channel, c.status,
        coalesce(c.submitted_at, c.created_at) AS filed_at, c.accepted_on, c.promised_deadline,
        c.concluded_at, c.working_days_used, c.visits, coalesce(${part}, false) AS part
      FROM ${from}
      WHERE ${where}),
    counted AS (SELECT count(*)::int AS total, count(*) FILTER (WHERE part)::int AS part_total FROM listed)
    SELECT counted.total, counted.part_total, l.id::text AS id, l.case_no AS "caseNo",
      v.name AS "matterName", o.name AS "departmentName", g.name AS "regionName", l.channel, l.status,
      l.filed_at AS "filedAt", l.accepted_on::text AS "acceptedOn",
      l.promised_deadline::text AS "promisedDeadline", l.concluded_at AS "concludedAt",
      l.working_days_used AS "workingDaysUsed", l.visits, l.part
    FROM counted LEFT JOIN LATERAL (
      SELECT * FROM listed WHERE ${options.partOnly ? sql`listed.part` : sql`TRUE`}
      ORDER BY listed.part DESC, listed.case_no ${page}) l ON TRUE
    LEFT JOIN implementation_versions v ON v.id = l.version_id
    LEFT JOIN organisations o ON o.id = l.department_id
    LEFT JOIN regions g ON g.code = l.region_code
    ORDER BY l.part DESC, l.case_no`),
  );
  const first = rows[0] as { total: number; part_total: number } | undefined;
  const items = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      id: r.id as string,
      caseNo: r.caseNo as string,
      matterName: r.matterName as string,
      departmentName: r.departmentName as string,
      regionName: (r.regionName as string | null) ?? '',
      channel: r.channel as string,
      status: r.status as string,
      filedAt: r.filedAt ? new Date(r.filedAt as string) : null,
      acceptedOn: (r.acceptedOn as string | null) ?? null,
      promisedDeadline: (r.promisedDeadline as string | null) ?? null,
      concludedAt: r.concludedAt ? new Date(r.concludedAt as string) : null,
      workingDaysUsed: (r.workingDaysUsed as number | null) ?? null,
      visits: Number(r.visits),
      part: Boolean(r.part),
    }));
  return { figure, total: first?.total ?? 0, partTotal: first?.part_total ?? 0, items };
}

/**
 * The cases behind a figure as the route asks for them: a scope the actor may see, a page at a time
 * (`all`: the first that many, for the Excel).
 */
export async function figureCases(
  db: DbOrTx,
  actor: Actor,
  query: FigureCasesRequest,
  options: { now?: Date; all?: number } = {},
): Promise<Answer & { scope: StatisticsScope; range: DayRange }> {
  const today = todayInChina(options.now ?? new Date());
  const scope = await resolveScope(db, actor, query);
  const { current } = resolvePeriods(query, today);
  const pageSize = query.pageSize ?? 20;
  const page = options.all
    ? { limit: options.all, offset: 0 }
    : { limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize };
  const answer = await listFigureCases(db, scope, query.figure, {
    range: current,
    today,
    partOnly: query.part === true,
    page,
  });
  return { ...answer, scope, range: current };
}
