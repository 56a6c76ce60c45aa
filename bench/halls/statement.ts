import type pg from 'pg';

/**
 * The booking's write as the server makes it (server/appointments/booking.ts): the slot's counter
 * raised only while below the category's capacity, and the booking inserted, in one statement.
 * $1 category, $2 day, $3 start, $4 hall, $5 starts at, $6 account, $7 name.
 */
export const BOOK_SQL = `
WITH place AS (
  INSERT INTO appointment_slots AS s (category_id, day, start, booked)
  VALUES ($1::uuid, $2::date, $3, 1)
  ON CONFLICT (category_id, day, start) DO UPDATE SET booked = s.booked + 1
  WHERE s.booked < (SELECT capacity FROM appointment_categories WHERE id = $1::uuid)
  RETURNING 1
)
INSERT INTO appointments (hall_id, category_id, day, start, starts_at, account_id, name, channel, booked_by)
SELECT $4::uuid, $1::uuid, $2::date, $3::text, $5::timestamptz, $6::uuid, $7::text, 'online', $6::uuid
FROM place
RETURNING id`;

/** The slot everyone in the burst wants: one category's one start on one day, in a hall. */
export type Slot = { hallId: string; categoryId: string; day: string; start: string };

/** Books the slot for an account with the one statement; true when a place was taken. */
export async function bookRaw(pool: pg.Pool, slot: Slot, account: { id: string; name: string }) {
  const result = await pool.query(BOOK_SQL, [
    slot.categoryId,
    slot.day,
    slot.start,
    slot.hallId,
    `${slot.day}T${slot.start}:00+08:00`,
    account.id,
    account.name,
  ]);
  return result.rows.length === 1;
}
