import { ConfigError, loadConfig } from '../core/config.ts';
import { connect } from '../core/db/client.ts';
import { startEmbedded } from '../db/embedded.ts';
import { applyMigrations } from '../db/migrate.ts';
import { seedDemoIfEmpty } from './seed.ts';

/** `npm run seed`: loads the demo data into the configured database when it is empty. */
async function main(): Promise<number> {
  const config = loadConfig();
  const log = (m: string) => console.log(`[yiwang] ${m}`);
  const embedded = config.databaseUrl
    ? null
    : await startEmbedded(config.dataDir, log, { backupDir: config.backupDir });
  const database = connect(config.databaseUrl ?? embedded!.url);
  try {
    await applyMigrations(database);
    const seeded = await seedDemoIfEmpty(database.db, config);
    log(
      seeded
        ? '已载入演示数据 / demo data loaded'
        : '数据库已有数据，未载入演示数据 / the database is not empty; nothing loaded',
    );
    return 0;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError
        ? `configuration variable ${error.message}`
        : String(error instanceof Error ? error.message : error);
    process.stderr.write(`[yiwang] seed failed: ${message}\n`);
    process.exit(1);
  },
);
