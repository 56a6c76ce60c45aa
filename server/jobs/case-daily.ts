import type { Db } from '../core/db/client.ts';
import {
  CASE_DAILY_BATCH,
  CASE_DAILY_LOCK,
  type CaseDailyRefresh,
  refreshCaseDailyBatch,
} from '../statistics/index.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/**
 * The daily case rollups (case_daily): every `intervalSeconds`, the case changes queued since are added
 * to them, a batch per run (the next at once while changes are left). 0 starts no timer.
 */
export function startCaseDaily(options: {
  db: Db;
  intervalSeconds: number;
  log: (message: string) => void;
}): PeriodicJob<CaseDailyRefresh> {
  return startPeriodicJob({
    db: options.db,
    lock: CASE_DAILY_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: options.intervalSeconds,
    work: (tx) => refreshCaseDailyBatch(tx),
    report: () => null,
    failure: 'case daily rollups',
    again: ({ changes }) => changes >= CASE_DAILY_BATCH,
    log: options.log,
  });
}
