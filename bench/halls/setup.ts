import { sql } from 'drizzle-orm';
import type { Db } from '../../server/core/db/client.ts';

/**
 * The bench's hall: the demo city hall with `windows` more windows (P01 …) that each call one
 * category, Z (压测), and `tickets` people waiting in it, written straight to the tables.
 */
export async function prepareHall(db: Db, windows: number, tickets: number) {
  const [hall] = (
    await db.execute<{ id: string }>(sql`SELECT id FROM halls WHERE name = '西安市政务服务大厅'`)
  ).rows;
  if (!hall) throw new Error('the demo city hall is missing');
  const [category] = (
    await db.execute<{ id: string }>(
      sql`INSERT INTO ticket_categories (hall_id, letter, name) VALUES (${hall.id}, 'Z', '压测') RETURNING id`,
    )
  ).rows;
  const made = (
    await db.execute<{ id: string }>(
      sql`INSERT INTO windows (hall_id, number, name, kind)
          SELECT ${hall.id}, 'P' || lpad(g::text, 2, '0'), '压测窗口' || g, 'comprehensive'
          FROM generate_series(1, ${windows}) g ORDER BY g RETURNING id`,
    )
  ).rows;
  await db.execute(
    sql`INSERT INTO ticket_window_categories (window_id, category_id)
        SELECT w, ${category!.id}::uuid FROM unnest(${`{${made.map((w) => w.id).join(',')}}`}::uuid[]) w`,
  );
  await db.execute(
    sql`WITH day AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
        c AS (INSERT INTO ticket_counters (category_id, day, last) SELECT ${category!.id}, d, ${tickets} FROM day)
        INSERT INTO tickets (hall_id, category_id, day, number, code, priority, rank, channel)
        SELECT ${hall.id}, ${category!.id}, d, g, 'Z' || lpad(g::text, 5, '0'), 'normal', 2, 'kiosk'
        FROM day, generate_series(1, ${tickets}) g`,
  );
  await db.execute(sql`ANALYZE tickets`);
  return { hallId: hall.id, windowIds: made.map((w) => w.id) };
}
