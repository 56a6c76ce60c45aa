import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { HallScreen, ScreenMessage, ScreenState } from '../../common/tickets/screen.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

/** What a hall's calling screen reads: public data only (codes, window numbers, categories, counts). */

const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
type Row = Record<string, unknown>;
const rows = async (db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];
const iso = (v: unknown) => new Date(v as string).toISOString();

/** Most events one replay sends: a screen that was away longer gets the newest ones. */
export const REPLAY_LIMIT = 500;

/** The active hall's name; an unknown or closed hall is a 404. */
export async function screenHall(db: DbOrTx, hallId: string): Promise<{ id: string; name: string }> {
  const [row] = await rows(db, sql`SELECT id, name FROM halls WHERE id = ${hallId} AND active`);
  if (!row) throw new AppError('resource.not_found', { params: { resource: '大厅' } });
  return { id: row.id as string, name: row.name as string };
}

/** Waiting per active category today and the numbers of the windows open (active, not paused). */
export async function screenState(db: DbOrTx, hallId: string): Promise<Static<typeof ScreenState>> {
  const waiting = await rows(
    db,
    sql`SELECT c.id AS "categoryId", c.letter, c.name,
          (SELECT count(*)::int FROM tickets t WHERE t.hall_id = c.hall_id AND t.day = ${TODAY}
             AND t.status = 'waiting' AND t.category_id = c.id) AS count
        FROM ticket_categories c WHERE c.hall_id = ${hallId} AND c.active ORDER BY c.letter`,
  );
  const open = await rows(
    db,
    sql`SELECT w.number FROM windows w WHERE w.hall_id = ${hallId} AND w.active
          AND NOT EXISTS (SELECT 1 FROM ticket_window_pauses p WHERE p.window_id = w.id)
        ORDER BY length(w.number), w.number`,
  );
  return {
    waiting: waiting as Static<typeof ScreenState>['waiting'],
    windowsOpen: open.map((r) => r.number as string),
  };
}

/** The screen as it opens: hall name, last 10 calls, waiting, windows open and the newest event id. */
export async function hallScreen(db: DbOrTx, hallId: string): Promise<Static<typeof HallScreen>> {
  const hall = await screenHall(db, hallId);
  // Read first: a call made meanwhile is then in the stream after it (the screen drops repeats by id).
  const lastEventId = await lastEventOf(db, hall.id);
  const calls = await rows(
    db,
    sql`SELECT e.id AS "eventId", e.kind, t.code, w.number AS "windowNumber", e.at
        FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id JOIN windows w ON w.id = e.window_id
        WHERE t.hall_id = ${hall.id} AND t.day = ${TODAY} AND e.kind IN ('called', 'recalled')
        ORDER BY e.id DESC LIMIT 10`,
  );
  return {
    hallId: hall.id,
    hallName: hall.name,
    calls: calls.map((c) => ({ ...c, eventId: Number(c.eventId), at: iso(c.at) })) as Static<
      typeof HallScreen
    >['calls'],
    ...(await screenState(db, hall.id)),
    lastEventId,
  };
}

export type ScreenEvent = Omit<ScreenMessage, 'waiting' | 'windowsOpen'> & { eventId: number };

const EVENT_COLUMNS = sql`e.id AS "eventId", e.kind, t.code, w.number AS "windowNumber", t.category_id AS "categoryId", e.at`;
const toEvent = (r: Row): ScreenEvent => ({
  eventId: Number(r.eventId),
  kind: r.kind as ScreenEvent['kind'],
  code: r.code as string,
  windowNumber: (r.windowNumber as string | null) ?? null,
  categoryId: r.categoryId as string,
  at: iso(r.at),
});

/** Events of the hall by their ids, in id order (ids of other halls are left out). */
export async function eventsById(db: DbOrTx, hallId: string, ids: number[]): Promise<ScreenEvent[]> {
  if (!ids.length) return [];
  const found = await rows(
    db,
    sql`SELECT ${EVENT_COLUMNS}
        FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id LEFT JOIN windows w ON w.id = e.window_id
        WHERE e.id = ANY(${`{${ids.join(',')}}`}::bigint[]) AND t.hall_id = ${hallId} ORDER BY e.id`,
  );
  return found.map(toEvent);
}

/** Today's events of the hall after `after`, oldest first: at most the newest REPLAY_LIMIT. */
export async function eventsAfter(db: DbOrTx, hallId: string, after: number): Promise<ScreenEvent[]> {
  const found = await rows(
    db,
    sql`SELECT * FROM (
          SELECT ${EVENT_COLUMNS}
          FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id LEFT JOIN windows w ON w.id = e.window_id
          WHERE t.hall_id = ${hallId} AND t.day = ${TODAY} AND e.id > ${after}
          ORDER BY e.id DESC LIMIT ${REPLAY_LIMIT}) newest
        ORDER BY "eventId"`,
  );
  return found.map(toEvent);
}

/** The newest event id of the hall today. */
export async function lastEventOf(db: DbOrTx, hallId: string): Promise<number> {
  const [row] = await rows(
    db,
    sql`SELECT coalesce(max(e.id), 0)::bigint AS id FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id
        WHERE t.hall_id = ${hallId} AND t.day = ${TODAY}`,
  );
  return Number(row?.id ?? 0);
}

/**
 * Tells every server's streams that something of the hall changed that is no ticket event (a window
 * paused or resumed). Payload of channel `ticket_events`: `<hallId>:<eventId>`, 0 for such a change.
 */
export async function notifyHall(db: DbOrTx, hallId: string): Promise<void> {
  await db.execute(sql`SELECT pg_notify('ticket_events', ${`${hallId}:0`})`);
}
