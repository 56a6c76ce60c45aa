import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';
import { halls } from '../organisations/tables.ts';

/** Opening hours of one day: from `open` to `close`, 'HH:MM' in China time. */
export type DayHours = { open: string; close: string };

/** A day the hall opens although it is not a working day (e.g. a Saturday), with its hours. */
export type ExtraDay = DayHours & { day: string };

/**
 * A hall's appointment settings (预约设置): opening hours per weekday (1 = Monday … 7 = Sunday;
 * a working day uses its weekday's hours), chosen extra days, the slot length and the booking rules.
 * A hall without a row opens Monday–Friday 09:00–17:00 with the default rules.
 */
export const appointmentSettings = pgTable('appointment_settings', {
  hallId: uuid('hall_id')
    .primaryKey()
    .references(() => halls.id),
  /** { "1": {open, close}, … "7": … }: a missing weekday is closed unless it is an extra day. */
  weekdays: jsonb('weekdays').$type<Record<string, DayHours>>().notNull(),
  extraDays: jsonb('extra_days').$type<ExtraDay[]>().notNull(),
  slotMinutes: integer('slot_minutes').notNull().default(30),
  minDaysAhead: integer('min_days_ahead').notNull().default(1),
  maxDaysAhead: integer('max_days_ahead').notNull().default(5),
  cancelHoursBefore: integer('cancel_hours_before').notNull().default(2),
  noShowLimit: integer('no_show_limit').notNull().default(2),
  cancelLimit: integer('cancel_limit').notNull().default(5),
  suspendDays: integer('suspend_days').notNull().default(30),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What is booked in a hall: a window category or one matter, with the places of each slot. */
export const appointmentCategories = pgTable(
  'appointment_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    name: text('name').notNull(),
    /** Places in each slot. */
    capacity: integer('capacity').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_categories_hall_idx').on(t.hallId)],
);

/**
 * The counter of one slot (category, day, start): how many places are taken. A booking raises it
 * only while it is below the category's capacity, in the statement that inserts the booking.
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    categoryId: uuid('category_id')
      .notNull()
      .references(() => appointmentCategories.id),
    day: date('day', { mode: 'string' }).notNull(),
    start: text('start').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.categoryId, t.day, t.start] }),
    check('appointment_slots_booked_check', sql`${t.booked} >= 0`),
  ],
);

/** A booking (预约) of a person or company for a slot. */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => appointmentCategories.id),
    day: date('day', { mode: 'string' }).notNull(),
    start: text('start').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The real name from the account, as booked. */
    name: text('name').notNull(),
    /** online (the person) | phone (a clerk for a caller) | kiosk (the person, at a hall's kiosk) */
    channel: text('channel').notNull(),
    bookedBy: uuid('booked_by')
      .notNull()
      .references(() => accounts.id),
    /** booked | cancelled | no_show | attended */
    status: text('status').notNull().default('booked'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    remindedDayBefore: timestamp('reminded_day_before', { withTimezone: true }),
    remindedHourBefore: timestamp('reminded_hour_before', { withTimezone: true }),
  },
  (t) => [
    /** At most one live booking per person per category (matter) per day. */
    uniqueIndex('appointments_one_a_day_uq')
      .on(t.accountId, t.categoryId, t.day)
      .where(sql`${t.status} = 'booked'`),
    index('appointments_account_idx').on(t.accountId, t.day),
    index('appointments_due_idx').on(t.startsAt).where(sql`${t.status} = 'booked'`),
  ],
);

/** Booking suspended for an account in a hall until a time, with the reason shown. */
export const appointmentSuspensions = pgTable(
  'appointment_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    until: timestamp('until', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    reasonEn: text('reason_en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_suspensions_account_idx').on(t.accountId, t.hallId, t.until)],
);
