import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { CalendarEntry as CalendarEntrySchema } from '../../common/calendar/api.ts';
import { type IsoDate, isIsoDate, weekdayOf } from '../../common/working-days.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { changed } from '../core/caches.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { NATIONAL_YEARS, nationalDay, nationalDays } from './national.ts';
import { calendarDays } from './tables.ts';

export type CalendarDayRow = typeof calendarDays.$inferSelect;
/** One day that differs from the Monday-to-Friday rule (its day is an IsoDate). */
export type CalendarEntry = Static<typeof CalendarEntrySchema>;
export type YearCoverage = { year: number; national: number; local: number };

/**
 * Writes the published national calendar (2024–2026) into calendar_days: missing days are
 * added, national rows that differ from the package are corrected, local overrides are left
 * alone. Idempotent; returns how many rows it wrote.
 */
export async function seedNationalCalendar(options: { db: DbOrTx }): Promise<number> {
  const rows = NATIONAL_YEARS.flatMap((year) => nationalDays(year)).map((d) => ({
    ...d,
    source: 'national',
  }));
  const written = await options.db
    .insert(calendarDays)
    .values(rows)
    .onConflictDoUpdate({
      target: calendarDays.day,
      set: { workday: sql`excluded.workday`, name: sql`excluded.name`, updatedAt: sql`now()` },
      setWhere: sql`${calendarDays.source} = 'national' AND (${calendarDays.workday}, ${calendarDays.name}) IS DISTINCT FROM (excluded.workday, excluded.name)`,
    })
    .returning({ day: calendarDays.day });
  if (written.length > 0) changed('calendar');
  return written.length;
}

/** National and local entries per year, to see which years the calendar covers. */
export async function calendarCoverage(options: { db: DbOrTx; years: number[] }): Promise<YearCoverage[]> {
  const rows = await options.db
    .select({
      year: sql<number>`extract(year from ${calendarDays.day})::int`,
      national: sql<number>`count(*) filter (where ${calendarDays.source} = 'national')::int`,
      local: sql<number>`count(*) filter (where ${calendarDays.source} = 'local')::int`,
    })
    .from(calendarDays)
    .groupBy(sql`1`);
  return options.years.map((year) => rows.find((r) => r.year === year) ?? { year, national: 0, local: 0 });
}

function entryOf(row: CalendarDayRow): CalendarEntry {
  return {
    day: row.day,
    weekday: weekdayOf(row.day),
    workday: row.workday,
    name: row.name,
    source: row.source as CalendarEntry['source'],
    updatedAt: row.updatedAt,
  };
}

/** Every day of the year that is not an ordinary Monday–Friday working day or weekend. */
export async function listCalendarDays(options: {
  db: DbOrTx;
  year: number;
}): Promise<{ year: number; nationalCovered: boolean; items: CalendarEntry[] }> {
  const rows = await options.db
    .select()
    .from(calendarDays)
    .where(
      and(gte(calendarDays.day, `${options.year}-01-01`), lte(calendarDays.day, `${options.year}-12-31`)),
    )
    .orderBy(asc(calendarDays.day));
  return {
    year: options.year,
    nationalCovered: rows.some((r) => r.source === 'national'),
    items: rows.map(entryOf),
  };
}

function checkDay(day: IsoDate): void {
  if (!isIsoDate(day)) {
    throw new AppError('validation.field', {
      field: 'day',
      params: { problem: '不是有效的日期（YYYY-MM-DD）', problemEn: 'not a valid date (YYYY-MM-DD)' },
    });
  }
}

const summaryOf = (row: CalendarDayRow | undefined) =>
  row ? { workday: row.workday, name: row.name, source: row.source } : null;

/** Sets a local override of one day (a working day or a day off), audited. */
export async function setLocalDay(options: {
  db: Db;
  audit: AuditContext;
  day: IsoDate;
  input: { workday: boolean; name: string };
}): Promise<CalendarEntry> {
  const { day } = options;
  checkDay(day);
  const name = options.input.name.trim();
  if (!name) {
    throw new AppError('validation.field', {
      field: 'name',
      params: { problem: '名称不能为空', problemEn: 'must not be empty' },
    });
  }
  const actorId = options.audit.actor?.accountId ?? null;
  const saved = await options.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, day)).for('update');
    const values = { workday: options.input.workday, name, source: 'local', updatedBy: actorId };
    const [row] = await tx
      .insert(calendarDays)
      .values({ day, ...values })
      .onConflictDoUpdate({ target: calendarDays.day, set: { ...values, updatedAt: sql`now()` } })
      .returning();
    await recordAudit(tx, options.audit, {
      action: 'calendar.set_local',
      targetType: 'calendar_day',
      targetId: day,
      summary: { day, before: summaryOf(before), after: summaryOf(row) },
    });
    return row!;
  });
  changed('calendar');
  return entryOf(saved);
}

/**
 * Removes the local override of a day, audited: a day of the published national calendar
 * returns to its national entry, any other day to the Monday–Friday rule.
 */
export async function removeLocalDay(options: { db: Db; audit: AuditContext; day: IsoDate }): Promise<void> {
  const { day } = options;
  checkDay(day);
  await options.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.day, day)).for('update');
    if (before?.source !== 'local') {
      throw new AppError('resource.not_found', { params: { resource: '该日期的本地调整' } });
    }
    const national = nationalDay(day);
    let after: CalendarDayRow | undefined;
    if (national) {
      [after] = await tx
        .update(calendarDays)
        .set({
          workday: national.workday,
          name: national.name,
          source: 'national',
          updatedBy: options.audit.actor?.accountId ?? null,
          updatedAt: sql`now()`,
        })
        .where(eq(calendarDays.day, day))
        .returning();
    } else {
      await tx.delete(calendarDays).where(eq(calendarDays.day, day));
    }
    await recordAudit(tx, options.audit, {
      action: 'calendar.remove_local',
      targetType: 'calendar_day',
      targetId: day,
      summary: { day, before: summaryOf(before), after: summaryOf(after) },
    });
  });
  changed('calendar');
}

/**
 * At start: writes the national calendar and reports the years it covers; a warning when the
 * current or the next year has no national entries (its days then follow Monday–Friday unless
 * an administrator enters them).
 */
export async function prepareCalendar(options: {
  db: DbOrTx;
  today: IsoDate;
  log: (message: string) => void;
}): Promise<YearCoverage[]> {
  const written = await seedNationalCalendar(options);
  const year = Number(options.today.slice(0, 4));
  const coverage = await calendarCoverage({ db: options.db, years: [year, year + 1] });
  const covered = NATIONAL_YEARS.join(', ');
  options.log(
    `working calendar: national holidays of ${covered}${written ? ` (${written} days written)` : ''}`,
  );
  for (const c of coverage) {
    if (c.national > 0) continue;
    options.log(
      `warning: the working calendar has no national holidays for ${c.year}${c.local ? ` (${c.local} local days entered)` : ''}; ` +
        'deadlines in that year count Monday to Friday until its holidays are entered at /api/calendar',
    );
  }
  return coverage;
}
