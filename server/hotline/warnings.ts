import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Tx } from '../core/db/client.ts';
import { keepingMonthly, uuidArray } from './monthly-keep.ts';
import { hotlineEvents } from './tables.ts';

/** The statuses in which a request is still being handled and its due day counts. */
const OPEN = sql`status IN ('received', 'dispatched')`;

const SYSTEM: AuditContext = {
  actor: null,
  role: 'system',
  clientAddress: null,
  requestId: 'hotline-warnings',
};

/**
 * Refreshes the warnings of open requests: yellow on the due day, red past it, none otherwise.
 * A request newly past its due day is escalated to the supervisors of its region (escalated_at,
 * a step in its history, an audit record). Returns how many warnings changed and how many
 * requests were escalated. A request turning red counts as past due and open in its month.
 */
export async function refreshHotlineWarnings(
  tx: Tx,
  now: Date = new Date(),
): Promise<{ changed: number; escalated: number }> {
  const today = todayInChina(now);
  const level = sql`CASE WHEN due_date < ${today}::date THEN 'red'
    WHEN due_date = ${today}::date THEN 'yellow' ELSE 'none' END`;
  const { rows: due } = await tx.execute(
    sql`SELECT id FROM hotline_requests
        WHERE ${OPEN} AND (warning <> ${level} OR (due_date < ${today}::date AND escalated_at IS NULL))
        ORDER BY id FOR UPDATE`,
  );
  if (due.length === 0) return { changed: 0, escalated: 0 };
  const ids = due.map((r) => r.id as string);
  const among = sql`id = ANY(${uuidArray(ids)})`;
  const [changed, { rows }] = await keepingMonthly(tx, ids, async () => [
    await tx.execute(
      sql`UPDATE hotline_requests SET warning = ${level} WHERE ${among} AND warning <> ${level}`,
    ),
    await tx.execute(
      sql`UPDATE hotline_requests SET escalated_at = ${now.toISOString()}
          WHERE ${among} AND due_date < ${today}::date AND escalated_at IS NULL
          RETURNING id, request_no, due_date::text AS due_date, region_code`,
    ),
  ]);
  for (const row of rows) {
    const detail = { dueDate: row.due_date as string, regionCode: row.region_code as string };
    await tx.insert(hotlineEvents).values({
      requestId: row.id as string,
      kind: 'escalated',
      actorId: null,
      detail,
      at: now,
    });
    await recordAudit(tx, SYSTEM, {
      action: 'hotline.escalated',
      targetType: 'hotline_request',
      targetId: row.id as string,
      summary: { requestNo: row.request_no as string, ...detail },
    });
  }
  return { changed: changed.rowCount ?? 0, escalated: rows.length };
}
