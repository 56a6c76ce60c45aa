import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';
import { kioskDevices } from '../kiosk/tables.ts';
import { halls } from '../organisations/tables.ts';

/**
 * A request for help (请帮我办) from a person on the portal or at a kiosk: a hall agent takes it,
 * contacts the person and helps them apply (帮办).
 */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    /** portal | kiosk */
    channel: text('channel').notNull(),
    accountId: uuid('account_id').references(() => accounts.id),
    kioskDeviceId: uuid('kiosk_device_id').references(() => kioskDevices.id),
    name: text('name').notNull(),
    phone: text('phone'),
    /** The matter the person wants done, when they named one (an implementation id). */
    implementationId: uuid('implementation_id'),
    note: text('note'),
    /** open | taken | done | cancelled */
    status: text('status').notNull().default('open'),
    takenBy: uuid('taken_by').references(() => accounts.id),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('help_requests_hall_idx').on(t.hallId, t.createdAt).where(sql`${t.status} IN ('open', 'taken')`),
    index('help_requests_account_idx').on(t.accountId, t.createdAt),
  ],
);
