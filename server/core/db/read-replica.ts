import type pg from 'pg';
import { AppError } from '../errors.ts';
import { connect, type Database } from './client.ts';

/** Connections of the read replica's pool: the statistics pages read little and rarely at once. */
export const READ_POOL_SIZE = 5;

/** A connection string with its password hidden, for messages. */
export function withoutPassword(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** The replica could not be reached: a 503 telling the statistics are unavailable, with the cause kept. */
function replicaUnavailable(cause: unknown): AppError {
  const error = new AppError('statistics.unavailable');
  error.cause = cause;
  return error;
}

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: () => void,
) => void;

/**
 * Every failure to get a connection of the pool (refused, timed out, refused sign-in, the pool ended)
 * becomes `statistics.unavailable`: a query that cannot reach the replica answers 503, not 500.
 * pool.query takes its connection through pool.connect, and so does a transaction.
 */
function failWhenUnreachable(pool: pg.Pool): void {
  const take = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<pg.PoolClient> | undefined;
  const connectOrFail = (callback?: ConnectCallback) => {
    if (callback) {
      take((error, client, done) => callback(error ? replicaUnavailable(error) : undefined, client, done));
      return undefined;
    }
    return take()!.catch((error: unknown) => {
      throw replicaUnavailable(error);
    });
  };
  pool.connect = connectOrFail as typeof pool.connect;
}

/**
 * The database the statistics and figures are read from: a small pool of its own on READ_DATABASE_URL,
 * or the primary's pool itself when no replica is given, when it names the primary, or when the
 * embedded database runs (a replica of it cannot be configured here; ignored with a warning).
 * While the replica cannot be reached, its queries fail with `statistics.unavailable` (503), after at
 * most `connectTimeoutMs` when its host does not answer.
 */
export function openReadDatabase(options: {
  readUrl: string | null;
  /** READ_DATABASE_CONNECT_TIMEOUT_MS: the replica pool's wait for a connection. */
  connectTimeoutMs: number;
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
  const replica = connect(readUrl, {
    max: READ_POOL_SIZE,
    connectTimeoutMs: options.connectTimeoutMs,
    onError: (e) => log(`read replica connection lost: ${e.message}`),
  });
  failWhenUnreachable(replica.pool);
  return replica;
}
