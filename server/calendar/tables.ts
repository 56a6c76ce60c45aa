import { boolean, date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';

/**
 * China's calendar of working days: statutory holidays and adjusted working days (调休),
 * seeded from the `chinese-days` package and extended by administrators (e.g. a new year
 * when the State Council publishes it). Days not in the table follow Monday–Friday.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  workday: boolean('workday').notNull(),
  /** e.g. 春节, 国庆节, 春节调休上班 */
  name: text('name').notNull(),
  /** national (from the published calendar) | local (an override of a region's administrators) */
  source: text('source').notNull(),
  updatedBy: uuid('updated_by').references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
