import type { Db } from '../core/db/client.ts';
import { dispatchQueuedSms, OUTBOX_BATCH, type SmsProvider } from '../notifications/index.ts';
import { type PeriodicJob, startPeriodicJob } from './periodic.ts';

/** Advisory lock taken by the outbox job, so that one process at a time sends. */
export const SMS_OUTBOX_LOCK = 7_262_104;

/** How often queued SMS are handed to the gateway. */
export const SMS_OUTBOX_INTERVAL_SECONDS = 1;

export type SmsOutbox = PeriodicJob<{ sent: number; failed: number; claimed: number }>;

/**
 * Hands the committed, queued SMS to the gateway (dispatchQueuedSms) every `intervalSeconds`, and
 * at once again after a full batch until the queue is empty; 0 starts no timer (runOnce still
 * works). Logs the failures.
 */
export function startSmsOutbox(options: {
  db: Db;
  intervalSeconds: number;
  sms?: SmsProvider;
  log: (message: string) => void;
}): SmsOutbox {
  return startPeriodicJob({
    db: options.db,
    lock: SMS_OUTBOX_LOCK,
    intervalSeconds: options.intervalSeconds,
    firstDelaySeconds: options.intervalSeconds,
    work: (tx) => dispatchQueuedSms({ db: tx, ...(options.sms ? { sms: options.sms } : {}) }),
    report: (r) => (r.failed > 0 ? `SMS outbox: ${r.sent} sent, ${r.failed} failed` : null),
    failure: 'SMS outbox',
    again: (r) => r.claimed === OUTBOX_BATCH,
    log: options.log,
  });
}
