import { sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../common/cases/state-machine.ts';
import type { IsoDate } from '../../common/working-days.ts';
import { workingDeadline } from '../calendar/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { cases } from './tables.ts';

export type WarningLevel = 'none' | 'yellow' | 'red';
/** Open cases per warning level after the refresh, and how many changed level. */
export type WarningCounts = Record<WarningLevel, number> & { changed: number };

export const DEFAULT_WARNING_WORKING_DAYS = 2;

/**
 * Sets the time-limit warning of every open case (the clock runs: accepted, accepted with
 * gaps, in review, escalated, approved) from its promised deadline:
 * - red: the deadline has passed (it is before today);
 * - yellow: at most `warningDays` working days are left (today up to the deadline itself);
 * - none otherwise, and when the case has no promised deadline.
 * Suspended and finished cases keep the level they had. One statement; rows whose level does
 * not change are not written; the version and updatedAt of a case are not touched (the level is
 * derived from the deadline, not an edit).
 */
export async function refreshWarnings(options: {
  db: DbOrTx;
  today: IsoDate;
  warningDays?: number;
}): Promise<WarningCounts> {
  const warningDays = options.warningDays ?? DEFAULT_WARNING_WORKING_DAYS;
  // A deadline before this day has at most `warningDays` working days left after today.
  const calmFrom = await workingDeadline({
    db: options.db,
    from: options.today,
    days: warningDays + 1,
    unit: 'working_days',
  });
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await options.db.execute<{ level: WarningLevel; cases: number; changed: number }>(sql`
    WITH computed AS (
      SELECT ${cases.id} AS id, ${cases.warning} AS old,
        CASE
          WHEN ${cases.promisedDeadline} IS NULL THEN 'none'
          WHEN ${cases.promisedDeadline} < ${options.today}::date THEN 'red'
          WHEN ${cases.promisedDeadline} < ${calmFrom}::date THEN 'yellow'
          ELSE 'none'
        END AS level
      FROM ${cases}
      WHERE ${cases.status} IN (${open})
    ),
    updated AS (
      UPDATE ${cases} SET warning = computed.level
      FROM computed
      WHERE ${cases.id} = computed.id AND computed.old IS DISTINCT FROM computed.level
      RETURNING ${cases.id} AS id
    )
    SELECT computed.level, count(*)::int AS cases, count(updated.id)::int AS changed
    FROM computed LEFT JOIN updated ON updated.id = computed.id
    GROUP BY computed.level
  `);
  const counts: WarningCounts = { none: 0, yellow: 0, red: 0, changed: 0 };
  for (const row of result.rows) {
    counts[row.level] = row.cases;
    counts.changed += row.changed;
  }
  return counts;
}
