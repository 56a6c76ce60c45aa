import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { notify } from '../notifications/index.ts';
import { findHall } from '../organisations/index.ts';
import { appointmentCategories, appointments } from './tables.ts';

type Due = { id: string; account_id: string; day: string; start: string; hall_id: string; category: string };

/**
 * Queues the reminders that are due: the day before (within 24 hours of the start) and 1 hour
 * before. Each booking is marked in the statement that picks it (a booking already marked is not
 * picked again), and its message and SMS (notifications' outbox) are written in the same
 * transaction, so a reminder is queued once; one booked less than an hour ahead gets only the
 * hour-before one. Run in the job's transaction.
 */
export async function queueAppointmentReminders(options: {
  db: DbOrTx;
  now?: Date;
}): Promise<{ dayBefore: number; hourBefore: number }> {
  const { db } = options;
  const now = (options.now ?? new Date()).toISOString();
  const hour = await db.execute<Due>(sql`
    UPDATE ${appointments} a SET reminded_hour_before = ${now}::timestamptz,
      reminded_day_before = coalesce(a.reminded_day_before, ${now}::timestamptz)
    FROM ${appointmentCategories} c
    WHERE a.category_id = c.id AND a.status = 'booked' AND a.reminded_hour_before IS NULL
      AND a.starts_at > ${now}::timestamptz AND a.starts_at <= ${now}::timestamptz + interval '1 hour'
    RETURNING a.id, a.account_id, a.day::text, a.start, a.hall_id, c.name AS category`);
  const day = await db.execute<Due>(sql`
    UPDATE ${appointments} a SET reminded_day_before = ${now}::timestamptz
    FROM ${appointmentCategories} c
    WHERE a.category_id = c.id AND a.status = 'booked' AND a.reminded_day_before IS NULL
      AND a.starts_at > ${now}::timestamptz + interval '1 hour'
      AND a.starts_at <= ${now}::timestamptz + interval '24 hours'
    RETURNING a.id, a.account_id, a.day::text, a.start, a.hall_id, c.name AS category`);
  for (const [rows, when] of [
    [hour.rows, 'hour_before'],
    [day.rows, 'day_before'],
  ] as const) {
    for (const r of rows) {
      const hall = await findHall(db, r.hall_id);
      await notify({
        db,
        accountId: r.account_id,
        title: '预约提醒',
        body: `您预约的${hall?.name ?? ''}“${r.category}”将于 ${r.day} ${r.start} 开始，地址：${hall?.address ?? ''}。请携带身份证件按时到场，如不能前往请提前取消。`,
        subject: { appointmentId: r.id, event: when },
      });
    }
  }
  return { dayBefore: day.rows.length, hourBefore: hour.rows.length };
}
