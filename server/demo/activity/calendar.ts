import { sql } from 'drizzle-orm';
import { addNaturalDays, type IsoDate, naturalDaysBetween } from '../../../common/working-days.ts';
import { isWorkingDay } from '../../calendar/index.ts';
import type { DbOrTx } from '../../core/db/client.ts';

/**
 * The working-day calendar of the generation as two temporary tables, so that every date is a join:
 * - gen_workdays (wn, day): the working days in order (wn 1, 2, …);
 * - gen_calendar (day, next_wn, prev_wn): every day with the number of the first working day on or
 *   after it and of the last on or before it. A limit of n working days from a working day wn ends on
 *   working day wn + n; n natural days from day d end on next_wn of d + n (a deadline falling on a
 *   day off runs on to the next working day); n working days after any day d end on prev_wn(d) + n.
 * Working days come from the platform's calendar (weekends, statutory holidays, 调休 and local days).
 */
export async function createCalendar(options: {
  db: DbOrTx;
  from: IsoDate;
  to: IsoDate;
}): Promise<{ firstWn: number; lastWn: number }> {
  const { db, from, to } = options;
  const days: { day: IsoDate; workday: boolean }[] = [];
  for (let n = 0; n <= naturalDaysBetween(from, to); n++) {
    const day = addNaturalDays(from, n);
    days.push({ day, workday: await isWorkingDay({ db, day }) });
  }
  await db.execute(sql`
    CREATE TEMP TABLE gen_calendar AS
    SELECT day, workday, prev_wn, CASE WHEN workday THEN prev_wn ELSE prev_wn + 1 END AS next_wn
    FROM (SELECT day, workday, sum(workday::int) OVER (ORDER BY day)::int AS prev_wn
      FROM json_to_recordset(${JSON.stringify(days)}::json) AS d(day date, workday boolean)) c`);
  await db.execute(sql`ALTER TABLE gen_calendar ADD PRIMARY KEY (day)`);
  await db.execute(sql`
    CREATE TEMP TABLE gen_workdays AS SELECT prev_wn AS wn, day FROM gen_calendar WHERE workday`);
  await db.execute(sql`ALTER TABLE gen_workdays ADD PRIMARY KEY (wn)`);
  const { rows } = await db.execute<{ first: number; last: number }>(sql`
    SELECT min(wn)::int AS first, max(wn)::int AS last FROM gen_workdays`);
  return { firstWn: rows[0]!.first, lastWn: rows[0]!.last };
}

/** The working-day numbers of the first working day on or after `from` and the last on or before `to`. */
export async function workdayRange(
  db: DbOrTx,
  from: IsoDate,
  to: IsoDate,
): Promise<{ first: number; last: number }> {
  const { rows } = await db.execute<{ first: number | null; last: number | null }>(sql`
    SELECT (SELECT next_wn FROM gen_calendar WHERE day = ${from}::date)::int AS first,
      (SELECT prev_wn FROM gen_calendar WHERE day = ${to}::date)::int AS last`);
  const first = rows[0]?.first;
  const last = rows[0]?.last;
  if (first == null || last == null || last < first)
    throw new RangeError(`no working day from ${from} to ${to}`);
  return { first, last };
}

export const DROP_CALENDAR = sql`DROP TABLE IF EXISTS gen_calendar, gen_workdays`;
