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

/**
 * The periodic jobs of a server process: the time-limit warning sweep, the purge of expired
 * sessions and sign-in counters, the linking of committed audit records into the chain, the
 * signed checkpoints of the chain's head (every AUDIT_CHECKPOINT_INTERVAL_SECONDS) and the SMS outbox.
 * SWEEP_INTERVAL_SECONDS=0 runs none of them in this process.
 */
export async function startJobs(options: {
  db: Db;
  config: Pick<
    Config,
    'warningWorkingDays' | 'sweepIntervalSeconds' | 'caseDailyIntervalSeconds' | 'signIn' | 'auditCheckpoints'
  >;
  log: (message: string) => void;
}): Promise<Jobs> {
  const timeLimits = await startTimeLimits(options);
  const purge = startSignInPurge({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? SIGN_IN_PURGE_INTERVAL_SECONDS : 0,
    lockMinutes: options.config.signIn.lockMinutes,
    log: options.log,
  });
  const link = startAuditLink({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? AUDIT_LINK_INTERVAL_SECONDS : 0,
    log: options.log,
  });
  const checkpoints = startAuditCheckpoints({
    db: options.db,
    config: options.config.auditCheckpoints,
    intervalSeconds:
      options.config.sweepIntervalSeconds > 0 ? options.config.auditCheckpoints.intervalSeconds : 0,
    log: options.log,
  });
  const outbox = startSmsOutbox({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? SMS_OUTBOX_INTERVAL_SECONDS : 0,
    log: options.log,
  });
  const reminders = startAppointmentReminders({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? APPOINTMENT_REMINDERS_INTERVAL_SECONDS : 0,
    log: options.log,
  });
  const ratingDefaults = startRatingDefaults({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? RATING_DEFAULTS_INTERVAL_SECONDS : 0,
    log: options.log,
  });
  const hotlineWarnings = startHotlineWarnings({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? HOTLINE_WARNINGS_INTERVAL_SECONDS : 0,
    log: options.log,
  });
  const inspectorWarnings = startInspectorWarnings({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? INSPECTOR_WARNINGS_INTERVAL_SECONDS : 0,
    log: options.log,
  });
  const assessment = startAssessment({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? ASSESSMENT_INTERVAL_SECONDS : 0,
    log: options.log,
  });
  const caseDaily = startCaseDaily({
    db: options.db,
    intervalSeconds: options.config.sweepIntervalSeconds > 0 ? options.config.caseDailyIntervalSeconds : 0,
    log: options.log,
  });
  return {
    stop: async () => {
      await caseDaily.stop();
      await assessment.stop();
      await inspectorWarnings.stop();
      await hotlineWarnings.stop();
      await ratingDefaults.stop();
      await reminders.stop();
      await outbox.stop();
      await checkpoints.stop();
      await link.stop();
      await purge.stop();
      await timeLimits.stop();
    },
  };
}
