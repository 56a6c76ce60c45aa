import { activeRoleHolders } from '../accounts/index.ts';
import type { AuditContext } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { messageRows, notifications } from '../notifications/index.ts';
import { invalid, type RequestRow, requestNotFound, requestRow, wrongState } from './access.ts';
import { recordStep } from './events.ts';

/** Tells the 主办 department's heads and reviewers of the 督办意见, in the app. */
async function tellDepartment(tx: Tx, row: RequestRow, note: string, by: string): Promise<number> {
  if (!row.primaryDepartmentId) return 0;
  const accounts = await activeRoleHolders(tx, row.primaryDepartmentId, [
    'department_head',
    'department_reviewer',
  ]);
  const messages = accounts.flatMap((accountId) =>
    messageRows({
      accountId,
      phone: null,
      title: '12345督办',
      body: `工单${row.requestNo}（${row.title}）已超过办理期限，${by}督办：${note}`,
      subject: { requestId: row.id, requestNo: row.requestNo, event: 'hotline_urged' },
    }),
  );
  if (messages.length) await tx.insert(notifications).values(messages);
  return accounts.length;
}

/**
 * A supervisor of the request's region urges an escalated request still being handled (督办意见):
 * a step in its history, an audit record, and an in-app message to the 主办 department's heads and
 * reviewers. A request outside the supervisor's regions is a 404; one not escalated or already
 * replied cannot be urged.
 */
export async function urgeRequest(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  note: string;
}): Promise<{ notified: number }> {
  const { actor } = options;
  const note = options.note.trim();
  if (!note) throw invalid('note', '请填写督办意见', 'is required');
  return options.db.transaction(async (tx) => {
    const row = await requestRow(tx, options.id, true);
    if (!row || !can(actor, 'hotline.supervise', { regionPath: row.regionPath })) throw requestNotFound();
    if (!row.escalatedAt || !['received', 'dispatched'].includes(row.status))
      throw wrongState('督办', 'urged');
    await recordStep(tx, options.audit, {
      requestId: row.id,
      requestNo: row.requestNo,
      kind: 'urged',
      actorId: actor.accountId,
      detail: { note, primaryDepartmentId: row.primaryDepartmentId },
    });
    return { notified: await tellDepartment(tx, row, note, actor.displayName) };
  });
}
