import { connect, type Database } from './client.ts';

/** Connections of the read replica's pool: the statistics pages read little and rarely at once. */
export const READ_POOL_SIZE = 5;

/** A connection string with its password hidden, for messages. */
export function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * The database the statistics and figures are read from: a small pool of its own on READ_DATABASE_URL,
 * or the primary's pool itself when no replica is given, when it names the primary, or when the
 * embedded database runs (a replica of it cannot be configured here; ignored with a warning).
 */
export function openReadDatabase(options: {
  readUrl: string | null;
  primaryUrl: string;
  primary: Database;
  embedded: boolean;
  log: (message: string) => void;
}): Database {
  const { readUrl, primary, log } = options;
  if (readUrl === null || readUrl === options.primaryUrl) return primary;
  if (options.embedded) {
    log(
      'warning: READ_DATABASE_URL is ignored with the embedded database (set DATABASE_URL as well); statistics are read from the embedded database',
    );
    return primary;
  }
  return connect(readUrl, {
    max: READ_POOL_SIZE,
    onError: (e) => log(`read replica connection lost: ${e.message}`),
  });
}
