import type { Db } from '../core/db/client.ts';
import { refreshHotlineWarnings } from '../hotline/index.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the job, so that one process at a time refreshes 12345 warnings. */
export const HOTLINE_WARNINGS_LOCK = 7_262_112;

/** How often the warnings of 12345 requests are refreshed. */
export const HOTLINE_WARNINGS_INTERVAL_SECONDS = 600;

/**
 * 12345: every `intervalSeconds`, the yellow (due today) and red (overdue) warnings of open
 * requests, and the escalation of newly overdue ones to the supervisors. 0 starts no timer
 * (runOnce still works).
 */
export function startHotlineWarnings(options: {
  db: Db;
  intervalSeconds: number;
  now?: () => Date;
  log: (message: string) => void;
}): PeriodicJob<{ changed: number; escalated: number }> {
  return startPeriodicJob({
    db: options.db,
    lock: HOTLINE_WARNINGS_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: Math.min(options.intervalSeconds, 10),
    work: async (tx) => refreshHotlineWarnings(tx, options.now?.() ?? new Date()),
    report: ({ changed, escalated }) =>
      changed + escalated > 0
        ? `12345 warnings: ${changed} changed, ${escalated} escalated to supervisors`
        : null,
    failure: '12345 warnings',
    log: options.log,
  });
}
