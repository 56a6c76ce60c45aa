import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { monthlyRatingCounts } from '../ratings/index.ts';
import { waitingInRegion } from '../tickets/index.ts';
import { chinaDay, type ScreenRegion } from './screen.ts';

/**
 * A small reading of what a region's big screen depends on, cheap enough for every poll: the China
 * day; today's case_daily rows of the subtree (how many, and a hash of the counts the screen shows,
 * read through the primary key's day: a few rows per region and department, whatever the history);
 * the people waiting now; this month's ratings of the region. It changes whenever a case change of
 * today is refreshed into case_daily, someone takes a ticket or is called, or someone rates. The
 * days before today change only by a rebuild or a backdated change, which it does not see (the hub
 * computes the whole answer again at a fixed interval for those).
 */
export async function screenFingerprint(
  db: DbOrTx,
  region: ScreenRegion,
  options: { today?: string } = {},
): Promise<string> {
  const today = options.today ?? chinaDay(new Date());
  const [cases, waiting, ratings] = await Promise.all([
    todaysRows(db, region.path, today),
    waitingInRegion(db, region.path),
    monthlyRatingCounts(db, today.slice(0, 7), 'region', [region.code]),
  ]);
  const rated = ratings.get(region.code);
  return JSON.stringify([today, cases.rows, cases.hash, waiting, rated?.total ?? 0, rated?.satisfied ?? 0]);
}

/** Today's case_daily rows of a subtree: how many, and the sum of a hash of each row's screen counts. */
async function todaysRows(db: DbOrTx, path: string, today: string) {
  const { rows } = await db.execute<{ rows: number; hash: string }>(sql`
    SELECT count(*)::int AS rows,
      coalesce(sum(hashtext(concat_ws(',', d.region_code, d.department_id, d.received, d.concluded,
        d.concluded_on_time, d.concluded_at_most_one_visit, d.concluded_fully_online))), 0)::text AS hash
    FROM case_daily d
    WHERE d.day = ${today}::date AND (d.region_path = ${path} OR d.region_path LIKE ${`${path}/%`})`);
  return rows[0] ?? { rows: 0, hash: '0' };
}
