import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';

/** Messages to applicants: in-app, and through the SMS adapter (the sandbox records them here). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The account told; none for an SMS to a phone given at a hall's reception desk (no account). */
    accountId: uuid('account_id').references(() => accounts.id),
    /** in_app | sms */
    channel: text('channel').notNull(),
    /** The phone number for SMS (stored as sent; masked when shown). */
    address: text('address'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** What it is about, e.g. { caseId, caseNo, event }. */
    subject: jsonb('subject').notNull(),
    /** queued (an SMS waiting for the gateway, outbox.ts) | sent | failed */
    status: text('status').notNull(),
    providerId: text('provider_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_account_idx').on(t.accountId, t.createdAt),
    check('notifications_in_app_account_check', sql`${t.channel} <> 'in_app' OR ${t.accountId} IS NOT NULL`),
    /** The outbox: SMS waiting for the gateway, oldest first (almost always empty). */
    index('notifications_queued_idx').on(t.createdAt).where(sql`${t.status} = 'queued'`),
  ],
);
