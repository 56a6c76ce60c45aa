import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { ScreenAnswer } from '../../common/statistics/api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { organisationNameOf } from '../organisations/index.ts';
import { monthlyRatingCounts } from '../ratings/index.ts';
import { findRegion, listRegions, type Region } from '../regions/index.ts';
import { waitingInRegion } from '../tickets/index.ts';

/**
 * The big screen (大屏) of a region subtree, read from case_daily only (never the cases): today, this
 * month so far, the last 30 days, the child regions each summing its subtree, the departments with
 * the most cases concluded this month; beside them the people waiting in the region's halls now and
 * this month's satisfaction. Public: counts and names of regions and departments, nothing personal.
 */

export type Screen = Static<typeof ScreenAnswer>;
export type ScreenRegion = Pick<Region, 'code' | 'name' | 'path'>;

/** The city the screen shows when no region is asked for. */
export const DEFAULT_SCREEN_REGION = '610100';
/** Days of the trend, today included. */
export const TREND_DAYS = 30;
/** Departments in the ranking. */
export const TOP_DEPARTMENTS = 10;

const DAY_MS = 86_400_000;

/** The China day of a moment, YYYY-MM-DD. */
export const chinaDay = (at: Date) => at.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The day `days` after `day` (negative: before). */
export const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A share rounded to 4 decimals; null when there is nothing to count. */
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/**
 * The region the screen shows: the one asked for (unknown: a 404 naming `region`), else the city
 * 610100, else the city (or top region) of the latest day with cases, else the first top region.
 */
export async function screenRegion(db: DbOrTx, code: string | undefined): Promise<ScreenRegion> {
  if (code !== undefined) {
    const region = await findRegion(db, code);
    if (!region)
      throw new AppError('resource.not_found', { field: 'region', params: { resource: '行政区划' } });
    return region;
  }
  const city = await findRegion(db, DEFAULT_SCREEN_REGION);
  if (city) return city;
  const { rows } = await db.execute<{ path: string }>(
    sql`SELECT region_path AS path FROM case_daily ORDER BY day DESC LIMIT 1`,
  );
  const parts = rows[0]?.path.split('/') ?? [];
  const found = parts.length ? await findRegion(db, parts[Math.min(1, parts.length - 1)]!) : null;
  if (found) return found;
  const [top] = await listRegions({ db, limit: 1 });
  if (!top) throw new AppError('resource.not_found', { field: 'region', params: { resource: '行政区划' } });
  return top;
}

type Sums = { received: number; concluded: number; onTime: number; atMostOne: number; online: number };
type Grouped = Sums & { day: string | null; child: string | null; department: string | null };

/**
 * One scan of the subtree's case_daily rows from `from` to `today`: per day (the trend and today),
 * and, over the month's days only, per child region and per department.
 */
async function grouped(db: DbOrTx, path: string, from: string, month: string, today: string) {
  const { rows } = await db.execute<Record<string, string | number | null>>(sql`
    SELECT r.day::text AS day, r.child, r.department_id::text AS department,
      GROUPING(r.day) = 0 AS by_day,
      sum(r.received)::int AS received, sum(r.concluded)::int AS concluded,
      sum(r.concluded_on_time)::int AS on_time,
      sum(r.concluded_at_most_one_visit)::int AS at_most_one,
      sum(r.concluded_fully_online)::int AS online,
      coalesce(sum(r.received) FILTER (WHERE r.day >= ${month}::date), 0)::int AS m_received,
      coalesce(sum(r.concluded) FILTER (WHERE r.day >= ${month}::date), 0)::int AS m_concluded,
      coalesce(sum(r.concluded_on_time) FILTER (WHERE r.day >= ${month}::date), 0)::int AS m_on_time
    FROM (
      SELECT d.*, CASE WHEN d.region_path = ${path} THEN NULL
        ELSE split_part(substr(d.region_path, ${path.length + 2}), '/', 1) END AS child
      FROM case_daily d
      WHERE (d.region_path = ${path} OR d.region_path LIKE ${`${path}/%`})
        AND d.day BETWEEN ${from}::date AND ${today}::date
    ) r
    GROUP BY GROUPING SETS ((r.day), (r.child), (r.department_id))`);
  const n = (v: unknown) => Number(v ?? 0);
  const days: Grouped[] = [];
  const children: Grouped[] = [];
  const departments: Grouped[] = [];
  for (const row of rows) {
    if (row.by_day) {
      days.push({
        day: row.day as string,
        child: null,
        department: null,
        received: n(row.received),
        concluded: n(row.concluded),
        onTime: n(row.on_time),
        atMostOne: n(row.at_most_one),
        online: n(row.online),
      });
      continue;
    }
    const monthly: Grouped = {
      day: null,
      child: row.child as string | null,
      department: row.department as string | null,
      received: n(row.m_received),
      concluded: n(row.m_concluded),
      onTime: n(row.m_on_time),
      atMostOne: 0,
      online: 0,
    };
    if (monthly.department) departments.push(monthly);
    else if (monthly.child) children.push(monthly);
  }
  return { days, children, departments };
}

