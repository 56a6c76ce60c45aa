import { sql } from 'drizzle-orm';
import {
  addNaturalDays,
  addWorkingDays,
  type IsoDate,
  isIsoDate,
  isWorkday,
  nextWorkdayOnOrAfter,
  type WorkingCalendar,
  workingDaysBetween as workingDaysBetweenIn,
} from '../../common/working-days.ts';
import { whenChanged } from '../core/caches.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { NATIONAL_YEARS, nationalDays } from './national.ts';
import { calendarDays } from './tables.ts';

const CHINA_OFFSET_MS = 8 * 3_600_000;

export type TimeLimitUnit = 'working_days' | 'natural_days';

/** Today's date in China (Asia/Shanghai), whatever the time zone of the process. */
export function todayInChina(now: Date = new Date()): IsoDate {
  // China keeps UTC+8 all year (no daylight saving time).
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

let packaged: Map<IsoDate, boolean> | null = null;

/** The published national calendar, the layer under what calendar_days holds. */
function packagedCalendar(): Map<IsoDate, boolean> {
  if (!packaged) {
    packaged = new Map();
    for (const year of NATIONAL_YEARS) {
      for (const d of nationalDays(year)) packaged.set(d.day, d.workday);
    }
  }
  return packaged;
}

type Cached = { fingerprint: string; calendar: WorkingCalendar; checkedAt: number };
let cached: Cached | null = null;
let recheckMs = 5_000;

/** How long a checked calendar is used without looking at the table again (default 5 s). */
export function setCalendarRecheck(ms: number): void {
  recheckMs = ms;
}

/**
 * The working calendar: the published national days with the rows of calendar_days over them
 * (the seeded national rows and local overrides). Kept in memory; at most every few seconds a
 * fingerprint of the table (row count and latest change) is compared and the calendar reloaded
 * when it differs: a change in this process applies at once, one made by another process within
 * that time.
 */
export async function loadCalendar(options: { db: DbOrTx }): Promise<WorkingCalendar> {
  const now = Date.now();
  if (cached && now - cached.checkedAt < recheckMs) return cached.calendar;
  const result = await options.db.execute<{ n: number; changed: string | null }>(
    sql`SELECT count(*)::int AS n, max(${calendarDays.updatedAt})::text AS changed FROM ${calendarDays}`,
  );
  const row = result.rows[0];
  const fingerprint = `${row?.n ?? 0}|${row?.changed ?? ''}`;
  if (cached?.fingerprint === fingerprint) {
    cached.checkedAt = now;
    return cached.calendar;
  }
  const rows = await options.db
    .select({ day: calendarDays.day, workday: calendarDays.workday })
    .from(calendarDays);
  const calendar = new Map(packagedCalendar());
  for (const r of rows) calendar.set(r.day, r.workday);
  cached = { fingerprint, calendar, checkedAt: now };
  return calendar;
}

// A change of the calendar in this process (`changed('calendar')`) is seen at once.
whenChanged('calendar', () => {
  cached = null;
});

function checkDate(day: IsoDate, name: string): void {
  if (!isIsoDate(day)) throw new RangeError(`${name} is not an ISO date: ${day}`);
}

/**
 * The day by which a case accepted on `from` must be concluded: `days` working days after
 * `from` (`from` not counted). A limit in natural days that ends on a holiday or weekend runs
 * on to the next working day (期限届满日为法定节假日的，顺延至节假日后的第一个工作日).
 */
export async function workingDeadline(options: {
  db: DbOrTx;
  from: IsoDate;
  days: number;
  unit: TimeLimitUnit;
}): Promise<IsoDate> {
  checkDate(options.from, 'from');
  const calendar = await loadCalendar(options);
  if (options.unit === 'natural_days') {
    return nextWorkdayOnOrAfter(calendar, addNaturalDays(options.from, options.days));
  }
  return addWorkingDays(calendar, options.from, options.days);
}

/**
 * The day the time limits of something accepted on `day` count from: the day itself when it is a
 * working day; else (a hall open on a Saturday, Sunday or holiday) the next working day, so that
 * what is accepted on a Sunday is due when it would be had it been accepted on the Monday.
 */
export async function clockStart(options: { db: DbOrTx; day: IsoDate }): Promise<IsoDate> {
  checkDate(options.day, 'day');
  return nextWorkdayOnOrAfter(await loadCalendar(options), options.day);
}

/** Working days after `from` up to and including `to` (0 on the same day; negative if `to` is earlier). */
export async function workingDaysBetween(options: {
  db: DbOrTx;
  from: IsoDate;
  to: IsoDate;
}): Promise<number> {
  checkDate(options.from, 'from');
  checkDate(options.to, 'to');
  return workingDaysBetweenIn(await loadCalendar(options), options.from, options.to);
}

/** Is the day a working day? */
export async function isWorkingDay(options: { db: DbOrTx; day: IsoDate }): Promise<boolean> {
  checkDate(options.day, 'day');
  return isWorkday(await loadCalendar(options), options.day);
}
