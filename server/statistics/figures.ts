import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FiguresAnswer, FiguresQuery } from '../../common/statistics/api.ts';
import { FIGURES, PROMISE_KEYS, type PromiseKey } from '../../common/statistics/figures.ts';
import { todayInChina } from '../calendar/index.ts';
import { type CatalogueSums, catalogueSums } from '../catalogue/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { resolveScope, type StatisticsScope } from './access.ts';
import {
  addSums,
  allFigures,
  average,
  breakdownRow,
  inOrder,
  share,
  type Value,
  zeroSums,
} from './figure-values.ts';
import {
  type CountGroup,
  countGroups,
  fromCases,
  type HistogramRow,
  overdueOpenCounts,
  rollupsAsOf,
  type Sums,
} from './figures-sql.ts';
import { otherAvailability, otherCounts } from './other-figures.ts';
import { type DayRange, eachDay, resolvePeriods } from './period.ts';

type Answer = Static<typeof FiguresAnswer>;
export type FiguresRequest = Static<typeof FiguresQuery>;

/** The catalogue's promises over the published matters of the scope, each with its parts. */
export function promisesOf(s: CatalogueSums): Answer['promises'] {
  const values: Record<PromiseKey, Value> = {
    immediateShare: share(s.immediate, s.matters),
    compressionWorking: share(s.workingSaved, s.workingLegal),
    compressionNatural: share(s.naturalSaved, s.naturalLegal),
    atMostOnceShare: share(s.atMostOnce, s.matters),
    zeroVisitShare: share(s.zeroVisit, s.matters),
    fullyOnlineShare: share(s.fullyOnline, s.matters),
    onlineAvailableShare: share(s.onlineAvailable, s.matters),
    averageVisits: average(s.visits, s.matters),
    averagePromisedDays: average(s.promisedDays, s.promisedMatters),
  };
  return PROMISE_KEYS.map((key) => ({ key, ...values[key] }));
}

/** The published matters of the scope, for the catalogue's promises. */
const promiseScope = (scope: StatisticsScope) => ({
  region: scope.region.code,
  ...(scope.department ? { departmentId: scope.department.id } : {}),
  ...(scope.hall ? { hallId: scope.hall.id } : {}),
  ...(scope.matter ? { implementationId: scope.matter.id } : {}),
});

/** The daily counts split: per period, per day, per child region and per department of the current period. */
function splitGroups(groups: CountGroup[]) {
  const totals = { current: zeroSums(), previous: zeroSums() };
  const days = new Map<string, Sums>();
  const children = new Map<string, Sums>();
  const departments = new Map<string, Sums>();
  for (const g of groups) {
    if (g.byDay) {
      days.set(g.day as string, addSums(zeroSums(), g));
    } else if (g.current) {
      const into = g.byChild ? children : departments;
      into.set((g.byChild ? g.child : g.department) as string, addSums(zeroSums(), g));
    }
  }
  return { totals, days, children, departments };
}

/** The named rows of a breakdown: the child regions of the scope's region, or the departments with cases. */
async function names(db: DbOrTx, kind: 'regions' | 'departments', ids: string[], parent: string) {
  if (kind === 'regions') {
    const { rows } = await db.execute<{ id: string; name: string }>(
      sql`SELECT code AS id, name FROM regions WHERE parent_code = ${parent} ORDER BY code`,
    );
    return rows;
  }
  if (!ids.length) return [];
  const { rows } = await db.execute<{ id: string; name: string }>(sql`
    SELECT o.id::text AS id, o.name FROM organisations o
    WHERE o.id = ANY(${`{${ids.join(',')}}`}::uuid[]) ORDER BY o.name`);
  return rows;
}

const active = (s: Sums) => s.received + s.accepted + s.concluded > 0;

