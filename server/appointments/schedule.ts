import { addNaturalDays, weekdayOf } from '../../common/working-days.ts';
import { todayInChina, workingDaysBetween } from '../calendar/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import type { AppointmentSettingsRow } from './settings.ts';
import type { DayHours } from './tables.ts';

/** The hours of a day that can be booked, and whether it is an extra (non-working) day. */
export type OpenDay = { day: string; weekday: number; open: string; close: string; extra: boolean };

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The moment a slot starts: the day and time in China (UTC+8 all year). */
export const startsAtOf = (day: string, start: string) => new Date(`${day}T${start}:00+08:00`);

/** A moment as China's local date and time, 'YYYY-MM-DD HH:MM'. */
export const chinaTime = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Is the day a working day of the platform's calendar? */
async function isWorkingDay(db: DbOrTx, day: string): Promise<boolean> {
  return (await workingDaysBetween({ db, from: addNaturalDays(day, -1), to: day })) === 1;
}

/**
 * The hours a hall opens on a day: a working day by its weekday's hours, another day only when it
 * is one of the chosen extra days; null when closed.
 */
export async function openingOf(
  db: DbOrTx,
  settings: AppointmentSettingsRow,
  day: string,
): Promise<OpenDay | null> {
  const weekday = weekdayOf(day);
  const extra = settings.extraDays.find((d) => d.day === day);
  if (extra) return { day, weekday, open: extra.open, close: extra.close, extra: true };
  const hours: DayHours | undefined = settings.weekdays[String(weekday)];
  if (!hours || !(await isWorkingDay(db, day))) return null;
  return { day, weekday, open: hours.open, close: hours.close, extra: false };
}

/** The slots of an opening: every `slotMinutes` from opening, each ending by closing time. */
export function slotsOf(open: OpenDay, slotMinutes: number): { start: string; end: string }[] {
  const slots: { start: string; end: string }[] = [];
  const close = minutesOf(open.close);
  for (let m = minutesOf(open.open); m + slotMinutes <= close; m += slotMinutes) {
    slots.push({ start: timeOf(m), end: timeOf(m + slotMinutes) });
  }
  return slots;
}

/** Working days from today (in China) to the day: 1 for the next working day. */
export async function daysAhead(db: DbOrTx, day: string, now: Date): Promise<number> {
  return workingDaysBetween({ db, from: todayInChina(now), to: day });
}

/**
 * The days that can be booked now: open, from minDaysAhead to maxDaysAhead working days ahead, and
 * with a slot still to start (today itself when minDaysAhead is 0).
 */
export async function bookableDays(
  db: DbOrTx,
  settings: AppointmentSettingsRow,
  now: Date,
): Promise<OpenDay[]> {
  const today = todayInChina(now);
  const days: OpenDay[] = [];
  // Long holidays (春节, 国庆) stretch the working days ahead over up to about two natural weeks more.
  for (let n = 0; n <= settings.maxDaysAhead * 2 + 16; n += 1) {
    const day = addNaturalDays(today, n);
    const ahead = await daysAhead(db, day, now);
    if (ahead > settings.maxDaysAhead) break;
    if (ahead < settings.minDaysAhead) continue;
    const open = await openingOf(db, settings, day);
    const slots = open ? slotsOf(open, settings.slotMinutes) : [];
    if (open && slots.some((s) => startsAtOf(day, s.start) > now)) days.push(open);
  }
  return days;
}