/** The departments of the ranking with their names, most concluded first (then most received, then name). */
async function rankedDepartments(db: DbOrTx, rows: Grouped[]): Promise<Screen['departments']> {
  const top = rows
    .filter((r) => r.concluded > 0 || r.received > 0)
    .sort((a, b) => b.concluded - a.concluded || b.received - a.received)
    .slice(0, TOP_DEPARTMENTS);
  if (!top.length) return [];
  const { rows: named } = await db.execute<{ id: string; name: string | null }>(sql`
    SELECT d.id::text AS id, ${organisationNameOf(sql`d.id`)} AS name
    FROM unnest(${sql.param(top.map((r) => r.department))}::uuid[]) AS d(id)`);
  const names = new Map(named.map((r) => [r.id, r.name ?? '']));
  return top
    .map((r) => ({
      id: r.department!,
      name: names.get(r.department!) ?? '',
      concluded: r.concluded,
      onTimeRate: share(r.onTime, r.concluded),
      received: r.received,
    }))
    .sort(
      (a, b) => b.concluded - a.concluded || b.received - a.received || a.name.localeCompare(b.name, 'zh'),
    )
    .map(({ received: _r, ...row }) => row);
}

/** When the rollups were last brought up to date: the oldest case change not yet added, else now. */
async function rollupsAsOf(db: DbOrTx): Promise<Date> {
  const { rows } = await db.execute<{ at: string | Date }>(
    sql`SELECT marked_at AS at FROM case_daily_changes ORDER BY id LIMIT 1`,
  );
  return rows[0] ? new Date(rows[0].at) : new Date();
}

/** The big screen of a region subtree on a China day (default: today). */
export async function screenAnswer(
  db: DbOrTx,
  region: ScreenRegion,
  options: { today?: string } = {},
): Promise<Screen> {
  const asOf = await rollupsAsOf(db);
  const today = options.today ?? chinaDay(new Date());
  const month = `${today.slice(0, 8)}01`;
  const first = addDays(today, 1 - TREND_DAYS);
  const from = month < first ? month : first;
  const [groups, children, waiting, ratings] = await Promise.all([
    grouped(db, region.path, from, month, today),
    listRegions({ db, parent: region.code }),
    waitingInRegion(db, region.path),
    monthlyRatingCounts(db, today.slice(0, 7), 'region', [region.code]),
  ]);
  const byDay = new Map(groups.days.map((d) => [d.day!, d]));
  const none: Sums = { received: 0, concluded: 0, onTime: 0, atMostOne: 0, online: 0 };
  const monthSums = groups.days
    .filter((d) => d.day! >= month)
    .reduce<Sums>(
      (sum, d) => ({
        received: sum.received + d.received,
        concluded: sum.concluded + d.concluded,
        onTime: sum.onTime + d.onTime,
        atMostOne: sum.atMostOne + d.atMostOne,
        online: sum.online + d.online,
      }),
      none,
    );
  const day = byDay.get(today) ?? none;
  const byChild = new Map(groups.children.map((c) => [c.child!, c]));
  const rated = ratings.get(region.code);
  return {
    region: { code: region.code, name: region.name },
    day: today,
    today: { received: day.received, concluded: day.concluded, onTimeRate: share(day.onTime, day.concluded) },
    waiting,
    satisfaction: rated ? share(rated.satisfied, rated.total) : null,
    ratings: rated?.total ?? 0,
    month: {
      received: monthSums.received,
      concluded: monthSums.concluded,
      onTimeRate: share(monthSums.onTime, monthSums.concluded),
      atMostOneVisitShare: share(monthSums.atMostOne, monthSums.concluded),
      fullyOnlineShare: share(monthSums.online, monthSums.concluded),
    },
    days: Array.from({ length: TREND_DAYS }, (_, i) => {
      const d = addDays(first, i);
      const sums = byDay.get(d) ?? none;
      return {
        day: d,
        received: sums.received,
        concluded: sums.concluded,
        onTimeRate: share(sums.onTime, sums.concluded),
      };
    }),
    districts: children.map((c) => {
      const sums = byChild.get(c.code) ?? none;
      return {
        code: c.code,
        name: c.name,
        received: sums.received,
        concluded: sums.concluded,
        onTimeRate: share(sums.onTime, sums.concluded),
      };
    }),
    departments: await rankedDepartments(db, groups.departments),
    asOf,
  };
}
