import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, sessions } from '../accounts/tables.ts';
import { halls } from '../organisations/tables.ts';

/**
 * Self-service kiosks (自助终端) registered in a hall. The device proves itself with a token
 * shown once at registration; only the token's SHA-256 is stored.
 */
export const kioskDevices = pgTable(
  'kiosk_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => accounts.id),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    deactivatedBy: uuid('deactivated_by').references(() => accounts.id),
    /** Last time the device called the API with its token. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('kiosk_devices_token_hash_uq').on(t.tokenHash),
    index('kiosk_devices_hall_idx').on(t.hallId),
  ],
);

/**
 * An applicant's short session at a kiosk, opened by reading the resident ID card. It binds
 * the applicant session (accounts' `sessions`) to the device and its hall, and has its own idle
 * expiry. Kept after it ends as the record of the kiosk's use.
 */
export const kioskSessions = pgTable(
  'kiosk_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The applicant session; null once that session is gone. */
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => kioskDevices.id),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** sign_out | idle | time_limit | replaced | device_inactive */
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('kiosk_sessions_session_uq').on(t.sessionId),
    index('kiosk_sessions_open_device_idx').on(t.deviceId).where(sql`${t.endedAt} IS NULL`),
  ],
);
