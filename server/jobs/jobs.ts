import type { Config } from '../core/config.ts';
import type { Db } from '../core/db/client.ts';
import {
  APPOINTMENT_REMINDERS_INTERVAL_SECONDS,
  startAppointmentReminders,
} from './appointment-reminders.ts';
import { ASSESSMENT_INTERVAL_SECONDS, startAssessment } from './assessment.ts';
import { startAuditCheckpoints } from './audit-checkpoint.ts';
import { AUDIT_LINK_INTERVAL_SECONDS, startAuditLink } from './audit-link.ts';
import { startCaseDaily } from './case-daily.ts';
import { HOTLINE_WARNINGS_INTERVAL_SECONDS, startHotlineWarnings } from './hotline-warnings.ts';
import { INSPECTOR_WARNINGS_INTERVAL_SECONDS, startInspectorWarnings } from './inspector-warnings.ts';
import { RATING_DEFAULTS_INTERVAL_SECONDS, startRatingDefaults } from './rating-defaults.ts';
import { SIGN_IN_PURGE_INTERVAL_SECONDS, startSignInPurge } from './sign-in-purge.ts';
import { SMS_OUTBOX_INTERVAL_SECONDS, startSmsOutbox } from './sms-outbox.ts';
import { startTimeLimits } from './time-limits.ts';

export type Jobs = { stop: () => Promise<void> };

type JobsConfig = Pick<
  Config,
  'warningWorkingDays' | 'sweepIntervalSeconds' | 'caseDailyIntervalSeconds' | 'signIn' | 'auditCheckpoints'
>;

type Stoppable = { stop: () => Promise<void> };

/** One periodic job: how often it runs under this configuration, and how it starts. */
type JobSpec = {
  intervalSeconds: (config: JobsConfig) => number;
  start: (options: {
    db: Db;
    config: JobsConfig;
    intervalSeconds: number;
    log: (message: string) => void;
  }) => Stoppable;
};

/** The periodic jobs after the warning sweep, in the order they start (they stop in reverse). */
const JOBS: readonly JobSpec[] = [
  {
    intervalSeconds: () => SIGN_IN_PURGE_INTERVAL_SECONDS,
    start: ({ config, ...options }) =>
      startSignInPurge({ ...options, lockMinutes: config.signIn.lockMinutes }),
  },
  {
    intervalSeconds: () => AUDIT_LINK_INTERVAL_SECONDS,
    start: startAuditLink,
  },
  {
    intervalSeconds: (config) => config.auditCheckpoints.intervalSeconds,
    start: ({ config, ...options }) => startAuditCheckpoints({ ...options, config: config.auditCheckpoints }),
  },
  {
    intervalSeconds: () => SMS_OUTBOX_INTERVAL_SECONDS,
    start: startSmsOutbox,
  },
  {
    intervalSeconds: () => APPOINTMENT_REMINDERS_INTERVAL_SECONDS,
    start: startAppointmentReminders,
  },
  {
    intervalSeconds: () => RATING_DEFAULTS_INTERVAL_SECONDS,
    start: startRatingDefaults,
  },
  {
    intervalSeconds: () => HOTLINE_WARNINGS_INTERVAL_SECONDS,
    start: startHotlineWarnings,
  },
  {
    intervalSeconds: () => INSPECTOR_WARNINGS_INTERVAL_SECONDS,
    start: startInspectorWarnings,
  },
  {
    intervalSeconds: () => ASSESSMENT_INTERVAL_SECONDS,
    start: startAssessment,
  },
  {
    intervalSeconds: (config) => config.caseDailyIntervalSeconds,
    start: startCaseDaily,
  },
];

/**
 * The periodic jobs of a server process: the time-limit warning sweep, the purge of expired
 * sessions and sign-in counters, the linking of committed audit records into the chain, the
 * signed checkpoints of the chain's head (every AUDIT_CHECKPOINT_INTERVAL_SECONDS), the SMS outbox,
 * appointment reminders, 好差评 defaults, 12345 and 体验官 warnings, the monthly assessment and the
 * daily case rollups. SWEEP_INTERVAL_SECONDS=0 runs none of them in this process.
 */
export async function startJobs(options: {
  db: Db;
  config: JobsConfig;
  log: (message: string) => void;
}): Promise<Jobs> {
  const { db, config, log } = options;
  const started: Stoppable[] = [await startTimeLimits(options)];
  for (const job of JOBS) {
    const intervalSeconds = config.sweepIntervalSeconds > 0 ? job.intervalSeconds(config) : 0;
    started.push(job.start({ db, config, intervalSeconds, log }));
  }
  return {
    stop: async () => {
      for (const job of started.toReversed()) await job.stop();
    },
  };
}
