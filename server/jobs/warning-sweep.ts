import { todayInChina } from '../calendar/index.ts';
import { refreshWarnings, type WarningCounts } from '../cases/index.ts';
import type { Db } from '../core/db/client.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the sweep, so that one process at a time runs it. */
export const WARNING_SWEEP_LOCK = 7_262_101;

type Swept = { today: string; counts: WarningCounts };

export type WarningSweep = PeriodicJob<Swept>;

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
  return startPeriodicJob({
    db: options.db,
    lock: WARNING_SWEEP_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: 0,
    work: async (tx) => {
      const today = todayInChina(now());
      return { today, counts: await refreshWarnings({ db: tx, today, warningDays: options.warningDays }) };
    },
    report: ({ counts: { red, yellow, changed } }) =>
      changed > 0
        ? `time-limit warnings: ${changed} changed (${red} red, ${yellow} yellow open cases)`
        : null,
    failure: 'time-limit warning sweep',
    log: options.log,
  });
}
