import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FindingSummary, FindingView, MeAnswer } from '../../common/inspectors/api.ts';
import type { FindingStatus, Warning } from '../../common/inspectors/lists.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { actorDepartments, ownInspector, readableFinding, supervisedSql } from './access.ts';
import { inspectorView } from './applications.ts';
import { tasksWhere } from './tasks.ts';

type Summary = Static<typeof FindingSummary>;
type Query = { status?: FindingStatus | undefined; warning?: Warning | undefined };

/** The columns of a finding in lists (alias `f`, its 体验官 `i`). */
const SUMMARY = sql`f.id, f.finding_no AS "findingNo", i.name AS "inspectorName", f.task_id AS "taskId",
  f.category, f.channel, f.title, f.region_code AS "regionCode", f.implementation_id AS "implementationId",
  (SELECT name FROM published_matters WHERE implementation_id = f.implementation_id) AS "matterName",
  f.department_id AS "departmentId",
  (SELECT name FROM organisations WHERE id = f.department_id) AS "departmentName",
  f.status, f.due_date::text AS "dueDate", f.warning, f.version, f.created_at AS "createdAt",
  f.updated_at AS "updatedAt"`;

const anyOf = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

async function findingsWhere(db: DbOrTx, where: SQL, query: Query = {}): Promise<Summary[]> {
  const conditions = [where];
  if (query.status) conditions.push(sql`f.status = ${query.status}`);
  if (query.warning) conditions.push(sql`f.warning = ${query.warning}`);
  const { rows } = await db.execute(
    sql`SELECT ${SUMMARY} FROM inspector_findings f JOIN inspectors i ON i.id = f.inspector_id
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY (f.warning = 'red') DESC, (f.warning = 'yellow') DESC, f.created_at DESC LIMIT 500`,
  );
  return rows as Summary[];
}

/** The findings of the actor's regions (supervisors). */
export async function listFindings(db: Db, actor: Actor, query: Query) {
  const sight = supervisedSql(actor, sql`f.region_path`);
  if (!sight) throw new AppError('auth.forbidden');
  const items = await findingsWhere(db, sight, query);
  return { items, total: items.length };
}

/** The findings assigned to the actor's departments. */
export async function departmentInbox(db: Db, actor: Actor, query: Query) {
  const departments = actorDepartments(actor);
  if (departments.length === 0) throw new AppError('auth.forbidden');
  const items = await findingsWhere(db, sql`f.department_id IN (${anyOf(departments)})`, query);
  return { items, total: items.length };
}

/** A finding with its timeline, for those who may see it; anyone else a 404. */
export async function findingView(db: DbOrTx, actor: Actor, id: string): Promise<Static<typeof FindingView>> {
  const row = await readableFinding(db, actor, id);
  const [summary] = await findingsWhere(db, sql`f.id = ${row.id}`);
  const { rows: events } = await db.execute(
    sql`SELECT e.id, e.kind, a.display_name AS "actorName", e.detail, e.at
        FROM inspector_finding_events e LEFT JOIN accounts a ON a.id = e.actor_id
        WHERE e.finding_id = ${row.id} ORDER BY e.at, e.id`,
  );
  return {
    ...summary!,
    description: row.description,
    screenshots: row.screenshots,
    assignedAt: row.assignedAt,
    rectification: row.rectification,
    rectifiedAt: row.rectifiedAt,
    confirmNote: row.confirmNote,
    confirmedAt: row.confirmedAt,
    rejectReason: row.rejectReason,
    publishedAt: row.publishedAt,
    events: events as Static<typeof FindingView>['events'],
  };
}

/** My application, tasks and findings. */
export async function me(db: Db, actor: Actor): Promise<Static<typeof MeAnswer>> {
  const own = await ownInspector(db, actor);
  if (!own) return { inspector: null, tasks: [], findings: [] };
  return {
    inspector: await inspectorView(db, own.id),
    tasks: await tasksWhere(db, sql`t.inspector_id = ${own.id} AND t.status <> 'cancelled'`),
    findings: await findingsWhere(db, sql`f.inspector_id = ${own.id}`),
  };
}
