import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { type SmsProvider, sandboxSms } from './sms.ts';
import { notifications } from './tables.ts';

/** How many queued SMS one run hands to the gateway. */
export const OUTBOX_BATCH = 100;

/**
 * Hands the queued SMS (messageRows) to the gateway, oldest first, and records each outcome:
 * 'sent' with the gateway's id, or 'failed'. Only committed messages are seen, so nothing is sent
 * for a change that was rolled back or missed its version. The rows are locked while they are
 * sent (SKIP LOCKED for a concurrent run); a crash before the outcomes commit sends them again,
 * so a message is sent at least once.
 */
export async function dispatchQueuedSms(options: {
  db: DbOrTx;
  sms?: SmsProvider;
  limit?: number;
}): Promise<{ sent: number; failed: number }> {
  const { db } = options;
  const provider = options.sms ?? sandboxSms;
  const queued = await db
    .select({ id: notifications.id, address: notifications.address, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.status, 'queued'), eq(notifications.channel, 'sms')))
    .orderBy(asc(notifications.createdAt))
    .limit(options.limit ?? OUTBOX_BATCH)
    .for('update', { skipLocked: true });
  const outcome = { sent: 0, failed: 0 };
  for (const message of queued) {
    const result = await provider.send({ phone: message.address ?? '', text: message.body }).then(
      (r) => ({ status: 'sent', providerId: r.providerId, sentAt: new Date() }),
      () => ({ status: 'failed', providerId: null, sentAt: null }),
    );
    await db.update(notifications).set(result).where(eq(notifications.id, message.id));
    outcome[result.status === 'sent' ? 'sent' : 'failed']++;
  }
  return outcome;
}
