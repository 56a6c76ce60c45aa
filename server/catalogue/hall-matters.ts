import { sql } from 'drizzle-orm';
import { keptUnder } from '../core/caches.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { implementations, implementationVersions } from './tables.ts';

/** The matters whose published guide names a hall among its places (办理地点): how many, and the first few. */
export type HallMatters = { count: number; first: { implementationId: string; name: string }[] };

/** How many matters' names each hall's summary carries. */
const FIRST = 3;
const KEPT_MS = 60_000;
const kept = keptUnder<Map<string, HallMatters>>({ ttlMs: KEPT_MS, dependsOn: { implementation: 'all' } });

/**
 * The matters of every hall named as a place by a published guide (the catalogue's 通办 data:
 * where a matter is handed in), kept a minute; publishing or retiring in this process forgets it.
 */
async function allHallMatters(db: DbOrTx): Promise<Map<string, HallMatters>> {
  const now = Date.now();
  const found = kept.get('all', now);
  if (found) return found;
  const { rows } = await db.execute<{ hall_id: string; n: number; first: [string, string][] }>(sql`
    SELECT h.hall_id, count(*)::int AS n,
           (array_agg(json_build_array(h.implementation_id, h.name) ORDER BY h.name))[1:${sql.raw(String(FIRST))}] AS first
      FROM (SELECT DISTINCT p->>'hallId' AS hall_id, i.id::text AS implementation_id, v.name
              FROM ${implementations} i
              JOIN ${implementationVersions} v ON v.id = i.published_version_id
             CROSS JOIN jsonb_array_elements(v.document->'places') p
             WHERE p->>'hallId' IS NOT NULL) h
     GROUP BY h.hall_id`);
  const map = new Map<string, HallMatters>(
    rows.map((r) => [
      r.hall_id,
      { count: r.n, first: r.first.map(([implementationId, name]) => ({ implementationId, name })) },
    ]),
  );
  kept.set('all', map, now);
  return map;
}

/** The matters handed in at each of the halls (a hall no guide names has none). */
export async function mattersAtHalls(db: DbOrTx, hallIds: string[]): Promise<Map<string, HallMatters>> {
  const all = await allHallMatters(db);
  return new Map(hallIds.map((id) => [id, all.get(id) ?? { count: 0, first: [] }]));
}