async function breakdowns(db: DbOrTx, scope: StatisticsScope, split: ReturnType<typeof splitGroups>) {
  const children = await names(db, 'regions', [], scope.region.code);
  const byRegion = children.map((c) => breakdownRow(c.id, c.name, split.children.get(c.id) ?? zeroSums()));
  const own = split.children.get('');
  if (own && active(own))
    byRegion.unshift(breakdownRow(scope.region.code, `${scope.region.name}（本级）`, own));
  const withCases = [...split.departments].filter(([, s]) => active(s));
  const departments = await names(
    db,
    'departments',
    withCases.map(([id]) => id),
    '',
  );
  const byDepartment = departments
    .map((d) => breakdownRow(d.id, d.name, split.departments.get(d.id) ?? zeroSums()))
    .sort((a, b) => b.received + b.concluded - (a.received + a.concluded));
  return { byRegion, byDepartment };
}

/** Working days used → cases, per period, from the histogram rows. */
function histograms(rows: HistogramRow[]) {
  const current = new Map<number, number>();
  const previous = new Map<number, number>();
  for (const r of rows) {
    const into = r.current ? current : previous;
    into.set(Number(r.days), (into.get(Number(r.days)) ?? 0) + Number(r.cases));
  }
  return { current, previous };
}

/** The day points of the period, a zero point for a day without cases. */
function dayPoints(range: DayRange, days: Map<string, Sums>): Answer['days'] {
  return eachDay(range).map((day) => {
    const s = days.get(day) ?? zeroSums();
    return {
      day,
      received: s.received,
      concluded: s.concluded,
      onTimeRate: share(s.concluded_on_time, s.concluded).value,
    };
  });
}

/**
 * The statistics of a scope over a period, beside the previous period and the catalogue's promises:
 * every figure with its numerator and denominator, the child regions, the departments with cases and
 * one point per day. Reads the rollups unless a hall or a matter is chosen (then the cases).
 */
export async function computeFigures(
  db: DbOrTx,
  actor: Actor,
  query: FiguresRequest,
  now = new Date(),
): Promise<Answer> {
  const today = todayInChina(now);
  const scope = await resolveScope(db, actor, query);
  const { current, previous } = resolvePeriods(query, today);
  // Independent reads, side by side on the pool.
  const [counted, overdue, promiseSums, otherNow, otherBefore, asOf] = await Promise.all([
    countGroups(db, scope, current, previous),
    overdueOpenCounts(db, scope, current, previous, today),
    catalogueSums({ db, scope: promiseScope(scope) }),
    otherCounts(db, scope, current),
    otherCounts(db, scope, previous),
    fromCases(scope) ? now : rollupsAsOf(db, now),
  ]);
  const split = splitGroups(counted.groups);
  for (const [day, s] of split.days)
    addSums(day >= current.from ? split.totals.current : split.totals.previous, s);
  const histogram = histograms(counted.histogram);
  const promises = promisesOf(promiseSums);
  const currentFigures = allFigures(split.totals.current, histogram.current, {
    overdueOpen: overdue.current,
    ...otherNow,
  });
  const previousFigures = allFigures(split.totals.previous, histogram.previous, {
    overdueOpen: overdue.previous,
    ...otherBefore,
  });
  const available = otherAvailability(scope);
  const figures = inOrder(currentFigures).map(([key, value]) => {
    const source = FIGURES[key].source;
    const promiseKey = FIGURES[key].promise;
    return {
      key,
      current: value,
      previous: previousFigures[key],
      ...(promiseKey ? { promise: promises.find((p) => p.key === promiseKey)?.value ?? null } : {}),
      available:
        source === 'ratings'
          ? available.ratings
          : source === 'hotline'
            ? available.hotline
            : source === 'tickets'
              ? available.tickets
              : true,
    };
  });
  const { byRegion, byDepartment } = await breakdowns(db, scope, split);
  return {
    scope: {
      region: { code: scope.region.code, name: scope.region.name },
      department: scope.department,
      hall: scope.hall,
      matter: scope.matter,
    },
    period: current,
    previous,
    source: fromCases(scope) ? 'cases' : 'rollups',
    figures,
    promises,
    byRegion,
    byDepartment,
    days: dayPoints(current, split.days),
    asOf,
  };
}
