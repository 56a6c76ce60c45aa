import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { InboxItem } from '../../common/hotline/api.ts';
import type { AssignmentStatus } from '../../common/hotline/lists.ts';
import type { AuditContext } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { organisationNameOf } from '../organisations/index.ts';
import { actorDepartments, invalid, ownAssignment, requestRow, wrongState } from './access.ts';
import { recordStep, updateRequest } from './events.ts';

/** The assignment columns as the API gives them (alias `a`). */
export const ASSIGNMENT_COLUMNS = sql`a.id, a.request_id AS "requestId", a.department_id AS "departmentId",
  ${organisationNameOf(sql`a.department_id`)} AS "departmentName", a.role, a.status,
  a.return_reason AS "returnReason", a.returned_at AS "returnedAt", a.return_review AS "returnReview",
  a.reply, a.replied_at AS "repliedAt", a.created_at AS "createdAt"`;

/** The department's inbox: what was assigned to the actor's departments, newest first. */
export async function departmentInbox(db: Db, actor: Actor, status: AssignmentStatus | undefined) {
  const departments = actorDepartments(actor);
  if (departments.length === 0) return { items: [] as Static<typeof InboxItem>[], total: 0 };
  const { rows } = await db.execute(
    sql`SELECT ${ASSIGNMENT_COLUMNS}, r.request_no AS "requestNo", r.kind, r.title, r.content,
          r.due_date::text AS "dueDate", r.warning, r.status AS "requestStatus"
        FROM hotline_assignments a JOIN hotline_requests r ON r.id = a.request_id
        WHERE a.department_id IN (${sql.join(
          departments.map((d) => sql`${d}`),
          sql`, `,
        )}) ${status ? sql`AND a.status = ${status}` : sql``}
        ORDER BY r.due_date, a.created_at DESC LIMIT 500`,
  );
  return { items: rows as Static<typeof InboxItem>[], total: rows.length };
}

/**
 * A department replies. The primary's reply is the request's: it moves to replied, waiting for
 * the revisit. An assisting department's reply is recorded with its assignment.
 */
export async function replyAssignment(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  reply: string;
}): Promise<string> {
  return options.db.transaction(async (tx) => {
    const assignment = await ownAssignment(tx, options.actor, options.id);
    const row = (await requestRow(tx, assignment.requestId, true))!;
    if (assignment.status !== 'assigned' || row.status !== 'dispatched') throw wrongState('答复', 'replied');
    const reply = options.reply.trim();
    if (!reply) throw invalid('reply', '请填写答复内容', 'is required');
    await tx.execute(
      sql`UPDATE hotline_assignments SET status = 'replied', reply = ${reply}, replied_at = now(),
            replied_by = ${options.actor.accountId} WHERE id = ${assignment.id}`,
    );
    const primary = assignment.role === 'primary';
    if (primary)
      await updateRequest(
        tx,
        row.id,
        sql`status = 'replied', reply = ${reply}, replied_at = now(), warning = 'none'`,
      );
    await recordStep(tx, options.audit, {
      requestId: row.id,
      requestNo: row.requestNo,
      kind: primary ? 'replied' : 'assistReplied',
      actorId: options.actor.accountId,
      detail: { assignmentId: assignment.id, departmentId: assignment.departmentId, reply },
    });
    return row.id;
  });
}
