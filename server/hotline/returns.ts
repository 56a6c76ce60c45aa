import { sql } from 'drizzle-orm';
import type { AuditContext } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { anyAssignment, invalid, ownAssignment, requestRow, wrongState } from './access.ts';
import { recordStep, updateRequest } from './events.ts';

/** A department returns what was assigned to it (退单), with its reason, for the office to review. */
export async function returnAssignment(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  reason: string;
}): Promise<string> {
  return options.db.transaction(async (tx) => {
    const assignment = await ownAssignment(tx, options.actor, options.id);
    const row = (await requestRow(tx, assignment.requestId, true))!;
    if (assignment.status !== 'assigned' || row.status !== 'dispatched') throw wrongState('退单', 'returned');
    const reason = options.reason.trim();
    if (!reason) throw invalid('reason', '请填写退单理由', 'is required');
    await tx.execute(
      sql`UPDATE hotline_assignments SET status = 'returned', return_reason = ${reason}, returned_at = now()
          WHERE id = ${assignment.id}`,
    );
    await recordStep(tx, options.audit, {
      requestId: row.id,
      requestNo: row.requestNo,
      kind: 'returned',
      actorId: options.actor.accountId,
      detail: { assignmentId: assignment.id, departmentId: assignment.departmentId, reason },
    });
    return row.id;
  });
}

/**
 * The hotline office reviews a return. Accepted: a primary's return sends the request back to be
 * dispatched again (its other open assignments withdrawn); an assisting department's only ends
 * its part. Rejected: the assignment is the department's again.
 */
export async function reviewReturn(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  accept: boolean;
  note: string;
}): Promise<string> {
  return options.db.transaction(async (tx) => {
    const assignment = await anyAssignment(tx, options.id);
    const row = (await requestRow(tx, assignment.requestId, true))!;
    if (assignment.status !== 'returned' || assignment.returnReview !== null || row.status !== 'dispatched')
      throw wrongState('审核退单', 'reviewed');
    const note = options.note.trim();
    if (options.accept) {
      await tx.execute(
        sql`UPDATE hotline_assignments SET return_review = 'accepted' WHERE id = ${assignment.id}`,
      );
      if (assignment.role === 'primary') {
        await tx.execute(
          sql`UPDATE hotline_assignments SET status = 'withdrawn'
              WHERE request_id = ${row.id} AND status = 'assigned'`,
        );
        await updateRequest(tx, row.id, sql`status = 'received', primary_department_id = NULL`);
      }
    } else {
      await tx.execute(
        sql`UPDATE hotline_assignments SET status = 'assigned', return_review = 'rejected' WHERE id = ${assignment.id}`,
      );
    }
    await recordStep(tx, options.audit, {
      requestId: row.id,
      requestNo: row.requestNo,
      kind: options.accept ? 'returnAccepted' : 'returnRejected',
      actorId: options.actor.accountId,
      detail: { assignmentId: assignment.id, departmentId: assignment.departmentId, note },
    });
    return row.id;
  });
}
