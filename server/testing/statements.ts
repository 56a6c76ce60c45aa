import pg from 'pg';

let sent: string[] | null = null;
let installed = false;

/**
 * Lets a test see the SQL statements a request sends. Call before the app is created: pool
 * connections bind the query method when they connect (db/prepared.ts).
 */
export function recordStatements(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    if (text) sent?.push(text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
}

/** The SQL statements sent while `run` runs (after recordStatements). */
export async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  if (!installed) throw new Error('recordStatements() first, before the app is created');
  const statements: string[] = [];
  sent = statements;
  try {
    await run();
  } finally {
    sent = null;
  }
  return statements;
}
