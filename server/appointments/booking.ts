import { and, count, desc, eq, gt, gte, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { BookBody } from '../../common/appointments/api.ts';
import {
  accountContact,
  findApplicant,
  findOrCreateWalkInApplicant,
  normaliseLogin,
} from '../accounts/index.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';
import { findHall } from '../organisations/index.ts';
import { chinaTime, daysAhead, openingOf, slotsOf, startsAtOf } from './schedule.ts';
import { findCategory, settingsOf } from './settings.ts';
import { appointmentCategories, appointmentSlots, appointmentSuspensions, appointments } from './tables.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** "In a month" for no-shows and cancellations. */
const MONTH_DAYS = 30;

export type AppointmentRow = typeof appointments.$inferSelect;

/** Does the actor work at the hall run by this organisation (window clerk or hall manager)? */
export function worksAtHall(actor: Actor, organisationId: string): boolean {
  return actor.grants.some(
    (g) => (g.role === 'window_clerk' || g.role === 'hall_manager') && g.organisationId === organisationId,
  );
}

const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/** The booking suspension of an account in a hall that holds now, if any. */
export async function activeSuspension(db: DbOrTx, accountId: string, hallId: string, now: Date) {
  const [row] = await db
    .select()
    .from(appointmentSuspensions)
    .where(
      and(
        eq(appointmentSuspensions.accountId, accountId),
        eq(appointmentSuspensions.hallId, hallId),
        gt(appointmentSuspensions.until, now),
      ),
    )
    .orderBy(desc(appointmentSuspensions.until))
    .limit(1);
  return row ?? null;
}

/**
 * Whom a booking is for: the signed-in applicant (online, or at a kiosk after the ID card was read),
 * or the caller a clerk names by ID number.
 */
async function bookedFor(
  db: Db,
  actor: Actor,
  organisationId: string,
  input: Static<typeof BookBody>,
  audit: AuditContext,
  atKiosk: boolean,
): Promise<{ accountId: string; channel: 'online' | 'phone' | 'kiosk' }> {
  if (actor.kind !== 'staff') {
    if (input.idNumber !== undefined || input.name !== undefined)
      throw invalid('idNumber', '只有大厅工作人员可以代来电人预约', 'only hall staff book for a caller');
    return { accountId: actor.accountId, channel: atKiosk ? 'kiosk' : 'online' };
  }
  if (atKiosk) throw new AppError('auth.forbidden');
  if (!worksAtHall(actor, organisationId)) throw new AppError('auth.forbidden');
  if (!input.idNumber)
    throw invalid('idNumber', '电话预约须填写来电人的身份证号码', 'is required for a booking by phone');
  const login = normaliseLogin('person', input.idNumber, 'idNumber');
  const found = await findApplicant(db, 'person', login);
  if (found) return { accountId: found.id, channel: 'phone' };
  if (!input.name?.trim())
    throw invalid(
      'name',
      '该身份证号码尚无账号，请填写来电人的姓名',
      'is required for a caller without an account',
    );
  const accountId = await findOrCreateWalkInApplicant({
    db,
    audit,
    input: { kind: 'person', login, displayName: input.name },
  });
  return { accountId, channel: 'phone' };
}

/**
 * Books a slot. The place is taken and the booking inserted in one statement: the slot's counter is
 * raised only while below the category's capacity (the counter row's lock orders concurrent
 * bookings), and the partial unique index refuses a second live booking of the person for the
 * category that day, which undoes the raise with the statement.
 */
export async function book(options: {
  db: Db;
  actor: Actor;
  audit: AuditContext;
  input: Static<typeof BookBody>;
  /** Booked at a kiosk of this hall (channel kiosk): only the hall's own categories are offered. */
  atKiosk?: { hallId: string };
  now?: Date;
}): Promise<AppointmentRow> {
  const { db, actor, input, atKiosk } = options;
  const now = options.now ?? new Date();
  const category = await findCategory(db, input.categoryId);
  const hall = category?.active ? await findHall(db, category.hallId) : null;
  if (!category || !hall?.active || (atKiosk && atKiosk.hallId !== hall.id))
    throw new AppError('resource.not_found', { field: 'categoryId', params: { resource: '预约类别' } });
  const who = await bookedFor(db, actor, hall.organisationId, input, options.audit, !!atKiosk);
  const settings = await settingsOf(db, hall.id);
  const suspension = await activeSuspension(db, who.accountId, hall.id, now);
  if (suspension) {
    throw new AppError('appointment.suspended', {
      params: {
        until: chinaTime(suspension.until),
        reason: suspension.reason,
        reasonEn: suspension.reasonEn,
      },
    });
  }
  const ahead = await daysAhead(db, input.day, now);
  const params = { day: input.day, start: input.start, category: category.name };
  if (ahead < settings.minDaysAhead)
    throw new AppError('appointment.too_early', {
      field: 'day',
      params: { ...params, min: settings.minDaysAhead },
    });
  if (ahead > settings.maxDaysAhead)
    throw new AppError('appointment.too_late', {
      field: 'day',
      params: { ...params, max: settings.maxDaysAhead },
    });
  const open = await openingOf(db, settings, input.day);
  const slot = open && slotsOf(open, settings.slotMinutes).find((s) => s.start === input.start);
  // With minDaysAhead 0 a slot of today that has already started is no longer offered.
  if (!slot || startsAtOf(input.day, input.start) <= now)
    throw new AppError('appointment.closed', { field: 'start', params });
  const name = (await accountContact(db, who.accountId))!.displayName;
  try {
    const id = await db.transaction(async (tx) => {
      const result = await tx.execute<AppointmentRow & Record<string, unknown>>(sql`
      WITH place AS (
        INSERT INTO ${appointmentSlots} AS s (category_id, day, start, booked)
        VALUES (${category.id}::uuid, ${input.day}::date, ${input.start}, 1)
        ON CONFLICT (category_id, day, start) DO UPDATE SET booked = s.booked + 1
        WHERE s.booked < (SELECT capacity FROM ${appointmentCategories} WHERE id = ${category.id})
        RETURNING 1
      )
      INSERT INTO ${appointments}
        (hall_id, category_id, day, start, starts_at, account_id, name, channel, booked_by)
      SELECT ${hall.id}::uuid, ${category.id}::uuid, ${input.day}::date, ${input.start}::text,
        ${startsAtOf(input.day, input.start).toISOString()}::timestamptz,
        ${who.accountId}::uuid, ${name}::text, ${who.channel}::text, ${actor.accountId}::uuid
      FROM place
      RETURNING id`);
      const booked = result.rows[0]?.id as string | undefined;
      if (!booked) throw new AppError('appointment.full', { field: 'start', params });
      await recordAudit(tx, options.audit, {
        action: 'appointment.book',
        targetType: 'appointment',
        targetId: booked,
        summary: {
          hallId: hall.id,
          category: category.name,
          day: input.day,
          start: input.start,
          channel: who.channel,
          accountId: who.accountId,
        },
      });
      return booked;
    });
    return (await findAppointment(db, id))!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('appointment.duplicate', { field: 'day', params });
    throw error;
  }
}

export async function findAppointment(db: DbOrTx, id: string): Promise<AppointmentRow | null> {
  const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
  return row ?? null;
}

const notFound = () => new AppError('resource.not_found', { params: { resource: '预约' } });

/** A booking the actor may act on: its holder's, or any of the hall where the actor works; else 404. */
async function ownOrHall(db: DbOrTx, actor: Actor, id: string) {
  const row = await findAppointment(db, id);
  if (!row) throw notFound();
  if (row.accountId === actor.accountId) return { row, asStaff: false };
  const hall = await findHall(db, row.hallId);
  if (hall && worksAtHall(actor, hall.organisationId)) return { row, asStaff: true };
  throw notFound();
}

const STATUS_NAMES: Record<string, [string, string]> = {
  booked: ['预约', 'booked'],
  cancelled: ['取消', 'cancelled'],
  no_show: ['记为爽约', 'marked as a no-show'],
  attended: ['到场', 'attended'],
};

function notBooked(row: AppointmentRow, operation: string, operationEn: string): AppError {
  const [status, statusEn] = STATUS_NAMES[row.status] ?? [row.status, row.status];
  return new AppError('appointment.not_booked', { params: { status, statusEn, operation, operationEn } });
}

/**
 * Suspends booking in the hall when the account has reached the hall's limit of no-shows or
 * cancellations in the last 30 days (and is not suspended already).
 */
async function suspendWhenDue(db: DbOrTx, row: AppointmentRow, now: Date): Promise<void> {
  const settings = await settingsOf(db, row.hallId);
  if (await activeSuspension(db, row.accountId, row.hallId, now)) return;
  const since = new Date(now.getTime() - MONTH_DAYS * DAY);
  const [noShows] = await db
    .select({ n: count() })
    .from(appointments)
    .where(
      and(
        eq(appointments.accountId, row.accountId),
        eq(appointments.hallId, row.hallId),
        eq(appointments.status, 'no_show'),
        gte(appointments.startsAt, since),
      ),
    );
  const [cancelled] = await db
    .select({ n: count() })
    .from(appointments)
    .where(
      and(
        eq(appointments.accountId, row.accountId),
        eq(appointments.hallId, row.hallId),
        eq(appointments.status, 'cancelled'),
        gte(appointments.cancelledAt, since),
      ),
    );
  const reason =
    (noShows?.n ?? 0) >= settings.noShowLimit
      ? {
          reason: `近一个月内 ${noShows!.n} 次预约未按时到场（爽约）`,
          reasonEn: `${noShows!.n} missed bookings (no-shows) in a month`,
        }
      : (cancelled?.n ?? 0) >= settings.cancelLimit
        ? {
            reason: `近一个月内取消预约 ${cancelled!.n} 次`,
            reasonEn: `${cancelled!.n} bookings cancelled in a month`,
          }
        : null;
  if (!reason) return;
  await db.insert(appointmentSuspensions).values({
    accountId: row.accountId,
    hallId: row.hallId,
    until: new Date(now.getTime() + settings.suspendDays * DAY),
    ...reason,
  });
}

/** Frees the place of a booking that leaves 'booked' (in the statement that changes it). */
async function leave(db: DbOrTx, id: string, status: 'cancelled' | 'no_show', now: Date) {
  const result = await db.execute<{ id: string }>(sql`
    WITH left_slot AS (
      UPDATE ${appointments} SET status = ${status},
        cancelled_at = ${status === 'cancelled' ? now.toISOString() : null}::timestamptz
      WHERE id = ${id} AND status = 'booked'
      RETURNING id, category_id, day, start
    ), freed AS (
      UPDATE ${appointmentSlots} AS s SET booked = s.booked - 1
      FROM left_slot l WHERE s.category_id = l.category_id AND s.day = l.day AND s.start = l.start
      RETURNING 1
    )
    SELECT id FROM left_slot`);
  return result.rows.length === 1;
}

/** Cancels a booking (its holder, or staff of the hall) up to the hall's hours before it starts. */
export async function cancel(options: {
  db: Db;
  actor: Actor;
  audit: AuditContext;
  id: string;
  now?: Date;
}): Promise<AppointmentRow> {
  const now = options.now ?? new Date();
  const { row } = await ownOrHall(options.db, options.actor, options.id);
  if (row.status !== 'booked') throw notBooked(row, '取消', 'cancelled');
  const settings = await settingsOf(options.db, row.hallId);
  const deadline = new Date(row.startsAt.getTime() - settings.cancelHoursBefore * HOUR);
  if (now > deadline) {
    throw new AppError('appointment.cancel_too_late', {
      params: { hours: settings.cancelHoursBefore, deadline: chinaTime(deadline) },
    });
  }
  return leaveBooked(options, row, 'cancelled', ['取消', 'cancelled'], now);
}

/** Staff of the hall record that the person did not come (after the slot started). */
export async function markNoShow(options: {
  db: Db;
  actor: Actor;
  audit: AuditContext;
  id: string;
  now?: Date;
}): Promise<AppointmentRow> {
  const now = options.now ?? new Date();
  const { row, asStaff } = await ownOrHall(options.db, options.actor, options.id);
  if (!asStaff) throw new AppError('auth.forbidden');
  if (row.status !== 'booked') throw notBooked(row, '记为爽约', 'marked as a no-show');
  if (row.startsAt > now)
    throw invalid('id', '预约时段尚未开始，不能记为爽约', 'the slot has not started yet');
  return leaveBooked(options, row, 'no_show', ['记为爽约', 'marked as a no-show'], now);
}

/**
 * A booking leaves `booked` (cancelled, or a no-show) in one transaction, audited; the person's
 * booking is suspended when the rules say so. A booking no longer booked is a 409 naming `verb`.
 */
function leaveBooked(
  options: { db: Db; audit: AuditContext },
  row: AppointmentRow,
  status: 'cancelled' | 'no_show',
  verb: [string, string],
  now: Date,
): Promise<AppointmentRow> {
  return options.db.transaction(async (tx) => {
    if (!(await leave(tx, row.id, status, now)))
      throw notBooked((await findAppointment(tx, row.id))!, verb[0], verb[1]);
    const changed = (await findAppointment(tx, row.id))!;
    await recordAudit(tx, options.audit, {
      action: `appointment.${changed.status}`,
      targetType: 'appointment',
      targetId: changed.id,
      summary: {
        hallId: changed.hallId,
        day: changed.day,
        start: changed.start,
        accountId: changed.accountId,
      },
    });
    await suspendWhenDue(tx, changed, now);
    return changed;
  });
}
