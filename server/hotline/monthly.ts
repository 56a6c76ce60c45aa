import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { invalid } from './access.ts';
import { hotlineMonthly } from './tables.ts';

/** The counts hotline_monthly keeps per month and scope (its columns, in the table's order). */
export const HOTLINE_COUNTS = [
  'received',
  'consults',
  'helps',
  'suggestions',
  'complaints',
  'reports',
  'answeredAtOnce',
  'dispatched',
  'closed',
  'closedOnTime',
  'closedLate',
  'overdueOpen',
  'returned',
  'escalated',
  'merged',
  'revisited',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
] as const;

export type HotlineCount = (typeof HOTLINE_COUNTS)[number];
export type HotlineCounts = Record<HotlineCount, number>;
/** A change of the counts of one request's month. */
export type HotlineDelta = Partial<HotlineCounts>;
export type HotlineScopeKind = 'region' | 'department';

/** The SQL column of each count. */
export const COUNT_COLUMN = Object.fromEntries(
  HOTLINE_COUNTS.map((k) => [k, k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]),
) as Record<HotlineCount, string>;

export const zeroCounts = (): HotlineCounts =>
  Object.fromEntries(HOTLINE_COUNTS.map((k) => [k, 0])) as HotlineCounts;

/** The first day of a month given as YYYY-MM or YYYY-MM-01, or a 400 naming `month`. */
export function monthStart(month: string): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/.exec(month);
  if (!m) throw invalid('month', '月份格式应为 YYYY-MM', 'must be YYYY-MM');
  return `${m[1]}-${m[2]}-01`;
}

/**
 * The 12345 counts of a month for each of the given regions or departments, from hotline_monthly:
 * every column, zeros for a scope without a row.
 */
export async function monthlyHotlineCounts(
  db: DbOrTx,
  query: { month: string; scopeKind: HotlineScopeKind; scopeIds: string[] },
): Promise<Map<string, HotlineCounts>> {
  const month = monthStart(query.month);
  const out = new Map<string, HotlineCounts>(query.scopeIds.map((id) => [id, zeroCounts()]));
  if (out.size === 0) return out;
  const rows = await db
    .select()
    .from(hotlineMonthly)
    .where(
      and(
        eq(hotlineMonthly.month, month),
        eq(hotlineMonthly.scopeKind, query.scopeKind),
        inArray(hotlineMonthly.scopeId, [...out.keys()]),
      ),
    );
  for (const row of rows) {
    const counts = zeroCounts();
    for (const k of HOTLINE_COUNTS) counts[k] = row[k];
    out.set(row.scopeId, counts);
  }
  return out;
}

/** Where a request counts: its month, the regions on its path and its 主办 department. */
export type HotlinePlace = { month: string; regionPath: string; primaryDepartmentId: string | null };

/** The scopes of a place: every region on its path, and its 主办 department when it has one. */
export function hotlineScopesOf(place: HotlinePlace): [kind: HotlineScopeKind, id: string][] {
  const scopes: [HotlineScopeKind, string][] = place.regionPath
    .split('/')
    .filter(Boolean)
    .map((code) => ['region', code]);
  if (place.primaryDepartmentId) scopes.push(['department', place.primaryDepartmentId]);
  return scopes;
}

/** A change of one row of hotline_monthly. */
export type ScopeChange = { month: string; kind: HotlineScopeKind; id: string; delta: HotlineDelta };

/**
 * Adds each change to its row, in one statement of the caller's transaction; the rows are taken in
 * one order (month, scope), so that concurrent changes never wait for each other in a circle.
 */
export async function addToRows(tx: DbOrTx, changes: ScopeChange[]): Promise<void> {
  const changed = changes.filter((c) => HOTLINE_COUNTS.some((k) => c.delta[k]));
  const counted = HOTLINE_COUNTS.filter((k) => changed.some((c) => c.delta[k]));
  if (!counted.length) return;
  const columns = sql.raw(counted.map((k) => COUNT_COLUMN[k]).join(', '));
  const updates = sql.raw(
    counted
      .map((k) => `${COUNT_COLUMN[k]} = hotline_monthly.${COUNT_COLUMN[k]} + EXCLUDED.${COUNT_COLUMN[k]}`)
      .join(', '),
  );
  const key = (c: ScopeChange) => `${c.month}|${c.kind}|${c.id}`;
  const rows = changed
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map(
      (c) =>
        sql`(${c.month}::date, ${c.kind}, ${c.id}, ${sql.join(
          counted.map((k) => sql`${c.delta[k] ?? 0}::int`),
          sql`, `,
        )})`,
    );
  await tx.execute(
    sql`INSERT INTO hotline_monthly (month, scope_kind, scope_id, ${columns})
        VALUES ${sql.join(rows, sql`, `)}
        ON CONFLICT (month, scope_kind, scope_id) DO UPDATE SET ${updates}`,
  );
}

/** Adds the delta to the request's month in every scope it counts in. */
export const applyHotlineMonthly = (tx: DbOrTx, place: HotlinePlace, delta: HotlineDelta) =>
  addToRows(
    tx,
    hotlineScopesOf(place).map(([kind, id]) => ({ month: place.month, kind, id, delta })),
  );
