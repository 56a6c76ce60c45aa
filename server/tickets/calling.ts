import { sql } from 'drizzle-orm';
import type { AuditContext } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { audited } from './audit.ts';

type Window = { id: string; hallId: string };
const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

const actorOf = (audit: AuditContext) => audit.actor?.accountId ?? null;

/**
 * Calls the next ticket at a window: waiting tickets sent to this window or of a category it serves,
 * priority first, then by number. One statement; a ticket another window is calling is skipped
 * (FOR UPDATE SKIP LOCKED), so two windows never get the same ticket. Null when no one waits.
 * A call that finds a ticket is audited.
 */
export async function callNext(db: DbOrTx, window: Window, audit: AuditContext): Promise<string | null> {
  const called = await audited(
    db,
    audit,
    (tx) => callNextAt(tx, window, actorOf(audit)),
    (row) =>
      row && {
        action: 'ticket.call',
        targetType: 'ticket',
        targetId: row.id,
        summary: { code: row.code, windowId: window.id },
      },
  );
  return called?.id ?? null;
}

async function callNextAt(db: DbOrTx, window: Window, actorId: string | null) {
  const [state] = (
    await db.execute(
      sql`SELECT EXISTS (SELECT 1 FROM ticket_window_pauses WHERE window_id = ${window.id}) AS paused,
                 EXISTS (SELECT 1 FROM tickets WHERE window_id = ${window.id} AND status = 'called') AS busy`,
    )
  ).rows as { paused: boolean; busy: boolean }[];
  if (state?.paused)
    throw new AppError('ticket.window_busy', { params: { reason: '已暂停', reasonEn: 'is paused' } });
  if (state?.busy)
    throw new AppError('ticket.window_busy', {
      params: { reason: '有正在办理的号票', reasonEn: 'has a ticket being served' },
    });
  const { rows } = await db.execute(
    sql`WITH next AS (
          SELECT t.id FROM tickets t
          WHERE t.hall_id = ${window.hallId} AND t.day = ${TODAY} AND t.status = 'waiting'
            AND (t.window_id = ${window.id} OR (t.window_id IS NULL AND t.category_id IN (
              SELECT category_id FROM ticket_window_categories WHERE window_id = ${window.id})))
          ORDER BY t.rank, t.number
          LIMIT 1 FOR UPDATE SKIP LOCKED),
        called AS (
          UPDATE tickets SET status = 'called', window_id = ${window.id}, called_at = now()
          FROM next WHERE tickets.id = next.id RETURNING tickets.id, tickets.code),
        e AS (INSERT INTO ticket_events (ticket_id, kind, window_id, actor_id)
              SELECT id, 'called', ${window.id}, ${actorId} FROM called)
        SELECT id, code FROM called`,
  );
  const row = rows[0] as { id: string; code: string } | undefined;
  return row ?? null;
}

const STATUS: Record<string, [string, string]> = {
  waiting: ['等候中', 'waiting'],
  called: ['已叫号', 'called'],
  skipped: ['已过号', 'skipped'],
  done: ['已办结', 'done'],
  no_show: ['未到', 'a no-show'],
};
const OPERATION: Record<Action, [string, string]> = {
  recall: ['重呼', 'recalled'],
  skip: ['过号', 'skipped'],
  return: ['恢复排队', 'returned to the queue'],
  done: ['办结', 'marked done'],
  no_show: ['记为未到', 'marked a no-show'],
  transfer: ['转移', 'transferred'],
};

export type Action = 'recall' | 'skip' | 'return' | 'done' | 'no_show' | 'transfer';

/** What each action needs and sets; the guard and the event go in the one UPDATE statement. */
const PLANS: Record<
  Exclude<Action, 'transfer'>,
  { from: ReturnType<typeof sql>; set: ReturnType<typeof sql> }
> = {
  recall: { from: sql`status = 'called'`, set: sql`status = 'called'` },
  skip: { from: sql`status = 'called'`, set: sql`status = 'skipped', finished_at = now()` },
  return: {
    from: sql`status = 'skipped' AND NOT returned`,
    set: sql`status = 'waiting', returned = true, window_id = NULL, called_at = NULL, finished_at = NULL`,
  },
  done: { from: sql`status = 'called'`, set: sql`status = 'done', finished_at = now()` },
  no_show: { from: sql`status = 'called'`, set: sql`status = 'no_show', finished_at = now()` },
};

function stateError(ticket: { code: string; status: string; returned?: boolean }, action: Action) {
  const [status, statusEn] = STATUS[ticket.status] ?? [ticket.status, ticket.status];
  const [operation, operationEn] = OPERATION[action];
  return new AppError('ticket.state', {
    params: {
      code: ticket.code,
      status: ticket.status === 'skipped' && ticket.returned ? `${status}（已恢复过一次）` : status,
      statusEn:
        ticket.status === 'skipped' && ticket.returned ? `${statusEn} (returned once already)` : statusEn,
      operation,
      operationEn,
    },
  });
}

