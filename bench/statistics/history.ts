import pg from 'pg';
import { connect, type Database } from '../../server/core/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { rebuildCaseDaily } from '../../server/statistics/index.ts';
import { TEST_DATABASE_URL } from '../../server/testing/db.ts';
import { generateBenchCases } from '../cases/generate.ts';

export type StatisticsHistory = Database & { url: string; name: string; drop: () => Promise<void> };

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database named `name` on the test server holding `count` cases of generated history with
 * case_daily rebuilt: made once (minutes at 10 M cases) and kept, so that the read benchmarks can
 * run again on it; `drop()` removes it.
 */
export async function statisticsHistory(options: {
  name: string;
  count: number;
  log?: (message: string) => void;
}): Promise<StatisticsHistory> {
  const { name, count, log = () => {} } = options;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name ${name}: lower case, digits and _ only`);
  const exists = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
  );
  if (!exists) await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = connect(url.toString(), { max: 5 });
  const drop = async () => {
    await database.close();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  if (!exists) {
    try {
      await applyMigrations(database);
      const started = performance.now();
      await generateBenchCases({ db: database.db, count, log });
      log(`history of ${count} cases in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      const rebuilt = await rebuildCaseDaily(database.db);
      log(`full rebuild: ${rebuilt.rows} rows in ${(rebuilt.milliseconds / 1000).toFixed(1)} s`);
    } catch (error) {
      await drop();
      throw error;
    }
  } else {
    log(`database ${name} kept from an earlier run`);
  }
  return { ...database, url: url.toString(), name, drop };
}

// Usage: node bench/statistics/history.ts <name> <cases> [drop]
if (import.meta.main) {
  const [name = 'yw_bench_statistics', cases = '10000000', action] = process.argv.slice(2);
  const history = await statisticsHistory({
    name,
    count: Number(cases),
    log: (m) => console.log(`${new Date().toISOString()} ${m}`),
  });
  if (action === 'drop') await history.drop();
  else await history.close();
}
