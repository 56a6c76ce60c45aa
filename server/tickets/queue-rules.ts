import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';

/** A hall's queue rules (ticket_settings), with the defaults for a hall that has set none. */
export type QueueRules = { waitGoalMinutes: number; dailyLimitPerPerson: number; nearNoticeAhead: number };

export const DEFAULT_RULES: QueueRules = { waitGoalMinutes: 20, dailyLimitPerPerson: 3, nearNoticeAhead: 3 };

export async function queueRules(db: DbOrTx, hallId: string): Promise<QueueRules> {
  const { rows } = await db.execute(
    sql`SELECT wait_goal_minutes AS "waitGoalMinutes", daily_limit_per_person AS "dailyLimitPerPerson",
               near_notice_ahead AS "nearNoticeAhead"
        FROM ticket_settings WHERE hall_id = ${hallId}`,
  );
  return (rows[0] as QueueRules | undefined) ?? DEFAULT_RULES;
}
