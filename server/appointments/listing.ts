import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { findHall } from '../organisations/index.ts';
import type { AppointmentRow } from './booking.ts';
import { settingsOf } from './settings.ts';
import { appointmentCategories, appointmentSuspensions, appointments } from './tables.ts';

/* Bookings as people and hall staff read them: one's own with any suspension, a hall's day. */

const HOUR = 3_600_000;

/** A booking as its holder and the hall's staff see it. */
export async function present(db: DbOrTx, rows: AppointmentRow[]) {
  const categoryIds = [...new Set(rows.map((r) => r.categoryId))];
  const categories = categoryIds.length
    ? await db.select().from(appointmentCategories).where(inArray(appointmentCategories.id, categoryIds))
    : [];
  const hallIds = [...new Set(rows.map((r) => r.hallId))];
  const hallRows = new Map(
    (await Promise.all(hallIds.map((id) => findHall(db, id)))).map((h) => [h!.id, h!]),
  );
  const settings = new Map(
    await Promise.all(hallIds.map(async (id) => [id, await settingsOf(db, id)] as const)),
  );
  return rows.map((r) => ({
    id: r.id,
    hallId: r.hallId,
    hallName: hallRows.get(r.hallId)?.name ?? '',
    hallAddress: hallRows.get(r.hallId)?.address ?? '',
    categoryId: r.categoryId,
    categoryName: categories.find((c) => c.id === r.categoryId)?.name ?? '',
    day: r.day,
    start: r.start,
    startsAt: r.startsAt.toISOString(),
    name: r.name,
    channel: r.channel,
    status: r.status as 'booked' | 'cancelled' | 'no_show' | 'attended',
    cancelBefore: new Date(
      r.startsAt.getTime() - (settings.get(r.hallId)?.cancelHoursBefore ?? 2) * HOUR,
    ).toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}

/** An account's own bookings (latest day first) and the suspensions that hold now. */
export async function myAppointments(db: DbOrTx, accountId: string, now: Date = new Date()) {
  const rows = await db
    .select()
    .from(appointments)
    .where(eq(appointments.accountId, accountId))
    .orderBy(desc(appointments.startsAt))
    .limit(100);
  const suspensions = await db
    .select()
    .from(appointmentSuspensions)
    .where(and(eq(appointmentSuspensions.accountId, accountId), gt(appointmentSuspensions.until, now)));
  const names = new Map(
    (await Promise.all([...new Set(suspensions.map((s) => s.hallId))].map((id) => findHall(db, id)))).map(
      (h) => [h!.id, h!.name],
    ),
  );
  return {
    appointments: await present(db, rows),
    suspensions: suspensions.map((s) => ({
      hallId: s.hallId,
      hallName: names.get(s.hallId) ?? '',
      until: s.until.toISOString(),
      reason: s.reason,
      reasonEn: s.reasonEn,
    })),
  };
}

/** The bookings of a hall on a day, in order of time (for its staff). */
export async function hallBookings(db: DbOrTx, hallId: string, day: string) {
  const rows = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.hallId, hallId), eq(appointments.day, day)))
    .orderBy(asc(appointments.start), asc(appointments.createdAt));
  return present(db, rows);
}
