import { sql } from 'drizzle-orm';
import { PROBLEMS } from '../../../common/ratings/lists.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { ActivityProfile } from './profile.ts';
import { uniform } from './random.ts';

/** Draws of a case's rating (after the case's own, see cases.ts). */
const DRAW = { isDefault: 40, level: 41, delay: 42, problem: 43, inTime: 44 } as const;

/**
 * One rating of the conclusion of each concluded case, as server/ratings stores it (department,
 * hall, window and region copied from the case; the month it counts in, China time): the default
 * 基本满意 a week after conclusion for the profile's share of the cases concluded over a week ago,
 * else a level drawn from the profile, given within two days through the channel of the filing. Each
 * 差评 names a problem and has its revisit task, contacted and rectified (in time, or two days after
 * its due day, never after now). Returns the ratings and revisits written.
 */
export async function insertRatings(
  db: DbOrTx,
  p: ActivityProfile,
  seed: number,
  now: Date,
): Promise<{ ratings: number; revisits: number }> {
  const u = (name: keyof typeof DRAW, row = 'g.i') => uniform(row, DRAW[name], seed);
  const at = `'${now.toISOString()}'::timestamptz`;
  const [l1, l2, l3, l4] = p.ratings.levels;
  const drawn = u('level', 'd.i');
  const level = `CASE WHEN ${drawn} < ${l1} THEN 1 WHEN ${drawn} < ${l1 + l2} THEN 2
    WHEN ${drawn} < ${l1 + l2 + l3} THEN 3 WHEN ${drawn} < ${l1 + l2 + l3 + l4} THEN 4 ELSE 5 END`;
  const problems = `ARRAY[${PROBLEMS.map((k) => `'${k}'`).join(', ')}]`;
  const rated = await db.execute(
    sql.raw(`
    INSERT INTO ratings (case_id, stage, level, problems, channel, is_default, rater_id, department_id, hall_id,
      window_id, region_code, region_path, month, created_at)
    SELECT r.id, 'concluded', r.level,
      CASE WHEN r.level <= 2 THEN jsonb_build_array((${problems})[1 + floor(r.r_problem * ${PROBLEMS.length})::int])
        ELSE '[]'::jsonb END,
      CASE WHEN r.is_default THEN 'default' ELSE CASE r.channel WHEN 'counter' THEN 'window'
        WHEN 'kiosk' THEN 'kiosk' WHEN 'agent' THEN 'sms' ELSE 'online' END END,
      r.is_default, CASE WHEN NOT r.is_default THEN r.applicant_id END, r.department_id, r.case_hall_id,
      r.window_id, r.region_code, r.region_path,
      date_trunc('month', r.created_at AT TIME ZONE 'Asia/Shanghai')::date, r.created_at
    FROM (SELECT d.*, CASE WHEN d.is_default THEN 3 ELSE ${level} END AS level,
        CASE WHEN d.is_default THEN d.concluded_at + interval '7 days 2 hours'
          ELSE least(d.concluded_at + ${u('delay', 'd.i')} * interval '48 hours', ${at} - interval '1 minute') END AS created_at
      FROM (SELECT g.*, ${u('problem')} AS r_problem,
          ${u('isDefault')} < ${p.ratings.defaultShare} AND g.concluded_at < ${at} - interval '7 days 2 hours' AS is_default
        FROM gen_cases g WHERE NOT g.open) d) r
    ORDER BY r.id`),
  );
  const due = (
    days: number,
  ) => `(SELECT w.day FROM gen_calendar c JOIN gen_workdays w ON w.wn = c.prev_wn + ${days}
    WHERE c.day = (r.created_at AT TIME ZONE 'Asia/Shanghai')::date)`;
  const revisited = await db.execute(
    sql.raw(`
    INSERT INTO rating_revisits (rating_id, case_id, department_id, status, contact_due, rectify_due, contacted_at,
      contact_note, rectified_at, outcome, created_at)
    SELECT r.id, r.case_id, r.department_id, 'rectified', ${due(1)}, ${due(5)},
      least(r.created_at + interval '3 hours', ${at}), '已电话联系申请人，核实了反映的问题',
      CASE WHEN ${u('inTime')} < ${p.ratings.rectifiedInTime} THEN least(r.created_at + interval '1 day', ${at})
        ELSE least((${due(5)} + 2 + time '10:00') AT TIME ZONE 'Asia/Shanghai', ${at}) END,
      '已向申请人说明情况，并改进了相关办理环节', r.created_at
    FROM ratings r JOIN gen_cases g ON g.id = r.case_id
    WHERE r.stage = 'concluded' AND r.level <= 2`),
  );
  return { ratings: rated.rowCount ?? 0, revisits: revisited.rowCount ?? 0 };
}
