import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';
import { appointmentCategories, appointments } from '../appointments/tables.ts';
import { halls, windows } from '../organisations/tables.ts';

/** What a ticket is taken for in a hall (取号类别), with the letter its numbers carry (A001 …). */
export const ticketCategories = pgTable(
  'ticket_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    letter: text('letter').notNull(),
    name: text('name').notNull(),
    /** Bookings of this appointment category check in to this ticket category. */
    appointmentCategoryId: uuid('appointment_category_id').references(() => appointmentCategories.id),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ticket_categories_hall_letter_uq').on(t.hallId, t.letter)],
);

/** The categories a window serves, as its hall's managers set them. */
export const ticketWindowCategories = pgTable(
  'ticket_window_categories',
  {
    windowId: uuid('window_id')
      .notNull()
      .references(() => windows.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => ticketCategories.id),
  },
  (t) => [primaryKey({ columns: [t.windowId, t.categoryId] })],
);

/** A window paused by its clerk calls no ticket until resumed. */
export const ticketWindowPauses = pgTable('ticket_window_pauses', {
  windowId: uuid('window_id')
    .primaryKey()
    .references(() => windows.id),
  pausedAt: timestamp('paused_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A hall's queue rules: the waiting-time goal and how many tickets one person may hold a day. */
export const ticketSettings = pgTable('ticket_settings', {
  hallId: uuid('hall_id')
    .primaryKey()
    .references(() => halls.id),
  /** The goal for the average wait today, in minutes (a warning on the live board when missed). */
  waitGoalMinutes: integer('wait_goal_minutes').notNull().default(20),
  /** Tickets one person may take in the hall per day. */
  dailyLimitPerPerson: integer('daily_limit_per_person').notNull().default(3),
  /** The person is told when this many people are ahead. */
  nearNoticeAhead: integer('near_notice_ahead').notNull().default(3),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The last number given per category and day (China time). */
export const ticketCounters = pgTable(
  'ticket_counters',
  {
    categoryId: uuid('category_id')
      .notNull()
      .references(() => ticketCategories.id),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.day] })],
);

/**
 * A ticket (号票). rank orders the queue before the number: 0 绿色通道 / 帮办代办, 1 a booking of
 * today checked in, 2 everyone else.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => ticketCategories.id),
    day: date('day', { mode: 'string' }).notNull(),
    number: integer('number').notNull(),
    /** Letter and number, e.g. A012. */
    code: text('code').notNull(),
    /** green (绿色通道) | agent (帮办代办) | booking | normal */
    priority: text('priority').notNull(),
    rank: integer('rank').notNull(),
    /** kiosk | phone | reception */
    channel: text('channel').notNull(),
    accountId: uuid('account_id').references(() => accounts.id),
    /** The person as the reception desk or the kiosk's ID card names them, and a phone for SMS. */
    personName: text('person_name'),
    phone: text('phone'),
    /** When the person was told their turn is near (once). */
    nearNoticeAt: timestamp('near_notice_at', { withTimezone: true }),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    /** waiting | called | skipped | done | no_show */
    status: text('status').notNull().default('waiting'),
    /** A skipped ticket comes back once. */
    returned: boolean('returned').notNull().default(false),
    windowId: uuid('window_id').references(() => windows.id),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
    calledAt: timestamp('called_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('tickets_category_day_number_uq').on(t.categoryId, t.day, t.number),
    uniqueIndex('tickets_appointment_uq').on(t.appointmentId),
    index('tickets_hall_day_idx').on(t.hallId, t.day),
    index('tickets_account_day_idx').on(t.accountId, t.day),
    index('tickets_queue_idx').on(t.hallId, t.day, t.rank, t.number).where(sql`${t.status} = 'waiting'`),
  ],
);

/**
 * Each change of a ticket, with its time: taken, called, recall, skip, return, transferred, done, no_show,
 * requeued (sent back to its category when the window it was transferred to paused).
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    kind: text('kind').notNull(),
    windowId: uuid('window_id').references(() => windows.id),
    actorId: uuid('actor_id').references(() => accounts.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at)],
);
