import { sql } from 'drizzle-orm';
import type { Satisfaction } from '../../common/hotline/lists.ts';
import type { AuditContext } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { invalid, requestNotFound, requestRow, wrongState } from './access.ts';
import { recordStep, updateRequest } from './events.ts';

/**
 * The operator calls the requester back (回访) after the primary department's reply. Satisfied or
 * basically satisfied: revisited, then closed. Dissatisfied: revisited, then reopened (重办) — back
 * to received for the office to dispatch again; the reply stays in the history.
 */
export async function revisitRequest(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  note: string;
  satisfaction: Satisfaction;
}): Promise<void> {
  await options.db.transaction(async (tx) => {
    const row = await requestRow(tx, options.id, true);
    if (!row) throw requestNotFound();
    if (row.status !== 'replied') throw wrongState('回访', 'called back');
    const note = options.note.trim();
    if (!note) throw invalid('note', '请填写回访情况', 'is required');
    const step = { requestId: row.id, requestNo: row.requestNo, actorId: options.actor.accountId };
    await updateRequest(
      tx,
      row.id,
      sql`status = 'revisited', revisit_note = ${note}, revisited_at = now(), satisfaction = ${options.satisfaction}`,
    );
    await recordStep(tx, options.audit, {
      ...step,
      kind: 'revisited',
      detail: { note, satisfaction: options.satisfaction },
    });
    if (options.satisfaction === 'dissatisfied') {
      await updateRequest(
        tx,
        row.id,
        sql`status = 'received', primary_department_id = NULL, reply = NULL, replied_at = NULL`,
      );
      await recordStep(tx, options.audit, { ...step, kind: 'reopened' });
    } else {
      await updateRequest(tx, row.id, sql`status = 'closed', closed_at = now()`);
      await recordStep(tx, options.audit, { ...step, kind: 'closed' });
    }
  });
}
