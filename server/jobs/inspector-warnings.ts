import type { Db } from '../core/db/client.ts';
import { refreshFindingWarnings } from '../inspectors/index.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the job, so that one process at a time refreshes 体验官 warnings. */
export const INSPECTOR_WARNINGS_LOCK = 7_262_113;

/** How often the warnings of 体验官 findings are refreshed. */
export const INSPECTOR_WARNINGS_INTERVAL_SECONDS = 600;

/**
 * 体验官: every `intervalSeconds`, the yellow (due soon) and red (overdue) warnings of findings being
 * rectified. 0 starts no timer (runOnce still works).
 */
export function startInspectorWarnings(options: {
  db: Db;
  intervalSeconds: number;
  now?: () => Date;
  log: (message: string) => void;
}): PeriodicJob<{ changed: number }> {
  return startPeriodicJob({
    db: options.db,
    lock: INSPECTOR_WARNINGS_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: Math.min(options.intervalSeconds, 10),
    work: async (tx) => refreshFindingWarnings(tx, options.now?.() ?? new Date()),
    report: ({ changed }) => (changed > 0 ? `体验官 warnings: ${changed} changed` : null),
    failure: '体验官 warnings',
    log: options.log,
  });
}
