import { sql } from 'drizzle-orm';
import type { Database } from '../core/db/client.ts';
import { migrationStatus } from '../db/migrate.ts';

export async function healthOf(database: Database) {
  const started = performance.now();
  let reachable = true;
  try {
    await database.db.execute(sql`SELECT 1`);
  } catch {
    reachable = false;
  }
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const migrations = reachable
    ? await migrationStatus(database)
    : { applied: 0, expected: 0, current: false };
  return {
    status: reachable && migrations.current ? ('ok' as const) : ('degraded' as const),
    database: { reachable, latencyMs },
    migrations,
  };
}
