import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Ticket, TicketCategory } from '../../common/tickets/api.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';

const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });
const notFound = (resource: string, field?: string) =>
  new AppError('resource.not_found', { field, params: { resource } });

/** Window clerks and managers of the hall's organisation work there. */
export function worksAtHall(actor: Actor, organisationId: string): boolean {
  return actor.grants.some(
    (g) => (g.role === 'window_clerk' || g.role === 'hall_manager') && g.organisationId === organisationId,
  );
}

type Row = Record<string, unknown>;
const rows = async (db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];

export type HallRef = { id: string; organisationId: string };

export async function activeHall(db: DbOrTx, hallId: string): Promise<HallRef> {
  const [row] = await rows(db, sql`SELECT id, organisation_id FROM halls WHERE id = ${hallId} AND active`);
  if (!row) throw notFound('大厅');
  return { id: row.id as string, organisationId: row.organisation_id as string };
}

/** The window and its hall; a window of a hall where the actor does not work is a 404. */
export async function staffWindow(db: DbOrTx, actor: Actor, windowId: string) {
  const [row] = await rows(
    db,
    sql`SELECT w.id, w.number, w.hall_id, h.organisation_id FROM windows w JOIN halls h ON h.id = w.hall_id
        WHERE w.id = ${windowId} AND w.active`,
  );
  if (!row || !worksAtHall(actor, row.organisation_id as string)) throw notFound('窗口', 'windowId');
  return {
    id: row.id as string,
    number: row.number as string,
    hallId: row.hall_id as string,
    organisationId: row.organisation_id as string,
  };
}

export async function createCategory(db: DbOrTx, hallId: string, input: { letter: string; name: string }) {
  try {
    const [row] = await rows(
      db,
      sql`INSERT INTO ticket_categories (hall_id, letter, name) VALUES (${hallId}, ${input.letter}, ${input.name.trim()})
          RETURNING id, hall_id AS "hallId", letter, name, active`,
    );
    return row as Static<typeof TicketCategory>;
  } catch (error) {
    if (isUniqueViolation(error))
      throw invalid('letter', '本大厅已有使用该字母的类别', 'is used by another category of this hall');
    throw error;
  }
}

export async function hallCategories(db: DbOrTx, hallId: string) {
  return (await rows(
    db,
    sql`SELECT id, hall_id AS "hallId", letter, name, active FROM ticket_categories WHERE hall_id = ${hallId} ORDER BY letter`,
  )) as Static<typeof TicketCategory>[];
}

/** Sets what a window serves: categories of its own hall only. */
export async function setWindowCategories(db: DbOrTx, window: { id: string; hallId: string }, ids: string[]) {
  const own = new Set((await hallCategories(db, window.hallId)).map((c) => c.id));
  ids.forEach((id, i) => {
    if (!own.has(id)) throw notFound('取号类别', `categoryIds/${i}`);
  });
  await db.execute(sql`DELETE FROM ticket_window_categories WHERE window_id = ${window.id}`);
  for (const id of ids)
    await db.execute(
      sql`INSERT INTO ticket_window_categories (window_id, category_id) VALUES (${window.id}, ${id})`,
    );
  return { windowId: window.id, categoryIds: ids };
}

/** Tickets as the person and the clerk read them: the people ahead while waiting, the window once called. */
export async function presentTicket(
  db: DbOrTx,
  id: string,
): Promise<Static<typeof Ticket> & { accountId: string | null }> {
  const [row] = await rows(
    db,
    sql`SELECT t.id, t.hall_id AS "hallId", t.category_id AS "categoryId", c.name AS "categoryName", t.day::text AS day,
          t.code, t.priority, t.channel, t.status, t.returned, t.window_id AS "windowId", w.number AS "windowNumber",
          t.taken_at AS "takenAt", t.called_at AS "calledAt", t.finished_at AS "finishedAt",
          t.account_id AS "accountId",
          floor(extract(epoch FROM t.called_at - t.taken_at))::int AS "waitSeconds",
          floor(extract(epoch FROM t.finished_at - t.called_at))::int AS "handleSeconds",
          CASE WHEN t.status = 'waiting' THEN (
            SELECT count(*)::int FROM tickets o
            WHERE o.hall_id = t.hall_id AND o.day = t.day AND o.status = 'waiting' AND o.category_id = t.category_id
              AND (o.rank, o.number) < (t.rank, t.number)) END AS ahead
        FROM tickets t JOIN ticket_categories c ON c.id = t.category_id LEFT JOIN windows w ON w.id = t.window_id
        WHERE t.id = ${id}`,
  );
  if (!row) throw notFound('号票');
  const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return {
    ...(row as Static<typeof Ticket> & { accountId: string | null }),
    takenAt: iso(row.takenAt)!,
    calledAt: iso(row.calledAt),
    finishedAt: iso(row.finishedAt),
  };
}

export async function ticketHall(db: DbOrTx, id: string) {
  const [row] = await rows(
    db,
    sql`SELECT t.id, t.status, t.code, t.returned, t.window_id, t.account_id, t.hall_id, h.organisation_id
        FROM tickets t JOIN halls h ON h.id = t.hall_id WHERE t.id = ${id}`,
  );
  return row ?? null;
}
