import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';

/**
 * People waiting now (tickets of today not yet called) in the active halls of the organisations of a
 * region subtree (the region's path, '610000/610100'); public, a count only.
 */
export async function waitingInRegion(db: DbOrTx, regionPath: string): Promise<number> {
  const { rows } = await db.execute<{ waiting: number }>(sql`
    SELECT count(*)::int AS waiting FROM tickets t
    WHERE t.day = (now() AT TIME ZONE 'Asia/Shanghai')::date AND t.status = 'waiting'
      AND t.hall_id IN (SELECT h.id FROM halls h
        JOIN organisations o ON o.id = h.organisation_id
        JOIN regions g ON g.code = o.region_code
        WHERE h.active AND (g.path = ${regionPath} OR g.path LIKE ${`${regionPath}/%`}))`);
  return rows[0]?.waiting ?? 0;
}
