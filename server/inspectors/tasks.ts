import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { TaskBody, TaskView } from '../../common/inspectors/api.ts';
import type { TaskStatus } from '../../common/inspectors/lists.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { notify } from '../notifications/index.ts';
import {
  activeInspector,
  inspectorPath,
  inspectorRow,
  invalid,
  notFound,
  pathOf,
  supervisedSql,
  supervises,
  taskRow,
  wrongState,
} from './access.ts';
import { inspectorTasks } from './tables.ts';

type View = Static<typeof TaskView>;

/** The columns of a task as the API gives them (alias `t`, its 体验官 `i`). */
const TASK_COLUMNS = sql`t.id, t.inspector_id AS "inspectorId", i.name AS "inspectorName",
  t.region_code AS "regionCode", t.implementation_id AS "implementationId",
  (SELECT name FROM published_matters WHERE implementation_id = t.implementation_id) AS "matterName",
  t.title, t.channel, t.instructions, t.due_date::text AS "dueDate", t.status, t.report,
  t.created_at AS "createdAt", t.done_at AS "doneAt"`;

/** Tasks matching a condition, the open ones first, then by due day. */
export async function tasksWhere(db: DbOrTx, where: SQL): Promise<View[]> {
  const { rows } = await db.execute(
    sql`SELECT ${TASK_COLUMNS} FROM inspector_tasks t JOIN inspectors i ON i.id = t.inspector_id
        WHERE ${where} ORDER BY (t.status = 'open') DESC, t.due_date, t.created_at DESC LIMIT 500`,
  );
  return rows as View[];
}

const taskView = async (db: DbOrTx, id: string) => (await tasksWhere(db, sql`t.id = ${id}`))[0]!;

/** A published matter the actor supervises, or a 400 naming implementationId. */
export async function supervisedMatter(tx: Tx, actor: Actor, id: string): Promise<void> {
  const { rows } = await tx.execute(
    sql`SELECT region_path FROM published_matters WHERE implementation_id = ${id}`,
  );
  if (!rows[0] || !supervises(actor, rows[0].region_path as string))
    throw invalid('implementationId', '不是本地区已公开的事项', 'is not a published matter of your region');
}

/** The supervisor gives an approved 体验官 a task; the 体验官 is told in-app and by SMS. */
export async function createTask(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  body: Static<typeof TaskBody>;
}): Promise<View> {
  const { actor, body } = options;
  const title = body.title.trim();
  if (!title) throw invalid('title', '请填写任务名称', 'is required');
  if (body.dueDate < todayInChina()) throw invalid('dueDate', '不能早于今天', 'must not be in the past');
  return options.db.transaction(async (tx) => {
    const inspector = await inspectorRow(tx, body.inspectorId, true);
    if (!inspector || !supervises(actor, await inspectorPath(tx, inspector)))
      throw notFound('体验官', 'inspectorId');
    if (inspector.status !== 'approved') throw wrongState('布置任务', 'give a task');
    if (body.implementationId) await supervisedMatter(tx, actor, body.implementationId);
    const [row] = await tx
      .insert(inspectorTasks)
      .values({
        inspectorId: inspector.id,
        regionCode: inspector.regionCode,
        implementationId: body.implementationId ?? null,
        title,
        channel: body.channel,
        instructions: body.instructions.trim(),
        dueDate: body.dueDate,
        createdBy: actor.accountId,
      })
      .returning({ id: inspectorTasks.id });
    await recordAudit(tx, options.audit, {
      action: 'inspector.task_create',
      targetType: 'inspector_task',
      targetId: row!.id,
      summary: { inspectorId: inspector.id, title, channel: body.channel, dueDate: body.dueDate },
    });
    await notify({
      db: tx,
      accountId: inspector.accountId,
      title: '体验官任务',
      body: `您有一项新的体验任务“${title}”，请于 ${body.dueDate} 前完成并反馈。`,
      subject: { taskId: row!.id, event: 'inspector_task' },
    });
    return taskView(tx, row!.id);
  });
}

/** The tasks of the actor's regions. */
export async function listTasks(
  db: Db,
  actor: Actor,
  query: { status?: TaskStatus | undefined; inspectorId?: string | undefined },
) {
  const sight = supervisedSql(actor, pathOf(sql`i.region_code`));
  if (!sight) throw new AppError('auth.forbidden');
  const conditions = [sight];
  if (query.status) conditions.push(sql`t.status = ${query.status}`);
  if (query.inspectorId) conditions.push(sql`t.inspector_id = ${query.inspectorId}`);
  const items = await tasksWhere(db, sql.join(conditions, sql` AND `));
  return { items, total: items.length };
}

/** The supervisor cancels an open task. */
export async function cancelTask(options: { db: Db; audit: AuditContext; actor: Actor; id: string }) {
  return options.db.transaction(async (tx) => {
    const task = await taskRow(tx, options.id, true);
    const inspector = task && (await inspectorRow(tx, task.inspectorId));
    if (!task || !inspector || !supervises(options.actor, await inspectorPath(tx, inspector)))
      throw notFound('任务');
    if (task.status !== 'open') throw wrongState('取消任务', 'cancel the task');
    await tx
      .update(inspectorTasks)
      .set({ status: 'cancelled' })
      .where(sql`${inspectorTasks.id} = ${task.id}`);
    await recordAudit(tx, options.audit, {
      action: 'inspector.task_cancel',
      targetType: 'inspector_task',
      targetId: task.id,
      summary: { inspectorId: task.inspectorId, title: task.title },
    });
    return taskView(tx, task.id);
  });
}

/** The 体验官 finishes one of their open tasks with a short report. */
export async function finishTask(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  report: string;
}) {
  const report = options.report.trim();
  if (!report) throw invalid('report', '请填写体验情况', 'is required');
  return options.db.transaction(async (tx) => {
    const inspector = await activeInspector(tx, options.actor, '反馈任务', 'report on a task');
    const task = await taskRow(tx, options.id, true);
    if (!task || task.inspectorId !== inspector.id) throw notFound('任务');
    if (task.status !== 'open') throw wrongState('完成任务', 'finish the task');
    await tx
      .update(inspectorTasks)
      .set({ status: 'done', report, doneAt: new Date() })
      .where(sql`${inspectorTasks.id} = ${task.id}`);
    await recordAudit(tx, options.audit, {
      action: 'inspector.task_done',
      targetType: 'inspector_task',
      targetId: task.id,
      summary: { title: task.title },
    });
    return taskView(tx, task.id);
  });
}
