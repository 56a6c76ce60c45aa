import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';

/** Where a rating counts: its month and the department, hall, window and regions it belongs to. */
export type RatingPlace = {
  month: string;
  departmentId: string;
  hallId: string | null;
  windowId: string | null;
  regionPath: string;
};

/** A change of the monthly counts, in rating_monthly's columns. */
export type MonthlyDelta = Partial<
  Record<
    | 'total'
    | 'level1'
    | 'level2'
    | 'level3'
    | 'level4'
    | 'level5'
    | 'defaults'
    | 'bad'
    | 'rectified'
    | 'rectifiedInTime'
    | 'voided',
    number
  >
>;

const COLUMN: Record<keyof MonthlyDelta, string> = {
  total: 'total',
  level1: 'level1',
  level2: 'level2',
  level3: 'level3',
  level4: 'level4',
  level5: 'level5',
  defaults: 'defaults',
  bad: 'bad',
  rectified: 'rectified',
  rectifiedInTime: 'rectified_in_time',
  voided: 'voided',
};

/** What a valid rating adds to its month (negated when it is voided). */
export function ratingDelta(rating: { level: number; isDefault: boolean }, sign: 1 | -1 = 1): MonthlyDelta {
  const delta: MonthlyDelta = { total: sign, [`level${rating.level}`]: sign };
  if (rating.isDefault) delta.defaults = sign;
  if (rating.level <= 2) delta.bad = sign;
  return delta;
}

/** The scopes a rating counts in: its department, hall, window and every region on its path. */
export function scopesOf(place: RatingPlace): [kind: string, id: string][] {
  const scopes: [string, string][] = [['department', place.departmentId]];
  if (place.hallId) scopes.push(['hall', place.hallId]);
  if (place.windowId) scopes.push(['window', place.windowId]);
  for (const code of place.regionPath.split('/').filter(Boolean)) scopes.push(['region', code]);
  return scopes;
}

/** Adds the delta to the rating's month in every scope, in the caller's transaction. */
export async function applyMonthly(tx: DbOrTx, place: RatingPlace, delta: MonthlyDelta): Promise<void> {
  const entries = Object.entries(delta).filter(([, n]) => n) as [keyof MonthlyDelta, number][];
  if (!entries.length) return;
  const columns = sql.raw(entries.map(([k]) => COLUMN[k]).join(', '));
  const updates = sql.raw(
    entries.map(([k]) => `${COLUMN[k]} = rating_monthly.${COLUMN[k]} + EXCLUDED.${COLUMN[k]}`).join(', '),
  );
  const counts = entries.map(([, n]) => sql`${n}::int`);
  const rows = scopesOf(place).map(
    ([kind, id]) => sql`(${place.month}::date, ${kind}, ${id}, ${sql.join(counts, sql`, `)})`,
  );
  await tx.execute(
    sql`INSERT INTO rating_monthly (month, scope_kind, scope_id, ${columns})
        VALUES ${sql.join(rows, sql`, `)}
        ON CONFLICT (month, scope_kind, scope_id) DO UPDATE SET ${updates}`,
  );
}
