import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * What happened to cases per (day, region, department): each count is kept on the day its event
 * happened (received on the day filed, accepted on the day of 受理, concluded on the day of 办结, China
 * time). Kept by adding the contributions of each case change (case_daily_changes), and rebuilt from
 * scratch by a command; a region subtree's figures sum the rows whose path starts with it.
 */
export const caseDaily = pgTable(
  'case_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    departmentId: uuid('department_id').notNull(),
    regionPath: text('region_path').notNull(),
    received: integer('received').notNull().default(0),
    receivedOnline: integer('received_online').notNull().default(0),
    receivedCounter: integer('received_counter').notNull().default(0),
    receivedKiosk: integer('received_kiosk').notNull().default(0),
    receivedAgent: integer('received_agent').notNull().default(0),
    /** Materials of the cases received: taken from data (reused) and handed in (uploaded). */
    materialsReused: integer('materials_reused').notNull().default(0),
    materialsUploaded: integer('materials_uploaded').notNull().default(0),
    formFieldsFilled: integer('form_fields_filled').notNull().default(0),
    formFieldsPrefilled: integer('form_fields_prefilled').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    /** 容缺受理 and 告知承诺 among the accepted. */
    acceptedWithGaps: integer('accepted_with_gaps').notNull().default(0),
    acceptedOnPromise: integer('accepted_on_promise').notNull().default(0),
    concluded: integer('concluded').notNull().default(0),
    concludedImmediate: integer('concluded_immediate').notNull().default(0),
    concludedOnTime: integer('concluded_on_time').notNull().default(0),
    concludedLate: integer('concluded_late').notNull().default(0),
    /** 全程网办: filed online and concluded without a visit. */
    concludedFullyOnline: integer('concluded_fully_online').notNull().default(0),
    concludedZeroVisits: integer('concluded_zero_visits').notNull().default(0),
    concludedAtMostOneVisit: integer('concluded_at_most_one_visit').notNull().default(0),
    visitsSum: integer('visits_sum').notNull().default(0),
    /** Concluded after at least one 补正 (not a first-time success). */
    concludedSupplemented: integer('concluded_supplemented').notNull().default(0),
    /** Concluded cases whose limits are in working days, with the sums of used, promised and legal days. */
    timedConcluded: integer('timed_concluded').notNull().default(0),
    usedWorkingDaysSum: integer('used_working_days_sum').notNull().default(0),
    promisedWorkingDaysSum: integer('promised_working_days_sum').notNull().default(0),
    legalWorkingDaysSum: integer('legal_working_days_sum').notNull().default(0),
    /** Working days used by those cases: { "3": 12, "5": 40 } (for percentiles). */
    usedDaysHistogram: jsonb('used_days_histogram')
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.regionCode, t.departmentId] }),
    index('case_daily_department_idx').on(t.departmentId, t.day),
    index('case_daily_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.day),
  ],
);

/**
 * Case changes not yet in case_daily, appended by the triggers on cases in the same transaction as the
 * change (an append, never an upsert, so concurrent case writes never wait on each other here): what
 * the rollups count of the case before the change (sign −1) and after it (sign +1), each the image of
 * the case's counted columns with its three days (filed, accepted, concluded; a day left null counts
 * nothing on it). The refresh job takes them (DELETE … RETURNING), sums their contributions per group
 * and adds the sums to case_daily; the images of a case pair off, so the sums are exact differences.
 */
export const caseDailyChanges = pgTable('case_daily_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sign: smallint('sign').notNull(),
  filedOn: date('filed_on', { mode: 'string' }),
  acceptedOn: date('accepted_on', { mode: 'string' }),
  concludedOn: date('concluded_on', { mode: 'string' }),
  regionCode: text('region_code').notNull(),
  regionPath: text('region_path').notNull(),
  departmentId: uuid('department_id').notNull(),
  versionId: uuid('version_id').notNull(),
  channel: text('channel').notNull(),
  caseType: text('case_type').notNull(),
  onPromise: boolean('on_promise').notNull(),
  acceptedWithGaps: boolean('accepted_with_gaps').notNull(),
  promisedDeadline: date('promised_deadline', { mode: 'string' }),
  visits: integer('visits').notNull(),
  workingDaysUsed: integer('working_days_used'),
  formFieldsFilled: integer('form_fields_filled'),
  formFieldsPrefilled: integer('form_fields_prefilled'),
  materialsReused: integer('materials_reused').notNull(),
  materialsUploaded: integer('materials_uploaded').notNull(),
  supplemented: boolean('supplemented').notNull(),
  markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
});
