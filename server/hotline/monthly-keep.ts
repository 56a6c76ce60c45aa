import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import {
  addToRows,
  COUNT_COLUMN,
  HOTLINE_COUNTS,
  type HotlineCount,
  type HotlineDelta,
  type HotlinePlace,
  hotlineScopesOf,
  type ScopeChange,
} from './monthly.ts';

/**
 * When a request was done: the primary department's reply, or the close of a 咨询 answered at
 * once. China dates; null while it is not done.
 */
export const DONE = sql`(CASE WHEN r.replied_at IS NOT NULL THEN (r.replied_at AT TIME ZONE 'Asia/Shanghai')::date
  WHEN r.answered_at_once THEN (r.closed_at AT TIME ZONE 'Asia/Shanghai')::date END)`;

/** The steps whose number counts (first dispatch, returns): recording one changes the counts. */
export const COUNTED_STEPS = new Set(['dispatched', 'redispatched', 'returned']);

const LIVE = sql`r.status <> 'merged'`;
const one = (condition: SQL) => sql`(CASE WHEN ${LIVE} AND ${condition} THEN 1 ELSE 0 END)`;
const steps = (kinds: string) =>
  sql.raw(`(SELECT count(*)::int FROM hotline_events e WHERE e.request_id = r.id AND e.kind IN (${kinds}))`);

/**
 * What one request (alias r) adds to its month in each of its scopes, in hotline_monthly's columns.
 * A merged duplicate counts only as merged; its 主办 department is the one it counts in.
 */
const COUNTS: Record<HotlineCount, SQL> = {
  received: one(sql`true`),
  consults: one(sql`r.kind = 'consult'`),
  helps: one(sql`r.kind = 'help'`),
  suggestions: one(sql`r.kind = 'suggestion'`),
  complaints: one(sql`r.kind = 'complaint'`),
  reports: one(sql`r.kind = 'report'`),
  answeredAtOnce: one(sql`r.answered_at_once`),
  dispatched: one(sql`${steps(`'dispatched', 'redispatched'`)} > 0`),
  closed: one(sql`${DONE} IS NOT NULL`),
  closedOnTime: one(sql`${DONE} <= r.due_date`),
  closedLate: one(sql`${DONE} > r.due_date`),
  overdueOpen: one(sql`r.warning = 'red' AND ${DONE} IS NULL`),
  returned: sql`(CASE WHEN ${LIVE} THEN ${steps(`'returned'`)} ELSE 0 END)`,
  escalated: one(sql`r.escalated_at IS NOT NULL`),
  merged: sql`(CASE WHEN r.status = 'merged' THEN 1 ELSE 0 END)`,
  revisited: one(sql`r.satisfaction IS NOT NULL`),
  satisfied: one(sql`r.satisfaction = 'satisfied'`),
  basicallySatisfied: one(sql`r.satisfaction = 'basically'`),
  dissatisfied: one(sql`r.satisfaction = 'dissatisfied'`),
};

/** The place and counts columns of a request (alias r). */
export const CONTRIBUTION = sql.join(
  [
    sql`r.month::text AS month, r.region_path, r.primary_department_id::text AS department_id`,
    ...HOTLINE_COUNTS.map((k) => sql`${COUNTS[k]} AS ${sql.raw(COUNT_COLUMN[k])}`),
  ],
  sql`, `,
);

/** Request ids as one uuid[] parameter. */
export const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

type Contribution = { place: HotlinePlace; counts: HotlineDelta };

/** What the given requests add to hotline_monthly now. */
async function contributions(tx: DbOrTx, ids: string[]): Promise<Contribution[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.execute(
    sql`SELECT ${CONTRIBUTION} FROM hotline_requests r
        WHERE r.id = ANY(${uuidArray(ids)})`,
  );
  return rows.map((row) => ({
    place: {
      month: row.month as string,
      regionPath: row.region_path as string,
      primaryDepartmentId: (row.department_id as string | null) ?? null,
    },
    counts: Object.fromEntries(HOTLINE_COUNTS.map((k) => [k, Number(row[COUNT_COLUMN[k]])])),
  }));
}

/** Adds the difference between two sets of contributions to hotline_monthly, scope by scope. */
async function applyDifference(tx: DbOrTx, before: Contribution[], after: Contribution[]): Promise<void> {
  const byScope = new Map<string, ScopeChange>();
  const add = (list: Contribution[], sign: 1 | -1) => {
    for (const { place, counts } of list)
      for (const [kind, id] of hotlineScopesOf(place)) {
        const key = `${place.month}|${kind}|${id}`;
        const entry = byScope.get(key) ?? { month: place.month, kind, id, delta: {} };
        for (const k of HOTLINE_COUNTS) entry.delta[k] = (entry.delta[k] ?? 0) + sign * (counts[k] ?? 0);
        byScope.set(key, entry);
      }
  };
  add(before, -1);
  add(after, 1);
  await addToRows(tx, [...byScope.values()]);
}

/**
 * Runs a change of the given requests and keeps hotline_monthly with it, in the caller's
 * transaction: what the requests counted before is taken away and what they count after is added
 * (so counts move with the month, the regions and the 主办 department). The requests must be
 * locked by the caller (or locked by the change itself for new ones).
 */
export async function keepingMonthly<T>(tx: DbOrTx, ids: string[], change: () => Promise<T>): Promise<T> {
  const before = await contributions(tx, ids);
  const result = await change();
  await applyDifference(tx, before, await contributions(tx, ids));
  return result;
}

/** Counts a request just recorded. */
export async function countNewRequest(tx: DbOrTx, id: string): Promise<void> {
  await applyDifference(tx, [], await contributions(tx, [id]));
}
