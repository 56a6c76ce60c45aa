import { sql } from 'drizzle-orm';
import type { Actor } from '../core/access/actor.ts';
import { can, scopeOf } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { hotlineAssignments, hotlineRequests } from './tables.ts';

/** A request as stored. */
export type RequestRow = typeof hotlineRequests.$inferSelect;
/** An assignment as stored. */
export type AssignmentRow = typeof hotlineAssignments.$inferSelect;

export const requestNotFound = (field = 'id') =>
  new AppError('resource.not_found', { field, params: { resource: '工单' } });
export const assignmentNotFound = () =>
  new AppError('resource.not_found', { field: 'id', params: { resource: '派单' } });
export const wrongState = (operation: string, operationEn: string) =>
  new AppError('hotline.state', { params: { operation, operationEn } });
export const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/** Is the actor a 12345 operator (the hotline office)? */
export const isOperator = (actor: Actor) => can(actor, 'hotline.operate', {});

/** The request of an id (locked for update inside a transaction when asked), or null. */
export async function requestRow(db: DbOrTx, id: string, lock = false): Promise<RequestRow | null> {
  const query = db.select().from(hotlineRequests).where(sql`${hotlineRequests.id} = ${id}`);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The departments whose 12345 inbox the actor works in. */
export const actorDepartments = (actor: Actor) => scopeOf(actor, 'hotline.department').organisationIds;

/**
 * May the actor read the request? Operators read every request, supervisors those of their region,
 * departments those assigned to them (at any time).
 */
export async function mayRead(db: DbOrTx, actor: Actor, row: RequestRow): Promise<boolean> {
  if (isOperator(actor)) return true;
  if (can(actor, 'hotline.supervise', { regionPath: row.regionPath })) return true;
  const departments = actorDepartments(actor);
  if (departments.length === 0) return false;
  const { rows } = await db.execute(
    sql`SELECT 1 FROM hotline_assignments WHERE request_id = ${row.id}
        AND department_id IN (${sql.join(
          departments.map((d) => sql`${d}`),
          sql`, `,
        )}) LIMIT 1`,
  );
  return rows.length > 0;
}

/** The request of an id the actor may read, or a 404. */
export async function readableRequest(db: DbOrTx, actor: Actor, id: string): Promise<RequestRow> {
  const row = await requestRow(db, id);
  if (!row || !(await mayRead(db, actor, row))) throw requestNotFound();
  return row;
}

/** The assignment of an id to one of the actor's departments, locked; another department's is a 404. */
export async function ownAssignment(db: DbOrTx, actor: Actor, id: string): Promise<AssignmentRow> {
  const [row] = await db
    .select()
    .from(hotlineAssignments)
    .where(sql`${hotlineAssignments.id} = ${id}`)
    .for('update');
  if (!row || !can(actor, 'hotline.department', { organisationId: row.departmentId }))
    throw assignmentNotFound();
  return row;
}

/** The assignment of an id, locked, for the hotline office; none is a 404. */
export async function anyAssignment(db: DbOrTx, id: string): Promise<AssignmentRow> {
  const [row] = await db
    .select()
    .from(hotlineAssignments)
    .where(sql`${hotlineAssignments.id} = ${id}`)
    .for('update');
  if (!row) throw assignmentNotFound();
  return row;
}
