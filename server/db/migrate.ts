import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from '../core/db/client.ts';

export const MIGRATIONS_FOLDER = path.join(import.meta.dirname, 'migrations');
const LOCK_KEY = 7_262_001;

/** Applies the committed migrations; concurrent server processes wait for each other. */
export async function applyMigrations(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
}

function journalEntries(): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export type MigrationStatus = { applied: number; expected: number; current: boolean };

export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const expected = journalEntries();
  let applied = 0;
  try {
    const result = await database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
    );
    applied = result.rows[0]?.n ?? 0;
  } catch {
    applied = 0;
  }
  return { applied, expected, current: applied === expected };
}
