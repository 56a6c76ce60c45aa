import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../core/db/client.ts';

/** What one run gives: the job's result, or `ran: false` when another process held the lock. */
export type LockedOutcome<T extends object> = ({ ran: true } & T) | { ran: false };

export type PeriodicJob<T extends object> = {
  /** Runs the job now (skipped when another process holds the lock). */
  runOnce: () => Promise<LockedOutcome<T>>;
  /** Stops the timer and waits for a running job to finish. */
  stop: () => Promise<void>;
};

/**
 * Runs `work` in a transaction holding a transaction-scoped advisory lock, so that one of several
 * processes runs it at a time: first after `firstDelaySeconds`, then every `intervalSeconds` (at
 * once while `again` says work is left); an interval of 0 starts no timer (runOnce still works).
 * Concurrent runOnce calls share one run.
 */
export function startPeriodicJob<T extends object>(options: {
  db: Db;
  lock: number;
  intervalSeconds: number;
  firstDelaySeconds: number;
  work: (tx: Tx) => Promise<T>;
  /** The line to log after a run, or null for nothing worth saying. */
  report: (result: T) => string | null;
  /** How a failure is logged: `<failure> failed: <message>`. */
  failure: string;
  /** Whether the run left work behind: the next run then starts at once instead of after the interval. */
  again?: (result: T) => boolean;
  log: (message: string) => void;
}): PeriodicJob<T> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<LockedOutcome<T>> | null = null;
  let stopped = false;

  const run = (): Promise<LockedOutcome<T>> =>
    options.db.transaction(async (tx) => {
      const lock = await tx.execute<{ locked: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(${options.lock}) AS locked`,
      );
      if (!lock.rows[0]?.locked) return { ran: false } as const;
      return { ran: true as const, ...(await options.work(tx)) };
    });

  const runOnce = async (): Promise<LockedOutcome<T>> => {
    if (running) return running;
    running = run();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const schedule = (seconds: number) => {
    if (stopped || options.intervalSeconds <= 0) return;
    timer = setTimeout(tick, seconds * 1000);
    timer.unref();
  };

  const tick = async () => {
    let again = false;
    try {
      const outcome = await runOnce();
      const line = outcome.ran ? options.report(outcome) : null;
      if (line) options.log(line);
      again = outcome.ran && (options.again?.(outcome) ?? false);
    } catch (error) {
      options.log(`${options.failure} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    schedule(again ? 0 : options.intervalSeconds);
  };

  schedule(options.firstDelaySeconds);

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
