import { AppError } from '../core/errors.ts';

/** A range of China days, both ends counted (YYYY-MM-DD). */
export type DayRange = { from: string; to: string };

/** The period asked for and the one just before it, as long. */
export type Periods = { current: DayRange; previous: DayRange; days: number };

/** The longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;

/** The day `days` after `day` (before, when negative). */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both counted. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/** The first and last day of the month before the month of `today`. */
export function lastMonth(today: string): DayRange {
  const firstOfThisMonth = `${today.slice(0, 7)}-01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/** The days statistics are kept for: a day outside them is refused rather than counted as empty. */
export const FIRST_DAY = '1970-01-01';
export const LAST_DAY = '2999-12-31';

const invalid = (field: 'from' | 'to', problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });
const invalidTo = (problem: string, problemEn: string) => invalid('to', problem, problemEn);

/** The day itself, or a 400 naming the field when it is before 1970 or after 2999. */
function withinYears(field: 'from' | 'to', day: string | undefined): string | undefined {
  if (day !== undefined && (day < FIRST_DAY || day > LAST_DAY)) {
    throw invalid(field, '日期须在1970年至2999年之间', 'must be between 1970 and 2999');
  }
  return day;
}

/**
 * The period of a query: last month (China time) when neither end is given; `to` alone starts on
 * the first of its month, `from` alone ends today. `from` after `to`, or more than 366 days, is a
 * 400 naming `to`. The previous period is as many days, ending the day before `from`.
 */
export function resolvePeriods(query: { from?: string; to?: string }, today: string): Periods {
  const from = withinYears('from', query.from);
  const to = withinYears('to', query.to);
  const current =
    from === undefined && to === undefined
      ? lastMonth(today)
      : { from: from ?? `${(to as string).slice(0, 7)}-01`, to: to ?? today };
  const days = daysBetween(current.from, current.to);
  if (days < 1) throw invalidTo('结束日期不能早于开始日期', 'must not be before from');
  if (days > MAX_PERIOD_DAYS) {
    throw invalidTo(
      `统计期间不能超过 ${MAX_PERIOD_DAYS} 天`,
      `must be at most ${MAX_PERIOD_DAYS} days after from`,
    );
  }
  const previous = { from: addDays(current.from, -days), to: addDays(current.from, -1) };
  if (previous.from < FIRST_DAY) {
    throw invalid(
      'from',
      '日期须在1970年至2999年之间（含上期）',
      'must leave the previous period after 1970',
    );
  }
  return { current, previous, days };
}

/** Every day of the range, in order. */
export function eachDay(range: DayRange): string[] {
  const out: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The months (YYYY-MM) the range touches, in order. */
export function monthsOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let month = range.from.slice(0, 7); month <= range.to.slice(0, 7); ) {
    out.push(month);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return out;
}
