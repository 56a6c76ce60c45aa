import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';
import { regions } from '../regions/tables.ts';

/**
 * Settings a region gives for evaluation, the 12345 hotline and the monthly assessment (days,
 * limits, weights). Only what differs from the defaults is kept; a region without a row takes its
 * nearest ancestor's, and the defaults beyond the root.
 */
export const regionSettings = pgTable('region_settings', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  settings: jsonb('settings').notNull().default(sql`'{}'::jsonb`),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
