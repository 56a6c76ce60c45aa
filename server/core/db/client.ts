import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { prepareStatements } from './prepared.ts';

export type Db = NodePgDatabase;
/** A database handle or an open transaction: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

type ConnectOptions = {
  max?: number;
  /** How long a query waits for a connection (opened, signed in) before it fails; 10 s by default. */
  connectTimeoutMs?: number;
  onError?: (e: Error) => void;
};

export function connect(url: string, options: ConnectOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // Idle connections are dropped when the database stops; without a listener that crashes the process.
  pool.on('error', (error) => options.onError?.(error));
  pool.on('connect', prepareStatements);
  // pool.end() resolves once it has asked each connection to close, before they have closed: a
  // database stopped right after would still end some of them (an error each). close() waits.
  const open = new Set<pg.PoolClient>();
  let allClosed = () => {};
  pool.on('connect', (client) => open.add(client));
  pool.on('remove', (client) => {
    open.delete(client);
    if (open.size === 0) allClosed();
  });
  const db = drizzle({ client: pool });
  let closed = false;
  return {
    db,
    pool,
    close: async () => {
      if (closed) return;
      closed = true;
      const drained = new Promise<void>((resolve) => {
        allClosed = resolve;
        if (open.size === 0) resolve();
      });
      await pool.end();
      await drained;
    },
  };
}
