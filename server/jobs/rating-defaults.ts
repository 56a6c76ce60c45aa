import type { Db } from '../core/db/client.ts';
import {
  DUE_LINKS_BATCH,
  recordDefaultRatings,
  refreshRevisitWarnings,
  sendDueLinks,
} from '../ratings/index.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the job, so that one process at a time records default ratings. */
export const RATING_DEFAULTS_LOCK = 7_262_107;

/** How often defaults are recorded and the revisits' warnings refreshed. */
export const RATING_DEFAULTS_INTERVAL_SECONDS = 600;

/**
 * 好差评: every `intervalSeconds`, the SMS rating link of each stage newly reached (acceptance,
 * conclusion), a default 基本满意 for each case concluded more than 7
 * days ago without a rating of its conclusion, and the yellow/red warnings of 差评 revisits.
 * 0 starts no timer (runOnce still works).
 */
export function startRatingDefaults(options: {
  db: Db;
  intervalSeconds: number;
  now?: () => Date;
  log: (message: string) => void;
}): PeriodicJob<{ links: number; defaults: number; warnings: number }> {
  return startPeriodicJob({
    db: options.db,
    lock: RATING_DEFAULTS_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: Math.min(options.intervalSeconds, 10),
    work: async (tx) => {
      const now = options.now?.() ?? new Date();
      return {
        links: await sendDueLinks({ db: tx, now }),
        defaults: await recordDefaultRatings({ db: tx, now }),
        warnings: await refreshRevisitWarnings(tx, now),
      };
    },
    report: ({ links, defaults }) =>
      links + defaults > 0
        ? `好差评: ${links} rating links sent, ${defaults} default ratings recorded`
        : null,
    again: ({ links }) => links === DUE_LINKS_BATCH,
    failure: 'Rating defaults',
    log: options.log,
  });
}
