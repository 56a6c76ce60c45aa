import type pg from 'pg';
import { ONLINE_SUB_SCORES } from '../../common/ratings/lists.ts';

/** A rating as the benchmark gives it: a stage of a case, a satisfied level and its sub-ratings. */
export type RawRating = { caseId: string; accountId: string; stage: 'accepted' | 'concluded'; level: 4 | 5 };

const INSERT = `
  INSERT INTO ratings (case_id, stage, level, sub_scores, channel, rater_id, department_id, hall_id, window_id,
    region_code, region_path, month)
  SELECT c.id, $2, $3, $4::jsonb, 'online', $5, c.department_id, c.hall_id, c.window_id, c.region_code, c.region_path,
    date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date
  FROM cases c WHERE c.id = $1 AND c.applicant_id = $5 AND c.concluded_at IS NOT NULL
  ON CONFLICT (case_id, stage) DO NOTHING
  RETURNING month::text, department_id, hall_id, window_id, region_path`;

/** The online channel's sub-ratings, all at the rating's level. */
export const subScoresOf = (level: number) =>
  Object.fromEntries(ONLINE_SUB_SCORES.map((key) => [key, level]));

/**
 * The rating's write as the platform makes it (server/ratings recordRating), in one transaction: the
 * rating row from its case's facts, and its month's counts raised in rating_monthly in every scope
 * (department, hall, window, each region on its path; in that order, as the platform locks them).
 * No audit record, no view read afterwards. True when stored; false when the stage was rated already.
 */
export async function rateRaw(pool: pg.Pool, r: RawRating): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const subScores = JSON.stringify(subScoresOf(r.level));
    const { rows } = await client.query(INSERT, [r.caseId, r.stage, r.level, subScores, r.accountId]);
    const place = rows[0];
    if (!place) {
      await client.query('ROLLBACK');
      return false;
    }
    const scopes: [string, string][] = [['department', place.department_id]];
    if (place.hall_id) scopes.push(['hall', place.hall_id]);
    if (place.window_id) scopes.push(['window', place.window_id]);
    for (const code of (place.region_path as string).split('/').filter(Boolean))
      scopes.push(['region', code]);
    const values = scopes.map((_, i) => `($1::date, $${i * 2 + 2}, $${i * 2 + 3}, 1, 1)`).join(', ');
    const level = `level${r.level}`;
    await client.query(
      `INSERT INTO rating_monthly (month, scope_kind, scope_id, total, ${level}) VALUES ${values}
       ON CONFLICT (month, scope_kind, scope_id) DO UPDATE
       SET total = rating_monthly.total + 1, ${level} = rating_monthly.${level} + 1`,
      [place.month, ...scopes.flat()],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
