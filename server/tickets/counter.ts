import { sql } from 'drizzle-orm';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The ticket a counter filing names: one called to a window today (or done there) in a hall where
 * the clerk holds the window role (the hall the case is then filed at). Another hall's ticket or no such ticket is a 404, a ticket not (yet) at a window
 * or of another day a 400, each naming ticketId.
 */
export async function counterTicket(db: DbOrTx, actor: Actor, ticketId: string) {
  const [row] = (
    await db.execute(
      sql`SELECT t.id, t.window_id, t.hall_id, t.status, t.day = ${TODAY} AS today, h.organisation_id
          FROM tickets t JOIN halls h ON h.id = t.hall_id WHERE t.id = ${ticketId}`,
    )
  ).rows as Record<string, unknown>[];
  const clerkThere = actor.grants.some(
    (g) => g.role === 'window_clerk' && g.organisationId === row?.organisation_id,
  );
  if (!row || !clerkThere)
    throw new AppError('resource.not_found', { field: 'ticketId', params: { resource: '号票' } });
  if (!row.today || !['called', 'done'].includes(row.status as string) || !row.window_id)
    throw new AppError('validation.field', {
      field: 'ticketId',
      params: {
        problem: '须为今日已叫到窗口的号票',
        problemEn: 'must be a ticket called to a window today',
      },
    });
  return { id: row.id as string, windowId: row.window_id as string, hallId: row.hall_id as string };
}

/** A ticket's times as its case shows them: taken → called (等候时长), called → done or now (办理时长). */
export type TicketTimes = {
  code: string;
  takenAt: string;
  calledAt: string | null;
  finishedAt: string | null;
  waitSeconds: number | null;
  /** Called → done; while still called, so far. */
  handleSeconds: number | null;
};

export async function ticketTimes(db: DbOrTx, ticketId: string): Promise<TicketTimes | null> {
  const [row] = (
    await db.execute(
      sql`SELECT code, taken_at, called_at, finished_at,
            floor(extract(epoch FROM called_at - taken_at))::int AS wait,
            floor(extract(epoch FROM coalesce(finished_at, now()) - called_at))::int AS handle
          FROM tickets WHERE id = ${ticketId}`,
    )
  ).rows as Record<string, unknown>[];
  if (!row) return null;
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    code: row.code as string,
    takenAt: iso(row.taken_at)!,
    calledAt: iso(row.called_at),
    finishedAt: iso(row.finished_at),
    waitSeconds: (row.wait as number | null) ?? null,
    handleSeconds: (row.handle as number | null) ?? null,
  };
}
