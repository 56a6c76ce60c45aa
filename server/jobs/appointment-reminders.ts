import { queueAppointmentReminders } from '../appointments/index.ts';
import type { Db } from '../core/db/client.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the reminder job, so that one process at a time queues reminders. */
export const APPOINTMENT_REMINDERS_LOCK = 7_262_106;

/** How often due appointment reminders are queued. */
export const APPOINTMENT_REMINDERS_INTERVAL_SECONDS = 60;

/**
 * Queues the appointment reminders that are due (the day before and 1 hour before) every
 * `intervalSeconds`; the SMS outbox sends them. 0 starts no timer (runOnce still works).
 */
export function startAppointmentReminders(options: {
  db: Db;
  intervalSeconds: number;
  now?: () => Date;
  log: (message: string) => void;
}): PeriodicJob<{ dayBefore: number; hourBefore: number }> {
  return startPeriodicJob({
    db: options.db,
    lock: APPOINTMENT_REMINDERS_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: Math.min(options.intervalSeconds, 5),
    work: (tx) => queueAppointmentReminders({ db: tx, ...(options.now ? { now: options.now() } : {}) }),
    report: () => null,
    failure: 'Appointment reminders',
    log: options.log,
  });
}
