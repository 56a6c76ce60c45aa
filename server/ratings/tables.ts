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
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';
import { cases } from '../cases/tables.ts';
import { halls, organisations, windows } from '../organisations/tables.ts';

/**
 * A rating (好差评, 国办发〔2019〕51号) of a case at one stage: level 5 非常满意, 4 满意, 3 基本满意,
 * 2 不满意, 1 非常不满意 (1 and 2 are 差评). One per case and stage, by the applicant (or entered by a
 * 12345 operator for a rating given by phone); a default 基本满意 when none was given in time.
 * The department, hall, window and region are copied from the case, so figures need no join.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** accepted | concluded */
    stage: text('stage').notNull(),
    level: smallint('level').notNull(),
    /** Sub-ratings as the standard sets them per channel (e.g. { efficiency: 5, attitude: 4 }). */
    subScores: jsonb('sub_scores').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** What went wrong, for a 差评: codes from the list, and free text in comment. */
    problems: jsonb('problems').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    comment: text('comment'),
    /** online | window | sms | kiosk | hotline | default */
    channel: text('channel').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    raterId: uuid('rater_id').references(() => accounts.id),
    /** The 12345 operator who entered a rating given by phone. */
    enteredBy: uuid('entered_by').references(() => accounts.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => organisations.id),
    hallId: uuid('hall_id').references(() => halls.id),
    windowId: uuid('window_id').references(() => windows.id),
    regionCode: text('region_code').notNull(),
    regionPath: text('region_path').notNull(),
    /** The first day of the month (China time) the rating counts in. */
    month: date('month', { mode: 'string' }).notNull(),
    /** valid | voided (the supervisor found it mistaken or malicious) */
    status: text('status').notNull().default('valid'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ratings_case_stage_uq').on(t.caseId, t.stage),
    index('ratings_department_month_idx').on(t.departmentId, t.month),
    index('ratings_hall_month_idx').on(t.hallId, t.month),
    /** A region subtree's ratings of a month (a district's drill-down). */
    index('ratings_month_region_idx').using('btree', t.month, sql`${t.regionPath} text_pattern_ops`),
    check('ratings_level_check', sql`${t.level} BETWEEN 1 AND 5`),
    check('ratings_stage_check', sql`${t.stage} IN ('accepted', 'concluded')`),
  ],
);

/**
 * The revisit task a 差评 creates for the department that handled the case: contact within 1 working
 * day, rectify within 5 (dates on the working-day calendar), the outcome shown to the rater; and the
 * department's request that the supervisor review the rating as mistaken or malicious.
 */
export const ratingRevisits = pgTable(
  'rating_revisits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ratingId: uuid('rating_id')
      .notNull()
      .references(() => ratings.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => organisations.id),
    /** open | contacted | rectified */
    status: text('status').notNull().default('open'),
    contactDue: date('contact_due', { mode: 'string' }).notNull(),
    rectifyDue: date('rectify_due', { mode: 'string' }).notNull(),
    /** none | yellow | red, like cases' time-limit warnings. */
    warning: text('warning').notNull().default('none'),
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    contactNote: text('contact_note'),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    /** What was done, shown to the rater. */
    outcome: text('outcome'),
    handledBy: uuid('handled_by').references(() => accounts.id),
    /** none | requested | upheld (the rating is voided) | rejected */
    reviewStatus: text('review_status').notNull().default('none'),
    reviewReason: text('review_reason'),
    reviewRequestedBy: uuid('review_requested_by').references(() => accounts.id),
    reviewRequestedAt: timestamp('review_requested_at', { withTimezone: true }),
    reviewDecisionReason: text('review_decision_reason'),
    reviewDecidedBy: uuid('review_decided_by').references(() => accounts.id),
    reviewDecidedAt: timestamp('review_decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rating_revisits_rating_uq').on(t.ratingId),
    index('rating_revisits_department_idx').on(t.departmentId, t.status),
  ],
);

/** A rating link sent by SMS: opens a page without sign-in, for that case and stage only. */
export const ratingLinks = pgTable(
  'rating_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    stage: text('stage').notNull(),
    /** SHA-256 of the token in the link; the token itself is only in the SMS. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_links_token_uq').on(t.tokenHash), index('rating_links_case_idx').on(t.caseId)],
);

/**
 * Monthly figures kept with each rating change, per scope: department, hall, window or region (a
 * region code counts the ratings of its whole subtree). level1…level5 count valid ratings,
 * defaults among them apart; bad = 差评, rectified / rectifiedInTime from their revisit tasks.
 */
export const ratingMonthly = pgTable(
  'rating_monthly',
  {
    month: date('month', { mode: 'string' }).notNull(),
    /** department | hall | window | region */
    scopeKind: text('scope_kind').notNull(),
    scopeId: text('scope_id').notNull(),
    total: integer('total').notNull().default(0),
    level1: integer('level1').notNull().default(0),
    level2: integer('level2').notNull().default(0),
    level3: integer('level3').notNull().default(0),
    level4: integer('level4').notNull().default(0),
    level5: integer('level5').notNull().default(0),
    defaults: integer('defaults').notNull().default(0),
    bad: integer('bad').notNull().default(0),
    rectified: integer('rectified').notNull().default(0),
    rectifiedInTime: integer('rectified_in_time').notNull().default(0),
    voided: integer('voided').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.scopeKind, t.scopeId] })],
);
