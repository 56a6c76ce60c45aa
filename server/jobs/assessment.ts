import { refreshAssessment } from '../assessment/index.ts';
import type { Db } from '../core/db/client.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the job, so that one process at a time computes the monthly assessment. */
export const ASSESSMENT_LOCK = 7_262_117;

/** How often the job looks whether a month's scores are due. */
export const ASSESSMENT_INTERVAL_SECONDS = 600;

/**
 * The monthly assessment (电子监察): the previous month's scores once it has ended, and the current
 * month's so far once an hour. 0 starts no timer (runOnce still works).
 */
export function startAssessment(options: {
  db: Db;
  intervalSeconds: number;
  now?: () => Date;
  log: (message: string) => void;
}): PeriodicJob<{ months: string[] }> {
  return startPeriodicJob({
    db: options.db,
    lock: ASSESSMENT_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: Math.min(options.intervalSeconds, 30),
    work: async (tx) => ({ months: await refreshAssessment(tx, options.now?.() ?? new Date()) }),
    report: ({ months }) => (months.length ? `Assessment computed for ${months.join(', ')}` : null),
    failure: 'Assessment',
    log: options.log,
  });
}
