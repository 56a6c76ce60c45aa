import { sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.ts';

let next = 900;

/**
 * A ticket written straight into the hall's history with known times, in minutes before now
 * (or on a given day at given China times), and the 'called' event of the clerk at its window.
 */
export async function seedTicket(
  db: Db,
  input: {
    hallId: string;
    categoryId: string;
    /** YYYY-MM-DD; today (China time) when not given. */
    day?: string;
    status: 'waiting' | 'called' | 'skipped' | 'done' | 'no_show';
    /** Minutes before now, or on `day` the China time 'HH:MM' (then every time is one). */
    taken: number | string;
    called?: number | string;
    finished?: number | string;
    windowId?: string;
    clerkId?: string;
  },
): Promise<string> {
  const number = next++;
  const day = input.day ? sql`${input.day}::date` : sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;
  const at = (v: number | string | undefined) =>
    v === undefined
      ? sql`NULL::timestamptz`
      : typeof v === 'number'
        ? sql`now() - make_interval(mins => ${v})`
        : sql`((${input.day ?? ''}::date + ${v}::time) AT TIME ZONE 'Asia/Shanghai')`;
  const { rows } = await db.execute(
    sql`WITH t AS (
          INSERT INTO tickets (hall_id, category_id, day, number, code, priority, rank, channel, status,
                               window_id, taken_at, called_at, finished_at)
          VALUES (${input.hallId}, ${input.categoryId}, ${day}, ${number}, ${`Z${number}`}, 'normal', 2, 'reception',
                  ${input.status}, ${input.windowId ?? null}, ${at(input.taken)}, ${at(input.called)},
                  ${at(input.finished)})
          RETURNING id, window_id, called_at),
        e AS (INSERT INTO ticket_events (ticket_id, kind, window_id, actor_id, at)
              SELECT id, 'called', window_id, ${input.clerkId ?? null}::uuid, called_at FROM t
              WHERE called_at IS NOT NULL)
        SELECT id FROM t`,
  );
  return rows[0]!.id as string;
}
