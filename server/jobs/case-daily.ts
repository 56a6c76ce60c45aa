import type { Db } from '../core/db/client.ts';
import { CASE_DAILY_BATCH, CASE_DAILY_LOCK, refreshCaseDailyBatch } from '../statistics/index.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/**
 * The daily case rollups (case_daily): every `intervalSeconds`, the groups marked by case changes are
 * recomputed from the cases, a batch per run (the next at once while marks are left). 0 starts no timer.
 */
export function startCaseDaily(options: {
  db: Db;
  intervalSeconds: number;
  log: (message: string) => void;
}): PeriodicJob<{ marks: number; groups: number }> {
  return startPeriodicJob({
    db: options.db,
    lock: CASE_DAILY_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: options.intervalSeconds,
    work: (tx) => refreshCaseDailyBatch(tx),
    report: () => null,
    failure: 'case daily rollups',
    again: ({ marks }) => marks >= CASE_DAILY_BATCH,
    log: options.log,
  });
}
