import { todayInChina } from '../calendar/index.ts';
import { AppError } from '../core/errors.ts';

/** A month of the assessment: its first and last counted day, and whether it has ended. */
export type AssessmentMonth = { month: string; start: string; until: string; complete: boolean };

const pad = (n: number) => String(n).padStart(2, '0');

/** The month before (YYYY-MM). */
const parts = (month: string) => [Number(month.slice(0, 4)), Number(month.slice(5, 7))] as const;

export function previousMonth(month: string): string {
  const [y, m] = parts(month);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The last day of a month (YYYY-MM-DD). */
export function lastDayOf(month: string): string {
  const [y, m] = parts(month);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The month counted up to today (China time) while it runs; a month after this one is a 400. */
export function assessmentMonth(month: string, now: Date, field = 'month'): AssessmentMonth {
  const today = todayInChina(now);
  if (month > today.slice(0, 7))
    throw new AppError('validation.field', {
      field,
      params: { problem: '不能晚于本月', problemEn: 'must not be after the current month' },
    });
  const last = lastDayOf(month);
  const complete = today > last;
  return { month, start: `${month}-01`, until: complete ? last : today, complete };
}
