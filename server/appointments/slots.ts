import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { appointmentSlots } from './tables.ts';

/** Places taken per slot start of a category on a day. */
export async function appointmentSlotCounts(
  db: DbOrTx,
  categoryId: string,
  day: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ start: appointmentSlots.start, booked: appointmentSlots.booked })
    .from(appointmentSlots)
    .where(and(eq(appointmentSlots.categoryId, categoryId), eq(appointmentSlots.day, day)));
  return new Map(rows.map((r) => [r.start, r.booked]));
}
