/**
 * Working-day arithmetic on ISO dates ('2026-10-08'), independent of the process time zone:
 * a date is turned into a day number (days since 1970-01-01) and back, never into a local Date.
 *
 * A working calendar lists the exceptional days only: statutory holidays (workday false) and
 * adjusted working days (调休, workday true), plus local overrides. Any other day is a working
 * day from Monday to Friday.
 */
export type IsoDate = string;
export type WorkingCalendar = ReadonlyMap<IsoDate, boolean>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Is this a real calendar date written as YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

function dayNumber(day: IsoDate): number {
  if (!isIsoDate(day)) throw new RangeError(`not an ISO date: ${day}`);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function isoOf(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: IsoDate): number {
  // 1970-01-01 was a Thursday.
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(day: IsoDate): boolean {
  return weekdayOf(day) >= 6;
}

export function isWorkday(calendar: WorkingCalendar, day: IsoDate): boolean {
  return calendar.get(day) ?? !isWeekend(day);
}

/** The day `n` natural days after `from` (n may be negative). */
export function addNaturalDays(from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return isoOf(dayNumber(from) + n);
}

/** Natural days from `from` to `to`: positive when `to` is later. */
export function naturalDaysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The n-th working day after `from`; `from` itself is not counted, whether or not it is a
 * working day. n = 0 gives `from` (a matter concluded on the day).
 */
export function addWorkingDays(calendar: WorkingCalendar, from: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number of working days: ${n}`);
  let day = dayNumber(from);
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkday(calendar, isoOf(day))) left -= 1;
  }
  return isoOf(day);
}

/**
 * Working days after `from` up to and including `to`: 0 on the same day, 1 from a Friday to
 * the next Monday; negative when `to` is earlier. Inverse of addWorkingDays:
 * workingDaysBetween(c, d, addWorkingDays(c, d, n)) === n.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return -workingDaysBetween(calendar, to, from);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    if (isWorkday(calendar, isoOf(day))) count += 1;
  }
  return count;
}

/** The day itself when it is a working day, else the next working day. */
export function nextWorkdayOnOrAfter(calendar: WorkingCalendar, day: IsoDate): IsoDate {
  let n = dayNumber(day);
  while (!isWorkday(calendar, isoOf(n))) n += 1;
  return isoOf(n);
}
