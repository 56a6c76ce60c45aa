/**
 * The database of an audit command (`npm run audit:verify`, `npm run audit:checkpoint`): the one
 * in DATABASE_URL, or the embedded one in DATA_DIR (started for the command when no server runs it).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.ts';
import { connect, type Database } from '../core/db/client.ts';
import { type EmbeddedDatabase, runningEmbeddedUrl, startEmbedded } from '../db/embedded.ts';

export async function openCommandDatabase(
  config: Config,
  log: (message: string) => void,
): Promise<{ database: Database; close: () => Promise<void> }> {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  if (!url) {
    if (!fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
      throw new Error(`DATA_DIR ${config.dataDir} holds no database (set DATABASE_URL or DATA_DIR)`);
    }
    embedded = await startEmbedded(config.dataDir, log, { backupDir: config.backupDir });
    url = embedded.url;
  }
  const database = connect(url, { max: 1 });
  return {
    database,
    close: async () => {
      await database.close();
      await embedded?.stop();
    },
  };
}

/** The innermost reason of an error, in one line. */
export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return reasonOf(error.errors[0]);
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause) return reasonOf(cause);
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return message || code || 'unknown error';
}
