import published from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { IsoDate } from '../../common/working-days.ts';

/** Years seeded into calendar_days from the published national calendar. */
export const NATIONAL_YEARS = [2024, 2025, 2026] as const;

export type CalendarDay = { day: IsoDate; workday: boolean; name: string };

/** "Spring Festival,春节,4" → 春节 */
function chineseName(entry: string): string {
  return entry.split(',')[1]?.trim() || entry;
}

/**
 * Statutory holidays and adjusted working days (调休) of China for one year, as published by
 * the State Council and packaged in `chinese-days`. Read from the package's data file, which
 * holds plain ISO dates, so nothing depends on the process time zone. Empty for a year the
 * package does not cover.
 */
export function nationalDays(year: number): CalendarDay[] {
  const prefix = `${year}-`;
  const days: CalendarDay[] = [];
  for (const [day, entry] of Object.entries(published.holidays as Record<string, string>)) {
    if (day.startsWith(prefix)) days.push({ day, workday: false, name: chineseName(entry) });
  }
  for (const [day, entry] of Object.entries(published.workdays as Record<string, string>)) {
    if (day.startsWith(prefix)) days.push({ day, workday: true, name: `${chineseName(entry)}调休上班` });
  }
  return days.sort((a, b) => a.day.localeCompare(b.day));
}

/** The national entry of a day of the seeded years, if the published calendar has one. */
export function nationalDay(day: IsoDate): CalendarDay | null {
  const year = Number(day.slice(0, 4));
  if (!(NATIONAL_YEARS as readonly number[]).includes(year)) return null;
  return nationalDays(year).find((d) => d.day === day) ?? null;
}
