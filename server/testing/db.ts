import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../core/db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { DEFAULT_TEST_DATABASE_URL, EMBEDDED_TEST_DATABASE } from './test-server.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;

export type TestDatabase = Database & { url: string; name: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database of its own on the test server, so that test files run in
 * parallel and leave nothing behind. Call `drop()` in an `after` hook.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE_URL === EMBEDDED_TEST_DATABASE) {
    throw new Error(
      `TEST_DATABASE_URL=${EMBEDDED_TEST_DATABASE} is resolved by the test command: run the files with ` +
        '`npm run test:unit -- <files>` (or test:e2e), which starts the embedded server',
    );
  }
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
