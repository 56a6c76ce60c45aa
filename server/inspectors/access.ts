import { type SQL, sql } from 'drizzle-orm';
import { INSPECTOR_STATUS_LABELS, type InspectorStatus } from '../../common/inspectors/lists.ts';
import type { Actor } from '../core/access/actor.ts';
import { can, scopeOf } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { inspectorFindings, inspectors, inspectorTasks } from './tables.ts';

export type InspectorRow = typeof inspectors.$inferSelect;
export type TaskRow = typeof inspectorTasks.$inferSelect;
export type FindingRow = typeof inspectorFindings.$inferSelect;

export const notFound = (resource: string, field = 'id') =>
  new AppError('resource.not_found', { field, params: { resource } });
export const wrongState = (operation: string, operationEn: string) =>
  new AppError('inspector.state', { params: { operation, operationEn } });
export const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });
export const stale = () => new AppError('resource.conflict', { field: 'version' });

/** Does the actor supervise 体验官 where the region path lies? */
export const supervises = (actor: Actor, regionPath: string | null) =>
  !!regionPath && can(actor, 'inspector.supervise', { regionPath });

/** The region paths the actor supervises. */
export const supervisedPaths = (actor: Actor) => scopeOf(actor, 'inspector.supervise').regionPaths;

/** A condition: the region path expression lies in one of the actor's supervised subtrees (null: none). */
export function supervisedSql(actor: Actor, path: SQL): SQL | null {
  const paths = supervisedPaths(actor);
  if (paths.length === 0) return null;
  return sql`(${sql.join(
    paths.map((p) => sql`(${path} = ${p} OR ${path} LIKE ${`${p}/%`})`),
    sql` OR `,
  )})`;
}

/** The departments whose findings the actor rectifies. */
export const actorDepartments = (actor: Actor) => scopeOf(actor, 'inspector.department').organisationIds;

/** The path of a region code, as SQL. */
export const pathOf = (code: SQL) => sql`(SELECT path FROM regions WHERE code = ${code})`;

/** The actor's own 体验官 record (locked when asked), or null. */
export async function ownInspector(db: DbOrTx, actor: Actor, lock = false): Promise<InspectorRow | null> {
  const query = db.select().from(inspectors).where(sql`${inspectors.accountId} = ${actor.accountId}`);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The actor's approved 体验官 record; anyone else gets a 403 saying where they stand. */
export async function activeInspector(
  db: DbOrTx,
  actor: Actor,
  operation: string,
  operationEn: string,
): Promise<InspectorRow> {
  const row = await ownInspector(db, actor);
  if (row?.status === 'approved') return row;
  const label = row
    ? INSPECTOR_STATUS_LABELS[row.status as InspectorStatus]
    : { zh: '尚未开通', en: 'not granted' };
  throw new AppError('inspector.not_active', {
    params: { status: label.zh, statusEn: label.en.toLowerCase(), operation, operationEn },
  });
}

/** The row of a table by id, locked for update when asked. */
async function rowOf<T>(
  db: DbOrTx,
  table: typeof inspectors | typeof inspectorTasks | typeof inspectorFindings,
  id: string,
  lock: boolean,
) {
  const query = db.select().from(table).where(sql`${table.id} = ${id}`);
  const [row] = lock ? await query.for('update') : await query;
  return (row as T | undefined) ?? null;
}
export const inspectorRow = (db: DbOrTx, id: string, lock = false) =>
  rowOf<InspectorRow>(db, inspectors, id, lock);
export const taskRow = (db: DbOrTx, id: string, lock = false) => rowOf<TaskRow>(db, inspectorTasks, id, lock);
export const findingRow = (db: DbOrTx, id: string, lock = false) =>
  rowOf<FindingRow>(db, inspectorFindings, id, lock);

/** The region path of a 体验官's region. */
export async function inspectorPath(db: DbOrTx, row: InspectorRow): Promise<string | null> {
  const { rows } = await db.execute(sql`SELECT path FROM regions WHERE code = ${row.regionCode}`);
  return (rows[0]?.path as string | undefined) ?? null;
}

/**
 * May the actor see the finding? The 体验官 who filed it, the supervisors of its region and the
 * department it is assigned to.
 */
export async function mayReadFinding(db: DbOrTx, actor: Actor, row: FindingRow): Promise<boolean> {
  if (supervises(actor, row.regionPath)) return true;
  if (row.departmentId && can(actor, 'inspector.department', { organisationId: row.departmentId }))
    return true;
  const { rows } = await db.execute(
    sql`SELECT 1 FROM inspectors WHERE id = ${row.inspectorId} AND account_id = ${actor.accountId}`,
  );
  return rows.length > 0;
}

/** The finding of an id the actor may see, or a 404. */
export async function readableFinding(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<FindingRow> {
  const row = await findingRow(db, id, lock);
  if (!row || !(await mayReadFinding(db, actor, row))) throw notFound('问题');
  return row;
}

/** Checks the version the client saw. */
export function checkVersion(row: { version: number }, version: number): void {
  if (row.version !== version) throw stale();
}
