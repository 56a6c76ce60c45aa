import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { HallFigures } from '../../common/tickets/board-api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

export type Figures = Static<typeof HallFigures>;
export type FiguresRange = { from: string; to: string; by: 'day' | 'month' };

/** The longest range of days one request may cover. */
export const MAX_FIGURE_DAYS = 366;

const DAY_MS = 86_400_000;

/** The range as asked: `to` not before `from`, at most 366 days (both days counted). */
export function checkRange(range: { from: string; to: string }): void {
  const days = (Date.parse(range.to) - Date.parse(range.from)) / DAY_MS + 1;
  if (days < 1)
    throw new AppError('validation.field', {
      field: 'to',
      params: { problem: '结束日期不能早于开始日期', problemEn: 'must not be before from' },
    });
  if (days > MAX_FIGURE_DAYS)
    throw new AppError('validation.field', {
      field: 'to',
      params: {
        problem: `查询范围不能超过 ${MAX_FIGURE_DAYS} 天`,
        problemEn: `must be at most ${MAX_FIGURE_DAYS} days after from`,
      },
    });
}

type Row = Record<string, unknown>;
const rows = async (db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];
const seconds = (interval: ReturnType<typeof sql>) => sql`round(extract(epoch FROM ${interval}))::int`;

/** Served, no-shows and average wait and handling of a group of tickets `t`. */
const COUNTS = sql`count(*) FILTER (WHERE t.status = 'done')::int AS served,
  count(*) FILTER (WHERE t.status = 'no_show')::int AS "noShows",
  ${seconds(sql`avg(t.called_at - t.taken_at)`)} AS "averageWaitSeconds",
  ${seconds(sql`avg(t.finished_at - t.called_at) FILTER (WHERE t.status = 'done')`)} AS "averageHandleSeconds"`;

/**
 * A hall's figures per day or month (China time, by the day a ticket was taken): for the hall,
 * each window and each clerk, tickets served, no-shows, the average wait (taken → called) and the
 * average handling time (called → done). A window counts the tickets called to it; a clerk the
 * tickets they called last. Reads only the hall's tickets of the range (tickets_hall_day_idx).
 */
export async function hallFigures(
  db: DbOrTx,
  hall: { id: string; name: string },
  range: FiguresRange,
): Promise<Figures> {
  checkRange(range);
  const period = range.by === 'month' ? sql`to_char(t.day, 'YYYY-MM')` : sql`t.day::text`;
  const inRange = sql`SELECT id, day, status, window_id, taken_at, called_at, finished_at FROM tickets
    WHERE hall_id = ${hall.id} AND day BETWEEN ${range.from}::date AND ${range.to}::date`;
  const hallRows = await rows(
    db,
    sql`SELECT ${period} AS period, count(*)::int AS taken, ${COUNTS}
        FROM (${inRange}) t GROUP BY 1 ORDER BY 1`,
  );
  const windowRows = await rows(
    db,
    sql`SELECT ${period} AS period, w.id AS "windowId", w.number AS "windowNumber", w.name AS "windowName", ${COUNTS}
        FROM (${inRange}) t JOIN windows w ON w.id = t.window_id
        WHERE t.called_at IS NOT NULL
        GROUP BY 1, w.id ORDER BY 1, length(w.number), w.number`,
  );
  const clerkRows = await rows(
    db,
    sql`WITH t AS (${inRange}),
        calls AS (SELECT DISTINCT ON (e.ticket_id) e.ticket_id, e.actor_id FROM ticket_events e
                  JOIN t ON t.id = e.ticket_id
                  WHERE e.kind = 'called' AND e.actor_id IS NOT NULL
                  ORDER BY e.ticket_id, e.at DESC, e.id DESC)
        SELECT ${period} AS period, a.id AS "clerkId", a.display_name AS "clerkName", ${COUNTS}
        FROM t JOIN calls ON calls.ticket_id = t.id JOIN accounts a ON a.id = calls.actor_id
        WHERE t.called_at IS NOT NULL
        GROUP BY 1, a.id ORDER BY 1, a.display_name`,
  );
  return {
    hallId: hall.id,
    hallName: hall.name,
    from: range.from,
    to: range.to,
    by: range.by,
    hall: hallRows as Figures['hall'],
    windows: windowRows as Figures['windows'],
    clerks: clerkRows as Figures['clerks'],
  };
}
