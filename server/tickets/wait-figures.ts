import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';

/** The tickets called over a range of days and the seconds they waited, from taking to the call. */
export type TicketWaits = { called: number; waitSeconds: number };

/**
 * The waits of the tickets taken from `from` to `to` (China days) and called: in one hall, or in
 * the halls of the organisations of a region subtree (its path, '610000/610100'). Reads each hall's
 * tickets of the days (tickets_hall_day_idx).
 */
export async function ticketWaits(
  db: DbOrTx,
  query: { from: string; to: string; hallId?: string; regionPath?: string },
): Promise<TicketWaits> {
  const { hallId, regionPath } = query;
  const halls = hallId
    ? sql`SELECT ${hallId}::uuid AS id`
    : sql`SELECT h.id FROM halls h JOIN organisations o ON o.id = h.organisation_id
        JOIN regions g ON g.code = o.region_code
        WHERE g.path = ${regionPath ?? ''} OR g.path LIKE ${`${regionPath ?? ''}/%`}`;
  const { rows } = await db.execute<{ called: number; seconds: number }>(sql`
    SELECT count(*)::int AS called,
      coalesce(round(sum(extract(epoch FROM t.called_at - t.taken_at))), 0)::float8 AS seconds
    FROM tickets t
    WHERE t.hall_id IN (${halls}) AND t.day BETWEEN ${query.from}::date AND ${query.to}::date
      AND t.called_at IS NOT NULL`);
  const row = rows[0];
  return { called: Number(row?.called ?? 0), waitSeconds: Number(row?.seconds ?? 0) };
}
