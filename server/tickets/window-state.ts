import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { maskIdNumber, maskPhone } from '../../common/identity.ts';
import type { StaffWindow, TicketPerson, WindowState } from '../../common/tickets/window-api.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { presentTicket } from './service.ts';

type Row = Record<string, unknown>;
const rows = async (db: DbOrTx, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as Row[];
const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/** The organisations where the actor works in a hall (window clerk or hall manager). */
export function hallOrganisations(actor: Actor): string[] {
  return actor.grants
    .filter((g) => (g.role === 'window_clerk' || g.role === 'hall_manager') && g.organisationId)
    .map((g) => g.organisationId!);
}

/** Active windows of the active halls of these organisations (or the one window), with what each calls. */
async function windowsWhere(db: DbOrTx, where: ReturnType<typeof sql>) {
  const found = await rows(
    db,
    sql`SELECT w.id, w.number, w.name, w.hall_id AS "hallId", h.name AS "hallName",
          EXISTS (SELECT 1 FROM ticket_window_pauses p WHERE p.window_id = w.id) AS paused,
          coalesce((SELECT json_agg(json_build_object('id', c.id, 'letter', c.letter, 'name', c.name,
              'waiting', (SELECT count(*) FROM tickets t WHERE t.category_id = c.id AND t.day = ${TODAY}
                            AND t.status = 'waiting' AND t.window_id IS NULL)) ORDER BY c.letter)
            FROM ticket_window_categories wc JOIN ticket_categories c ON c.id = wc.category_id
            WHERE wc.window_id = w.id AND c.active), '[]'::json) AS categories
        FROM windows w JOIN halls h ON h.id = w.hall_id
        WHERE w.active AND h.active AND ${where}
        ORDER BY h.name, w.number`,
  );
  return found as Static<typeof StaffWindow>[];
}

/** The windows of every hall where the actor works, for the clerk to choose theirs. */
export async function myWindows(db: DbOrTx, actor: Actor) {
  const organisations = hallOrganisations(actor);
  if (organisations.length === 0) return [];
  return windowsWhere(
    db,
    sql`h.organisation_id IN (${sql.join(
      organisations.map((o) => sql`${o}::uuid`),
      sql`, `,
    )})`,
  );
}

/** The person of a ticket: the account's, else the name and phone noted when it was taken. */
export async function ticketPerson(db: DbOrTx, ticketId: string) {
  const [row] = await rows(
    db,
    sql`SELECT a.kind, coalesce(a.display_name, t.person_name) AS name, a.login,
          coalesce(t.phone, a.phone) AS phone
        FROM tickets t LEFT JOIN accounts a ON a.id = t.account_id WHERE t.id = ${ticketId}`,
  );
  const kind = row?.kind === 'person' || row?.kind === 'company' ? row.kind : null;
  return {
    kind,
    name: (row?.name as string | null) ?? null,
    login: (row?.login as string | null) ?? null,
    phone: (row?.phone as string | null) ?? null,
  } satisfies Static<typeof TicketPerson>;
}

/** The person as the panel shows them: ID numbers and phones masked (credit codes are public). */
export function maskedPerson(person: Static<typeof TicketPerson>): Static<typeof TicketPerson> {
  return {
    ...person,
    login: person.login && person.kind === 'person' ? maskIdNumber(person.login) : person.login,
    phone: person.phone ? maskPhone(person.phone) : null,
  };
}

async function windowTicket(db: DbOrTx, id: string) {
  const [{ accountId: _, ...ticket }, person] = await Promise.all([
    presentTicket(db, id),
    ticketPerson(db, id),
  ]);
  return { ...ticket, person: maskedPerson(person) };
}

/**
 * The window as its clerk works from it: the window and what it calls with the tickets waiting per
 * category, the ticket now called here, those transferred here, today's skipped ones that may still
 * return and how many it finished today.
 */
export async function windowState(db: DbOrTx, windowId: string): Promise<Static<typeof WindowState>> {
  const [window] = await windowsWhere(db, sql`w.id = ${windowId}`);
  const [counts] = await rows(
    db,
    sql`SELECT
          (SELECT id FROM tickets WHERE window_id = ${windowId} AND status = 'called' LIMIT 1) AS current,
          (SELECT count(*)::int FROM tickets WHERE window_id = ${windowId} AND status = 'waiting'
             AND day = ${TODAY}) AS "waitingHere",
          (SELECT coalesce(json_agg(id ORDER BY finished_at), '[]'::json) FROM tickets
             WHERE window_id = ${windowId} AND status = 'skipped' AND NOT returned AND day = ${TODAY}) AS skipped,
          (SELECT count(*)::int FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
             WHERE e.window_id = ${windowId} AND e.kind = 'done' AND t.day = ${TODAY}) AS "servedToday",
          (SELECT coalesce(max(id), 0) FROM ticket_events) AS "lastEventId"`,
  );
  const skippedIds = (counts?.skipped as string[] | undefined) ?? [];
  return {
    window: window!,
    current: counts?.current ? await windowTicket(db, counts.current as string) : null,
    waitingHere: Number(counts?.waitingHere ?? 0),
    skipped: await Promise.all(skippedIds.map((id) => windowTicket(db, id))),
    servedToday: Number(counts?.servedToday ?? 0),
    lastEventId: Number(counts?.lastEventId ?? 0),
  };
}
