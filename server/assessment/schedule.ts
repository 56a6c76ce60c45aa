import { sql } from 'drizzle-orm';
import { todayInChina } from '../calendar/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { computeAssessment } from './compute.ts';
import { previousMonth } from './month.ts';

/** How old the current month's scores may get before they are computed again. */
export const CURRENT_MONTH_MAX_AGE_MS = 60 * 60 * 1000;

/** When the month's scores were last computed, or null. */
async function computedAt(db: DbOrTx, month: string): Promise<Date | null> {
  const { rows } = await db.execute(
    sql`SELECT max(computed_at) AS at FROM assessment_scores WHERE month = ${`${month}-01`}::date`,
  );
  return rows[0]?.at ? new Date(rows[0].at as string) : null;
}

/**
 * Keeps the stored scores current: the previous month once it has ended (when it was never computed,
 * or only while it still ran), and the current month so far when its scores are over an hour old.
 * Returns the months computed.
 */
export async function refreshAssessment(db: DbOrTx, now = new Date()): Promise<string[]> {
  const current = todayInChina(now).slice(0, 7);
  const previous = previousMonth(current);
  const done: string[] = [];
  const previousAt = await computedAt(db, previous);
  if (!previousAt || todayInChina(previousAt).slice(0, 7) === previous) {
    await computeAssessment(db, previous, { now });
    done.push(previous);
  }
  const currentAt = await computedAt(db, current);
  if (!currentAt || now.getTime() - currentAt.getTime() >= CURRENT_MONTH_MAX_AGE_MS) {
    await computeAssessment(db, current, { now });
    done.push(current);
  }
  return done;
}
