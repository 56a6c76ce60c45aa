import { sql } from 'drizzle-orm';
import { todayInChina } from '../calendar/service.ts';
import { refreshWarnings, type WarningCounts } from '../cases/warnings.ts';
import type { Db } from '../db/client.ts';

/** Advisory lock taken by the sweep, so that one process at a time runs it. */
export const WARNING_SWEEP_LOCK = 7_262_101;

export type SweepOutcome = { ran: true; today: string; counts: WarningCounts } | { ran: false };

export type WarningSweep = {
  /** Runs the sweep now (skipped when another process holds the lock). */
  runOnce: () => Promise<SweepOutcome>;
  /** Stops the timer and waits for a running sweep to finish. */
  stop: () => Promise<void>;
};

export type WarningSweepOptions = {
  db: Db;
  /** Seconds between sweeps; 0 starts no timer (runOnce still works). */
  intervalSeconds: number;
  warningDays: number;
  log: (message: string) => void;
  now?: () => Date;
};

/**
 * Refreshes the yellow/red time-limit warnings of open cases: once at start, then every
 * `intervalSeconds`. Deadlines live in the cases table, so a restart loses nothing; the
 * transaction-scoped advisory lock lets only one of several processes sweep at a time.
 */
export function startWarningSweep(options: WarningSweepOptions): WarningSweep {
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<SweepOutcome> | null = null;
  let stopped = false;

  const sweep = (): Promise<SweepOutcome> =>
    options.db.transaction(async (tx) => {
      const lock = await tx.execute<{ locked: boolean }>(
        sql`SELECT pg_try_advisory_xact_lock(${WARNING_SWEEP_LOCK}) AS locked`,
      );
      if (!lock.rows[0]?.locked) return { ran: false } as const;
      const today = todayInChina(now());
      const counts = await refreshWarnings({ db: tx, today, warningDays: options.warningDays });
      return { ran: true, today, counts } as const;
    });

  const runOnce = async (): Promise<SweepOutcome> => {
    if (running) return running;
    running = sweep();
    try {
      return await running;
    } finally {
      running = null;
    }
  };

  const tick = async () => {
    try {
      const outcome = await runOnce();
      if (outcome.ran && outcome.counts.changed > 0) {
        const { red, yellow, changed } = outcome.counts;
        options.log(`time-limit warnings: ${changed} changed (${red} red, ${yellow} yellow open cases)`);
      }
    } catch (error) {
      options.log(
        `time-limit warning sweep failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!stopped && options.intervalSeconds > 0) {
      timer = setTimeout(tick, options.intervalSeconds * 1000);
      timer.unref();
    }
  };

  if (options.intervalSeconds > 0) {
    timer = setTimeout(tick, 0);
    timer.unref();
  }

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
