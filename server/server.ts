import { type Config, DEVELOPMENT_SEAL_KEY_SECRET } from './core/config.ts';
import { connect, type Database } from './core/db/client.ts';
import { openReadDatabase, withoutPassword } from './core/db/read-replica.ts';
import type { App } from './core/http/types.ts';
import { type EmbeddedDatabase, startEmbedded } from './db/embedded.ts';
import { applyMigrations } from './db/migrate.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { buildApp } from './http/app.ts';
import { startJobs } from './jobs/index.ts';

export type RunningServer = {
  app: App;
  database: Database;
  /** The statistics' read replica, or `database` itself when none is configured. */
  readDatabase: Database;
  url: string;
  stop: () => Promise<void>;
};

function describeConnectionError(error: unknown, url: string): string {
  const safe = withoutPassword(url);
  const code = (error as { code?: string }).code;
  const reason = error instanceof Error && error.message ? error.message : String(code ?? error);
  return `the database at ${safe} is not reachable (${reason}). Check DATABASE_URL, or unset it to use the embedded database.`;
}

/** Starts the database (embedded or given), applies migrations, loads demo data, listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const log = (message: string) => console.log(`[yiwang] ${message}`);
  const started = Date.now();
  if (config.sealKeySecret === DEVELOPMENT_SEAL_KEY_SECRET) {
    log(
      'warning: SEAL_KEY_SECRET is not set; the seal keys of electronic certificates are encrypted with the development default (set it in production)',
    );
  }
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbedded(config.dataDir, log, { backupDir: config.backupDir });
    url = embedded.url;
  }
  const database = connect(url, { onError: (e) => log(`database connection lost: ${e.message}`) });
  try {
    await applyMigrations(database);
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw new Error(describeConnectionError(error, url));
  }
  if (config.demoData) {
    const seeded = await seedDemoIfEmpty(database.db, config);
    if (seeded) log('loaded the demo data (西安市, demo sign-ins with password demo1234)');
  }
  const readDatabase = openReadDatabase({
    readUrl: config.readDatabaseUrl,
    connectTimeoutMs: config.readDatabaseConnectTimeoutMs,
    primaryUrl: url,
    primary: database,
    embedded: embedded !== null,
    log,
  });
  if (readDatabase !== database) log(`statistics are read from ${withoutPassword(config.readDatabaseUrl!)}`);
  const jobs = await startJobs({ db: database.db, config, log });
  const app = await buildApp({ config, database, readDatabase });
  const address = await app.listen({ port: config.port, host: config.host });
  log(`ready in ${Date.now() - started} ms at ${address.replace('0.0.0.0', 'localhost')}`);
  return {
    app,
    database,
    readDatabase,
    url: address,
    stop: async () => {
      await jobs.stop();
      await app.close();
      if (readDatabase !== database) await readDatabase.close();
      await database.close();
      await embedded?.stop();
    },
  };
}
