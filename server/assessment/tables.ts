import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * The monthly assessment (电子监察 ranking): one score per department or district and month, by its
 * region's formula, with the figures behind it, its rank among the others of the same ranking, and
 * the flag for one ranked last two months running. Computed by a job after the month ends (and on
 * demand); recomputing a month replaces its rows.
 */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    month: date('month', { mode: 'string' }).notNull(),
    /** department | district */
    scopeKind: text('scope_kind').notNull(),
    /** An organisation id, or a district's region code. */
    scopeId: text('scope_id').notNull(),
    /** The region whose ranking it is in (the departments of a region; the districts of a city). */
    rankingRegion: text('ranking_region').notNull(),
    score: doublePrecision('score').notNull(),
    rank: integer('rank').notNull(),
    /** How many were ranked together. */
    rankedOf: integer('ranked_of').notNull(),
    /** The figures and the weights the score came from, each with its numerator and denominator. */
    figures: jsonb('figures').notNull().default(sql`'{}'::jsonb`),
    /** Ranked last this month and the month before. */
    flagged: boolean('flagged').notNull().default(false),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.scopeKind, t.scopeId] }),
    index('assessment_scores_ranking_idx').on(t.rankingRegion, t.scopeKind, t.month, t.rank),
  ],
);
