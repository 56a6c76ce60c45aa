import { sql } from 'drizzle-orm';
import { DEFAULT_REGION_SETTINGS } from '../../common/region-settings/settings.ts';
import type { AuditContext } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { settingLeastSql, settingValueSql } from '../region-settings/index.ts';
import { caseFacts } from './case-facts.ts';
import { recordRating } from './record.ts';

/**
 * Natural days after conclusion within which the applicant may rate, unless the case's region sets
 * otherwise (ratings.defaultAfterDays); after that a default 基本满意 counts.
 */
export const DEFAULT_AFTER_DAYS = DEFAULT_REGION_SETTINGS.ratings.defaultAfterDays;
const DAYS = 'ratings.defaultAfterDays';
const BATCH = 200;

const SYSTEM: AuditContext = {
  actor: null,
  role: 'system',
  clientAddress: null,
  requestId: 'rating-defaults',
};

/**
 * Records a default level 3 (基本满意, channel 'default') for every case concluded longer ago than
 * its region's days (7 natural days by default) without a 'concluded' rating: one query over all
 * regions, bounded first by the fewest days any region gives. Returns how many were recorded.
 */
export async function recordDefaultRatings(options: { db: DbOrTx; now?: Date }): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const at = now.toISOString();
  let recorded = 0;
  for (;;) {
    const { rows } = await db.execute(
      sql`SELECT c.id FROM cases c
          WHERE c.concluded_at IS NOT NULL
            AND c.concluded_at < ${at}::timestamptz - ${settingLeastSql(DAYS)} * interval '1 day'
            AND c.concluded_at < ${at}::timestamptz - ${settingValueSql(sql`c.region_path`, DAYS)} * interval '1 day'
            AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.case_id = c.id AND r.stage = 'concluded')
          ORDER BY c.concluded_at LIMIT ${BATCH}`,
    );
    let progressed = 0;
    for (const row of rows) {
      const facts = (await caseFacts(db, row.id as string))!;
      try {
        await db.transaction((tx) =>
          recordRating({
            tx,
            audit: SYSTEM,
            facts,
            rating: { stage: 'concluded', level: 3, subScores: {}, problems: [], comment: null },
            channel: 'default',
            isDefault: true,
            raterId: null,
            now,
          }),
        );
        recorded++;
        progressed++;
      } catch (error) {
        // Rated meanwhile by the applicant: nothing to default.
        if (!(error instanceof AppError && error.code === 'rating.already_rated')) throw error;
      }
    }
    if (rows.length < BATCH || progressed === 0) return recorded;
  }
}
