import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { HallBoard } from '../../common/tickets/board-api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { lastEventOf } from './screen.ts';
import { ticketSettingsOf } from './settings.ts';

type Board = Static<typeof HallBoard>;
type Row = Record<string, unknown>;

const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
/** Whole seconds of an interval (null stays null). */
const seconds = (interval: ReturnType<typeof sql>) => sql`round(extract(epoch FROM ${interval}))::int`;
const rows = async (db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];
const iso = (v: unknown) => new Date(v as string).toISOString();

/**
 * The live board of a hall (大厅实况): who waits now per category and for how long, today's tickets
 * taken, served, no-shows and skipped with their waits and handling times, each window (open or
 * paused, its clerk, what it serves now) and each clerk, against the hall's waiting-time goal.
 * Every query reads only the hall's tickets of today (tickets_hall_day_idx, tickets_queue_idx).
 */
export async function hallBoard(db: DbOrTx, hall: { id: string; name: string }): Promise<Board> {
  // Read first: a change made meanwhile then comes on the stream after it.
  const lastEventId = await lastEventOf(db, hall.id);
  const settings = await ticketSettingsOf(db, hall.id);
  const goal = settings.waitGoalMinutes;
  const [clock] = await rows(db, sql`SELECT ${TODAY}::text AS day, now() AS at`);
  const categories = await rows(
    db,
    sql`SELECT c.id, c.letter, c.name, count(t.id)::int AS waiting,
               ${seconds(sql`now() - min(t.taken_at)`)} AS "longestWaitSeconds"
        FROM ticket_categories c
        LEFT JOIN tickets t ON t.category_id = c.id AND t.hall_id = ${hall.id} AND t.day = ${TODAY}
          AND t.status = 'waiting'
        WHERE c.hall_id = ${hall.id}
        GROUP BY c.id HAVING bool_or(c.active) OR count(t.id) > 0
        ORDER BY c.letter`,
  );
  const [today] = await rows(
    db,
    sql`SELECT count(*)::int AS taken,
               count(*) FILTER (WHERE status = 'done')::int AS served,
               count(*) FILTER (WHERE status = 'no_show')::int AS "noShows",
               count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
               count(*) FILTER (WHERE status = 'waiting')::int AS waiting,
               count(*) FILTER (WHERE status = 'waiting'
                 AND now() - taken_at > make_interval(mins => ${goal}))::int AS "waitingOverGoal",
               ${seconds(sql`now() - min(taken_at) FILTER (WHERE status = 'waiting')`)} AS "longestWaitingSeconds",
               ${seconds(sql`avg(called_at - taken_at)`)} AS "averageWaitSeconds",
               ${seconds(sql`max(called_at - taken_at)`)} AS "longestWaitSeconds",
               ${seconds(sql`avg(finished_at - called_at) FILTER (WHERE status = 'done')`)} AS "averageHandleSeconds"
        FROM tickets WHERE hall_id = ${hall.id} AND day = ${TODAY}`,
  );
  const windows = await rows(
    db,
    sql`WITH today AS (SELECT id, code, status, window_id, called_at, finished_at FROM tickets
                       WHERE hall_id = ${hall.id} AND day = ${TODAY}),
        clerk AS (SELECT DISTINCT ON (e.window_id) e.window_id, e.actor_id FROM ticket_events e
                  JOIN today t ON t.id = e.ticket_id
                  WHERE e.kind = 'called' ORDER BY e.window_id, e.at DESC, e.id DESC),
        served AS (SELECT window_id, count(*)::int AS served,
                          ${seconds(sql`avg(finished_at - called_at)`)} AS handle
                   FROM today WHERE status = 'done' GROUP BY window_id),
        current AS (SELECT DISTINCT ON (window_id) window_id, id, code, called_at FROM today
                    WHERE status = 'called' ORDER BY window_id, called_at DESC)
        SELECT w.id, w.number, w.name, (p.window_id IS NOT NULL) AS paused,
               clerk.actor_id AS "clerkId", a.display_name AS "clerkName",
               coalesce(served.served, 0) AS served, served.handle AS "averageHandleSeconds",
               current.id AS "currentId", current.code AS "currentCode", current.called_at AS "currentCalledAt"
        FROM windows w
        LEFT JOIN ticket_window_pauses p ON p.window_id = w.id
        LEFT JOIN clerk ON clerk.window_id = w.id
        LEFT JOIN accounts a ON a.id = clerk.actor_id
        LEFT JOIN served ON served.window_id = w.id
        LEFT JOIN current ON current.window_id = w.id
        WHERE w.hall_id = ${hall.id} AND w.active
        ORDER BY length(w.number), w.number`,
  );
  const clerks = await rows(
    db,
    sql`WITH today AS (SELECT id, status, called_at, finished_at FROM tickets
                       WHERE hall_id = ${hall.id} AND day = ${TODAY}),
        calls AS (SELECT DISTINCT ON (e.ticket_id) e.ticket_id, e.actor_id FROM ticket_events e
                  JOIN today t ON t.id = e.ticket_id
                  WHERE e.kind = 'called' AND e.actor_id IS NOT NULL
                  ORDER BY e.ticket_id, e.at DESC, e.id DESC)
        SELECT a.id, a.display_name AS name,
               count(*) FILTER (WHERE t.status = 'done')::int AS served,
               ${seconds(sql`avg(t.finished_at - t.called_at) FILTER (WHERE t.status = 'done')`)} AS "averageHandleSeconds"
        FROM calls JOIN today t ON t.id = calls.ticket_id JOIN accounts a ON a.id = calls.actor_id
        GROUP BY a.id ORDER BY served DESC, a.display_name`,
  );
  const t = today!;
  const averageWait = t.averageWaitSeconds as number | null;
  return {
    hallId: hall.id,
    hallName: hall.name,
    day: clock!.day as string,
    at: iso(clock!.at),
    lastEventId,
    waitGoalMinutes: goal,
    goalMissed: averageWait !== null && averageWait > goal * 60,
    waitingOverGoal: t.waitingOverGoal as number,
    waiting: t.waiting as number,
    longestWaitingSeconds: t.longestWaitingSeconds as number | null,
    categories: categories as Board['categories'],
    today: {
      taken: t.taken as number,
      served: t.served as number,
      noShows: t.noShows as number,
      skipped: t.skipped as number,
      averageWaitSeconds: averageWait,
      longestWaitSeconds: t.longestWaitSeconds as number | null,
      averageHandleSeconds: t.averageHandleSeconds as number | null,
    },
    windowsOpen: windows.filter((w) => !w.paused).length,
    windowsPaused: windows.filter((w) => w.paused).length,
    windows: windows.map((w) => ({
      id: w.id as string,
      number: w.number as string,
      name: w.name as string,
      paused: w.paused as boolean,
      clerkId: (w.clerkId as string | null) ?? null,
      clerkName: (w.clerkName as string | null) ?? null,
      served: w.served as number,
      averageHandleSeconds: (w.averageHandleSeconds as number | null) ?? null,
      currentTicket: w.currentId
        ? { id: w.currentId as string, code: w.currentCode as string, calledAt: iso(w.currentCalledAt) }
        : null,
    })),
    clerks: clerks as Board['clerks'],
  };
}
