import { sql } from 'drizzle-orm';
import { addNaturalDays } from '../../../common/working-days.ts';
import { todayInChina } from '../../calendar/index.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { rebuildRatingMonthly } from '../../ratings/index.ts';
import { CASE_DAILY_LOCK, refreshCaseDailyBatch } from '../../statistics/index.ts';
import { type GeneratedActivity, generateActivity } from './generate.ts';

/** Cases of the demo's year over 西安市, 新城区 and 碑林区. */
export const DEMO_ACTIVITY_CASES = 2500;
const DEMO_SEED = 2017;
/** The demo's region with a bad last month: a quarter of its promised cases concluded then are late. */
export const DEMO_LATE_REGION = '610102';
const DEMO_LATE_SHARE = 0.25;

/** The first and last day of the month before the one `day` falls in. */
function monthBefore(day: string): { from: string; to: string } {
  const first = `${day.slice(0, 7)}-01`;
  const to = addNaturalDays(first, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * The demo's year of activity: DEMO_ACTIVITY_CASES cases concluded over the twelve months up to
 * yesterday (none open, so no queue holds them), filed by generated people and companies, rated; a
 * bad last month in 新城区. Then rating_monthly is rebuilt and what the cases changed is added to
 * case_daily, in the caller's transaction.
 */
export async function seedDemoActivity(options: { db: DbOrTx; now?: Date }): Promise<GeneratedActivity> {
  const { db } = options;
  const now = options.now ?? new Date();
  const today = todayInChina(now);
  const generated = await generateActivity({
    db,
    count: DEMO_ACTIVITY_CASES,
    from: addNaturalDays(today, -365),
    to: addNaturalDays(today, -1),
    seed: DEMO_SEED,
    lateBoost: { regionCode: DEMO_LATE_REGION, ...monthBefore(today), share: DEMO_LATE_SHARE },
    now,
  });
  await rebuildRatingMonthly(db);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CASE_DAILY_LOCK})`);
    const { rows } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM case_daily_changes`);
    await refreshCaseDailyBatch(tx, rows[0]!.n + 1);
  });
  return generated;
}
