import { sql } from 'drizzle-orm';
import type { Database } from '../core/db/client.ts';
import { migrationStatus } from '../db/migrate.ts';

/** The longest wait for the read replica's answer: a hung replica does not hold up the health check. */
const REPLICA_WAIT_MS = 2000;

async function probe(database: Database, waitMs?: number) {
  const started = performance.now();
  let reachable = true;
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = database.db.execute(sql`SELECT 1`);
    if (waitMs === undefined) await query;
    else {
      query.catch(() => {});
      await Promise.race([
        query,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), waitMs);
        }),
      ]);
    }
  } catch {
    reachable = false;
  } finally {
    clearTimeout(timer);
  }
  return { reachable, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}

/**
 * The primary's reachability and migrations decide the status; the read replica, when one is set,
 * is reported beside them without changing it (its statistics pages fail while it is unreachable).
 */
export async function healthOf(database: Database, readDatabase: Database = database) {
  const [{ reachable, latencyMs }, replica] = await Promise.all([
    probe(database),
    readDatabase === database ? null : probe(readDatabase, REPLICA_WAIT_MS),
  ]);
  const migrations = reachable
    ? await migrationStatus(database)
    : { applied: 0, expected: 0, current: false };
  return {
    status: reachable && migrations.current ? ('ok' as const) : ('degraded' as const),
    database: { reachable, latencyMs },
    ...(replica ? { replica } : {}),
    migrations,
  };
}
