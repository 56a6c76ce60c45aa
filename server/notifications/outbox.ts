import { and, asc, eq, sql } from 'drizzle-orm';
import pLimit from 'p-limit';
import type { DbOrTx } from '../core/db/client.ts';
import { type SmsProvider, sandboxSms } from './sms.ts';
import { notifications } from './tables.ts';

/** How many queued SMS one run claims at most. */
export const OUTBOX_BATCH = 200;

/** How many messages are with the gateway at once. */
const AT_ONCE = 8;

type Outcome = { id: string; status: 'sent' | 'failed'; provider_id: string | null; sent_at: string | null };

/**
 * Hands the queued SMS (messageRows) to the gateway, oldest first, and records each outcome:
 * 'sent' with the gateway's id, or 'failed'. Only committed messages are seen, so nothing is sent
 * for a change that was rolled back or missed its version. The claimed rows stay locked until the
 * outcomes commit (SKIP LOCKED for a concurrent run), so a crash before then sends them again: a
 * message is sent at least once. The outcomes are written in one statement. `claimed` equal to
 * the limit means more may be waiting.
 */
export async function dispatchQueuedSms(options: {
  db: DbOrTx;
  sms?: SmsProvider;
  limit?: number;
}): Promise<{ sent: number; failed: number; claimed: number }> {
  const { db } = options;
  const provider = options.sms ?? sandboxSms;
  const queued = await db
    .select({ id: notifications.id, address: notifications.address, body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.status, 'queued'), eq(notifications.channel, 'sms')))
    .orderBy(asc(notifications.createdAt))
    .limit(options.limit ?? OUTBOX_BATCH)
    .for('update', { skipLocked: true });
  if (queued.length === 0) return { sent: 0, failed: 0, claimed: 0 };
  const atOnce = pLimit(AT_ONCE);
  const outcomes = await Promise.all(
    queued.map((message) =>
      atOnce(() =>
        provider.send({ phone: message.address ?? '', text: message.body }).then(
          (r): Outcome => ({
            id: message.id,
            status: 'sent',
            provider_id: r.providerId,
            sent_at: new Date().toISOString(),
          }),
          (): Outcome => ({ id: message.id, status: 'failed', provider_id: null, sent_at: null }),
        ),
      ),
    ),
  );
  await db.execute(sql`
    UPDATE ${notifications} SET status = o.status, provider_id = o.provider_id, sent_at = o.sent_at
    FROM json_to_recordset(${JSON.stringify(outcomes)}::json)
      AS o (id uuid, status text, provider_id text, sent_at timestamptz)
    WHERE ${notifications.id} = o.id`);
  const sent = outcomes.filter((o) => o.status === 'sent').length;
  return { sent, failed: outcomes.length - sent, claimed: queued.length };
}
