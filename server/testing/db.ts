import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = Database & { url: string; name: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database of its own on the test server, so that test files run in
 * parallel and leave nothing behind. Call `drop()` in an `after` hook.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `yw_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = connect(url.toString(), { max: 5 });
  await applyMigrations(database);
  return {
    ...database,
    url: url.toString(),
    name,
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
