import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { messageRows, notifications } from '../notifications/index.ts';
import { ticketSettingsOf } from './settings.ts';

const TODAY = sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`;

type Holder = { id: string; code: string; accountId: string | null; phone: string | null; hallName: string };

/**
 * An in-app message to the ticket's account and an SMS to its phone (the account's, else the ticket's);
 * a ticket taken at reception for someone without an account gets the SMS to the phone given there.
 */
async function tell(db: DbOrTx, ticket: Holder, title: string, body: string, event: string) {
  await db.insert(notifications).values(
    messageRows({
      accountId: ticket.accountId,
      phone: ticket.phone,
      title,
      body,
      subject: { ticketId: ticket.id, code: ticket.code, event },
    }),
  );
}

/** "请 A012 号到 5 号窗口办理（西安市政务服务大厅）" to the holder of a ticket being called. */
async function tellCalled(db: DbOrTx, ticketId: string) {
  const { rows } = await db.execute(
    sql`SELECT t.id, t.code, t.account_id AS "accountId", coalesce(a.phone, t.phone) AS phone,
               h.name AS "hallName", w.number AS "windowNumber"
        FROM tickets t JOIN halls h ON h.id = t.hall_id JOIN windows w ON w.id = t.window_id
        LEFT JOIN accounts a ON a.id = t.account_id
        WHERE t.id = ${ticketId} AND t.status = 'called'`,
  );
  const ticket = rows[0] as (Holder & { windowNumber: string }) | undefined;
  if (!ticket) return;
  await tell(
    db,
    ticket,
    '叫号通知',
    `请 ${ticket.code} 号到 ${ticket.windowNumber} 号窗口办理（${ticket.hallName}）`,
    'ticket_called',
  );
}

/**
 * Tells, once each (near_notice_at), the holders of waiting tickets of the hall who now have at most
 * the hall's near_notice_ahead people before them in their queue.
 */
async function tellNear(db: Db, hallId: string) {
  const { nearNoticeAhead } = await ticketSettingsOf(db, hallId);
  await db.transaction(async (tx) => {
    const { rows } = await tx.execute(
      sql`WITH q AS (
            SELECT t.id, (SELECT count(*)::int FROM tickets o
                          WHERE o.hall_id = t.hall_id AND o.day = t.day AND o.status = 'waiting'
                            AND o.category_id = t.category_id AND (o.rank, o.number) < (t.rank, t.number)) AS ahead
            FROM tickets t
            WHERE t.hall_id = ${hallId} AND t.day = ${TODAY} AND t.status = 'waiting'
              AND t.near_notice_at IS NULL AND (t.account_id IS NOT NULL OR t.phone IS NOT NULL)),
          claimed AS (
            UPDATE tickets SET near_notice_at = now() FROM q
            WHERE tickets.id = q.id AND q.ahead <= ${nearNoticeAhead} AND tickets.near_notice_at IS NULL
            RETURNING tickets.id, tickets.code, tickets.account_id, tickets.phone, q.ahead)
          SELECT c.id, c.code, c.account_id AS "accountId", coalesce(a.phone, c.phone) AS phone,
                 h.name AS "hallName", c.ahead
          FROM claimed c LEFT JOIN accounts a ON a.id = c.account_id JOIN halls h ON h.id = ${hallId}`,
    );
    for (const ticket of rows as (Holder & { ahead: number })[])
      await tell(
        tx,
        ticket,
        '排队提醒',
        `您前面还有 ${ticket.ahead} 人，请留意叫号（${ticket.code} 号，${ticket.hallName}）`,
        'ticket_near',
      );
  });
}

/**
 * Tells the people a clerk's action concerns: the holder of a ticket called or recalled, and
 * everyone in the hall whose turn has come near. A failure is logged and never fails the action.
 */
export async function tellAfter(
  db: Db,
  log: FastifyBaseLogger,
  hallId: string,
  ticketId: string | null,
  action: string,
): Promise<void> {
  try {
    if (ticketId && (action === 'call' || action === 'recall')) await tellCalled(db, ticketId);
    await tellNear(db, hallId);
  } catch (error) {
    log.warn({ err: error, hallId, ticketId }, 'ticket notice failed');
  }
}