async function guarded(
  db: DbOrTx,
  id: string,
  guard: ReturnType<typeof sql>,
  set: ReturnType<typeof sql>,
  kind: string,
  windowId: string | null,
  actorId: string | null,
) {
  const { rows } = await db.execute(
    sql`WITH changed AS (UPDATE tickets SET ${set} WHERE id = ${id} AND ${guard} RETURNING id, window_id),
        e AS (INSERT INTO ticket_events (ticket_id, kind, window_id, actor_id)
              SELECT id, ${kind}, coalesce(${windowId}::uuid, window_id), ${actorId} FROM changed)
        SELECT id FROM changed`,
  );
  return rows.length > 0;
}

/** Recall, skip, return (once), done, no-show: refused with the ticket's state when it does not fit. */
export async function act(
  db: DbOrTx,
  ticket: { id: string; code: string; status: string; returned: boolean },
  action: Exclude<Action, 'transfer'>,
  audit: AuditContext,
) {
  const plan = PLANS[action];
  await audited(
    db,
    audit,
    async (tx) => {
      const ok = await guarded(tx, ticket.id, plan.from, plan.set, action, null, actorOf(audit));
      if (!ok) throw stateError(ticket, action);
    },
    { action: `ticket.${action}`, targetType: 'ticket', targetId: ticket.id, summary: { code: ticket.code } },
  );
}

/** Sends a waiting or called ticket to another window or category of the hall; it waits there with its number. */
export async function transfer(
  db: DbOrTx,
  ticket: { id: string; code: string; status: string; returned: boolean; hallId: string },
  to: { windowId?: string; categoryId?: string },
  audit: AuditContext,
) {
  if (!to.windowId === !to.categoryId)
    throw new AppError('validation.field', {
      field: 'windowId',
      params: { problem: '须指定窗口或类别之一', problemEn: 'name either a window or a category' },
    });
  if (to.windowId) {
    const { rows } = await db.execute(
      sql`SELECT 1 FROM windows WHERE id = ${to.windowId} AND hall_id = ${ticket.hallId} AND active`,
    );
    if (!rows.length)
      throw new AppError('resource.not_found', { field: 'windowId', params: { resource: '窗口' } });
  } else {
    const { rows } = await db.execute(
      sql`SELECT 1 FROM ticket_categories WHERE id = ${to.categoryId} AND hall_id = ${ticket.hallId} AND active`,
    );
    if (!rows.length)
      throw new AppError('resource.not_found', { field: 'categoryId', params: { resource: '取号类别' } });
  }
  const set = to.windowId
    ? sql`status = 'waiting', window_id = ${to.windowId}, called_at = NULL`
    : sql`status = 'waiting', window_id = NULL, category_id = ${to.categoryId}, called_at = NULL`;
  await audited(
    db,
    audit,
    async (tx) => {
      const ok = await guarded(
        tx,
        ticket.id,
        sql`status IN ('waiting', 'called')`,
        set,
        'transferred',
        to.windowId ?? null,
        actorOf(audit),
      );
      if (!ok) throw stateError(ticket, 'transfer');
    },
    {
      action: 'ticket.transfer',
      targetType: 'ticket',
      targetId: ticket.id,
      summary: { code: ticket.code, from: ticket.status, ...to },
    },
  );
}

/**
 * Pauses or resumes a window (audited). Pausing sends the tickets transferred to this window that wait
 * for it back to their category's queue, for the other windows of the category to call (a 'requeued'
 * event each).
 */
export async function pauseWindow(db: DbOrTx, windowId: string, paused: boolean, audit: AuditContext) {
  const requeued = await audited(
    db,
    audit,
    async (tx) => {
      if (!paused) {
        await tx.execute(sql`DELETE FROM ticket_window_pauses WHERE window_id = ${windowId}`);
        return [];
      }
      const { rows } = await tx.execute(
        sql`WITH p AS (INSERT INTO ticket_window_pauses (window_id) VALUES (${windowId}) ON CONFLICT DO NOTHING),
            moved AS (
              UPDATE tickets SET window_id = NULL
              WHERE window_id = ${windowId} AND status = 'waiting' RETURNING id, code),
            e AS (INSERT INTO ticket_events (ticket_id, kind, window_id, actor_id)
                  SELECT id, 'requeued', ${windowId}, ${actorOf(audit)} FROM moved)
            SELECT code FROM moved ORDER BY code`,
      );
      return rows.map((r) => r.code as string);
    },
    (codes) => ({
      action: paused ? 'ticket.window_pause' : 'ticket.window_resume',
      targetType: 'window',
      targetId: windowId,
      summary: paused ? { requeued: codes } : {},
    }),
  );
  return { windowId, paused, requeued };
}
