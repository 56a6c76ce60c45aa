import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { maskPhone } from '../../common/identity.ts';
import { accountContact, isMobile } from '../accounts/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { type SmsProvider, sandboxSms, smsText } from './sms.ts';
import { notifications } from './tables.ts';

export type NotificationChannel = 'in_app' | 'sms';

/**
 * Tells an account holder something: one in-app message, and the same by SMS when the account
 * has a mobile number. The SMS is queued with the message and handed to the gateway after the
 * commit (outbox.ts), so that nothing is sent for a change that is rolled back. Pass the caller's
 * transaction as `db` so the messages exist exactly when the change they announce does.
 */
export async function notify(options: {
  db: DbOrTx;
  accountId: string;
  title: string;
  body: string;
  /** What it is about, e.g. { caseId, caseNo, event }. */
  subject: Record<string, unknown>;
}): Promise<{ id: string; smsId: string | null }> {
  const { db, accountId } = options;
  const contact = await accountContact(db, accountId);
  if (!contact) throw new AppError('resource.not_found', { params: { resource: '账号' } });
  // Both messages in one statement: one round trip to the database for the in-app message and the SMS.
  const rows = await db
    .insert(notifications)
    .values(messageRows({ ...options, phone: contact.phone }))
    .returning({ id: notifications.id, channel: notifications.channel });
  return {
    id: rows.find((r) => r.channel === 'in_app')!.id,
    smsId: rows.find((r) => r.channel === 'sms')?.id ?? null,
  };
}

/**
 * The rows that record telling someone something: the in-app message to their account, and the SMS
 * queued for the gateway (outbox.ts) when the phone is a mobile number. Without an account (a phone
 * given at a hall's reception desk) only the SMS.
 */
export function messageRows(options: {
  accountId: string | null;
  phone: string | null;
  title: string;
  body: string;
  subject: Record<string, unknown>;
}): (typeof notifications.$inferInsert)[] {
  const { accountId, title, body, subject } = options;
  const inApp = { accountId, channel: 'in_app', title, body, subject, status: 'sent', sentAt: new Date() };
  const inApps = accountId ? [inApp] : [];
  if (!options.phone || !isMobile(options.phone)) return inApps;
  const text = smsText(title, body);
  return [
    ...inApps,
    { accountId, channel: 'sms', address: options.phone, title, body: text, subject, status: 'queued' },
  ];
}

/** Sends an SMS through the provider now and gives the row that records it with its outcome. */
async function smsRow(options: {
  accountId: string;
  phone: string;
  title: string;
  body: string;
  subject: Record<string, unknown>;
  sms?: SmsProvider | undefined;
}) {
  const { accountId, phone, title, subject } = options;
  const provider = options.sms ?? sandboxSms;
  const text = smsText(title, options.body);
  const sent = await provider.send({ phone, text }).then(
    (result) => ({ status: 'sent', providerId: result.providerId, sentAt: new Date() }),
    () => ({ status: 'failed', providerId: null, sentAt: null }),
  );
  return { accountId, channel: 'sms', address: phone, title, body: text, subject, ...sent };
}

/**
 * One SMS to a mobile number of an account holder, sent now and recorded with its outcome ('sent'
 * or 'failed'). For messages that must go by SMS only and at once, whatever else happens (a
 * one-time code); `notify` for the rest.
 */
export async function sendSms(options: {
  db: DbOrTx;
  accountId: string;
  phone: string;
  title: string;
  body: string;
  subject: Record<string, unknown>;
  sms?: SmsProvider | undefined;
}): Promise<{ id: string; status: string }> {
  const [sms] = await options.db
    .insert(notifications)
    .values(await smsRow(options))
    .returning({ id: notifications.id, status: notifications.status });
  return { id: sms!.id, status: sms!.status };
}

export type NotificationView = {
  id: string;
  channel: string;
  /** The phone an SMS went to, masked. */
  address: string | null;
  title: string;
  body: string;
  subject: unknown;
  status: string;
  readAt: string | null;
  createdAt: string;
};

/** One page of an account's own messages, newest first, with the number of unread in-app messages. */
export async function listNotifications(options: {
  db: DbOrTx;
  accountId: string;
  channel: NotificationChannel;
  unreadOnly?: boolean;
  limit: number;
  offset: number;
}): Promise<{ items: NotificationView[]; total: number; unread: number }> {
  const { db, accountId } = options;
  const mine = and(eq(notifications.accountId, accountId), eq(notifications.channel, options.channel));
  const where = options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const unreadWhere = and(
    eq(notifications.accountId, accountId),
    eq(notifications.channel, 'in_app'),
    isNull(notifications.readAt),
  );
  const [rows, [total], [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(notifications).where(where),
    db.select({ n: count() }).from(notifications).where(unreadWhere),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      address: r.address ? maskPhone(r.address) : null,
      title: r.title,
      body: r.body,
      subject: r.subject,
      status: r.status,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
  };
}

/** Marks one of the account's own messages read (again: keeps the first time); someone else's is a 404. */
export async function markNotificationRead(options: {
  db: DbOrTx;
  accountId: string;
  id: string;
}): Promise<{ id: string; readAt: string }> {
  const [row] = await options.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, options.id), eq(notifications.accountId, options.accountId)))
    .returning({ id: notifications.id, readAt: notifications.readAt });
  if (!row?.readAt) throw new AppError('resource.not_found', { params: { resource: '消息' } });
  return { id: row.id, readAt: row.readAt.toISOString() };
}
