import { sql } from 'drizzle-orm';
import { isBadLevel, type RatingChannel, STAGE_LABELS } from '../../common/ratings/api.ts';
import { DEFAULT_REGION_SETTINGS } from '../../common/region-settings/settings.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { todayInChina, workingDeadline } from '../calendar/index.ts';
import type { Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { settingsFor } from '../region-settings/index.ts';
import type { CaseFacts } from './case-facts.ts';
import type { CheckedRating } from './checks.ts';
import { applyMonthly, ratingDelta } from './monthly.ts';

/**
 * Working days after a 差评 by which the department must contact the rater, and rectify, unless the
 * case's region sets otherwise (ratings.revisitContactWorkingDays, revisitRectifyWorkingDays).
 */
export const CONTACT_WORKING_DAYS = DEFAULT_REGION_SETTINGS.ratings.revisitContactWorkingDays;
export const RECTIFY_WORKING_DAYS = DEFAULT_REGION_SETTINGS.ratings.revisitRectifyWorkingDays;

/** The first day of the month (China time) a day falls in. */
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;

export type RecordedRating = { id: string; revisitId: string | null };

/**
 * Records a rating of a case in the caller's transaction: the monthly figures move with it, and a
 * 差评 opens its revisit task (contact due 1 working day later, rectify due 5, or the days the case's
 * region sets). A stage rated already
 * is a 409. Audited.
 */
export async function recordRating(options: {
  tx: Tx;
  audit: AuditContext;
  facts: CaseFacts;
  rating: CheckedRating;
  channel: RatingChannel;
  isDefault?: boolean;
  raterId: string | null;
  enteredBy?: string | null;
  now?: Date;
}): Promise<RecordedRating> {
  const { tx, facts, rating, channel } = options;
  const now = options.now ?? new Date();
  const today = todayInChina(now);
  const isDefault = options.isDefault ?? false;
  const place = {
    month: monthOf(today),
    departmentId: facts.departmentId,
    hallId: facts.hallId,
    windowId: facts.windowId,
    regionPath: facts.regionPath,
  };
  const { rows } = await tx.execute(
    sql`INSERT INTO ratings (case_id, stage, level, sub_scores, problems, comment, channel, is_default, rater_id,
          entered_by, department_id, hall_id, window_id, region_code, region_path, month, created_at)
        VALUES (${facts.id}, ${rating.stage}, ${rating.level}, ${JSON.stringify(rating.subScores)}::jsonb,
          ${JSON.stringify(rating.problems)}::jsonb, ${rating.comment}, ${channel}, ${isDefault}, ${options.raterId},
          ${options.enteredBy ?? null}, ${facts.departmentId}, ${facts.hallId}, ${facts.windowId}, ${facts.regionCode},
          ${facts.regionPath}, ${place.month}, ${now.toISOString()})
        ON CONFLICT (case_id, stage) DO NOTHING
        RETURNING id`,
  );
  const id = rows[0]?.id as string | undefined;
  if (!id)
    throw new AppError('rating.already_rated', {
      field: 'stage',
      params: { stage: STAGE_LABELS[rating.stage].zh, stageEn: STAGE_LABELS[rating.stage].en.toLowerCase() },
    });
  await applyMonthly(tx, place, ratingDelta({ level: rating.level, isDefault }));
  let revisitId: string | null = null;
  if (isBadLevel(rating.level)) {
    const due = (days: number) => workingDeadline({ db: tx, from: today, days, unit: 'working_days' });
    const { ratings: days } = await settingsFor(tx, facts.regionPath);
    const contactDue = await due(days.revisitContactWorkingDays);
    const rectifyDue = await due(days.revisitRectifyWorkingDays);
    const opened = await tx.execute(
      sql`INSERT INTO rating_revisits (rating_id, case_id, department_id, contact_due, rectify_due)
          VALUES (${id}, ${facts.id}, ${facts.departmentId}, ${contactDue}, ${rectifyDue}) RETURNING id`,
    );
    revisitId = opened.rows[0]!.id as string;
  }
  await recordAudit(tx, options.audit, {
    action: 'rating.create',
    targetType: 'case',
    targetId: facts.id,
    summary: {
      caseNo: facts.caseNo,
      ratingId: id,
      stage: rating.stage,
      level: rating.level,
      channel,
      isDefault,
      ...(revisitId ? { revisitId } : {}),
    },
  });
  return { id, revisitId };
}
