import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';
import { ticketSettingsOf } from './settings.ts';

const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
const RANK = { green: 0, agent: 0, booking: 1, normal: 2 } as const;

type Row = Record<string, unknown>;
const rows = async (db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];
const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });
const notFound = (resource: string, field: string) =>
  new AppError('resource.not_found', { field, params: { resource } });

export type TakeInput = {
  hallId: string;
  /** Optional when a booking checks in: its appointment category names the ticket category. */
  categoryId?: string | undefined;
  channel: 'kiosk' | 'phone' | 'reception';
  priority?: 'green' | 'agent' | undefined;
  accountId: string | null;
  actorId: string | null;
  appointmentId?: string | undefined;
  /** A person checks in only their own booking. */
  bookingOf?: string | undefined;
  /** The person as the reception desk names them, and a phone for SMS. */
  personName?: string | undefined;
  phone?: string | undefined;
};

const BOOKING_STATES: Record<string, [string, string]> = {
  attended: ['该预约已签到取号', 'has already been checked in'],
  cancelled: ['该预约已取消', 'was cancelled'],
  no_show: ['该预约已记为爽约', 'was marked as a no-show'],
};

/** The booking being checked in, locked, and the ticket category its appointment category leads to. */
async function bookingCategory(db: DbOrTx, input: TakeInput) {
  const [booking] = await rows(
    db,
    sql`SELECT a.account_id, a.status, a.category_id,
          (SELECT id FROM ticket_categories c WHERE c.hall_id = a.hall_id AND c.active
             AND c.appointment_category_id = a.category_id ORDER BY c.letter LIMIT 1) AS ticket_category_id
        FROM appointments a
        WHERE a.id = ${input.appointmentId} AND a.hall_id = ${input.hallId} AND a.day = ${TODAY}
          AND (${input.bookingOf ?? null}::uuid IS NULL OR a.account_id = ${input.bookingOf ?? null}::uuid)
        FOR UPDATE OF a`,
  );
  if (!booking) throw notFound('今日在本大厅的预约', 'appointmentId');
  const state = BOOKING_STATES[booking.status as string];
  if (state) throw invalid('appointmentId', state[0], state[1]);
  const linked = booking.ticket_category_id as string | null;
  if (linked && input.categoryId && input.categoryId !== linked)
    throw invalid('categoryId', '与预约事项对应的取号类别不符', 'does not match the category of the booking');
  return { accountId: booking.account_id as string, categoryId: linked ?? input.categoryId };
}

/** Refuses a person's ticket beyond the hall's daily limit; the lock orders the person's concurrent takes. */
async function withinDailyLimit(db: DbOrTx, hallId: string, accountId: string) {
  await db.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext('ticket-take:' || ${accountId} || ':' || ${hallId}))`,
  );
  const { dailyLimitPerPerson } = await ticketSettingsOf(db, hallId);
  const [row] = await rows(
    db,
    sql`SELECT count(*)::int AS n FROM tickets WHERE account_id = ${accountId} AND hall_id = ${hallId} AND day = ${TODAY}`,
  );
  if ((row!.n as number) >= dailyLimitPerPerson)
    throw new AppError('ticket.daily_limit', { params: { count: row!.n as number } });
}

/**
 * Takes a ticket: the next number of the category today and the ticket with its 'taken' event in
 * one statement (the counter row's lock orders concurrent takers). A booking of today checks in:
 * the ticket goes to the category linked to the booking's appointment category and the booking
 * is marked attended, in the same transaction.
 */
export async function takeTicket(db: DbOrTx, input: TakeInput): Promise<string> {
  return db.transaction(async (tx) => {
    let accountId = input.accountId;
    let categoryId = input.categoryId;
    if (input.appointmentId) {
      const booking = await bookingCategory(tx, input);
      accountId = booking.accountId;
      categoryId = booking.categoryId;
    }
    if (!categoryId) throw invalid('categoryId', '请选择取号类别', 'is required');
    const [category] = await rows(
      tx,
      sql`SELECT id, letter FROM ticket_categories WHERE id = ${categoryId} AND hall_id = ${input.hallId} AND active`,
    );
    if (!category) throw notFound('取号类别', 'categoryId');
    if (accountId) await withinDailyLimit(tx, input.hallId, accountId);
    const priority = input.priority ?? (input.appointmentId ? 'booking' : 'normal');
    try {
      const [row] = await rows(
        tx,
        sql`WITH n AS (
              INSERT INTO ticket_counters (category_id, day, last) VALUES (${categoryId}, ${TODAY}, 1)
              ON CONFLICT (category_id, day) DO UPDATE SET last = ticket_counters.last + 1
              RETURNING day, last),
            t AS (
              INSERT INTO tickets (hall_id, category_id, day, number, code, priority, rank, channel, account_id,
                                   appointment_id, person_name, phone)
              SELECT ${input.hallId}, ${categoryId}, n.day, n.last, ${category.letter as string} || lpad(n.last::text, 3, '0'),
                     ${priority}, ${RANK[priority]}, ${input.channel}, ${accountId}, ${input.appointmentId ?? null},
                     ${input.personName?.trim() || null}, ${input.phone || null}
              FROM n RETURNING id),
            e AS (INSERT INTO ticket_events (ticket_id, kind, actor_id) SELECT id, 'taken', ${input.actorId} FROM t)
            SELECT id FROM t`,
      );
      if (input.appointmentId)
        await tx.execute(sql`UPDATE appointments SET status = 'attended' WHERE id = ${input.appointmentId}`);
      return row!.id as string;
    } catch (error) {
      if (isUniqueViolation(error))
        throw invalid('appointmentId', '该预约已签到取号', 'has already been checked in');
      throw error;
    }
  });
}

/** Today's bookings of a person at a hall that can still check in, earliest first. */
export async function checkInBookings(db: DbOrTx, hallId: string, accountId: string) {
  const found = await rows(
    db,
    sql`SELECT a.id, a.start, a.starts_at AS "startsAt", ac.name AS "categoryName",
          (SELECT c.id FROM ticket_categories c WHERE c.hall_id = a.hall_id AND c.active
             AND c.appointment_category_id = a.category_id ORDER BY c.letter LIMIT 1) AS "ticketCategoryId"
        FROM appointments a JOIN appointment_categories ac ON ac.id = a.category_id
        WHERE a.hall_id = ${hallId} AND a.account_id = ${accountId} AND a.day = ${TODAY} AND a.status = 'booked'
          AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.appointment_id = a.id)
        ORDER BY a.starts_at`,
  );
  return found.map((r) => ({
    id: r.id as string,
    start: r.start as string,
    startsAt: new Date(r.startsAt as string).toISOString(),
    categoryName: r.categoryName as string,
    ticketCategoryId: (r.ticketCategoryId as string | null) ?? null,
  }));
}

/** A person's tickets today, newest first, with the hall each is for. */
export async function ticketsOfToday(db: DbOrTx, accountId: string) {
  const found = await rows(
    db,
    sql`SELECT t.id, h.name AS "hallName" FROM tickets t JOIN halls h ON h.id = t.hall_id
        WHERE t.account_id = ${accountId} AND t.day = ${TODAY} ORDER BY t.taken_at DESC, t.number DESC`,
  );
  return found as { id: string; hallName: string }[];
}
