import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { todayInChina, workingDeadline } from '../calendar/index.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import {
  inspectorFindingEvents,
  inspectorFindings,
  inspectors,
  inspectorTasks,
} from '../inspectors/index.ts';

/** The demo person who is an approved 体验官 of 新城区. */
const PERSON_LOGIN = '11010519491231002X';
const REGION = '610102';

async function firstRow(db: DbOrTx, query: ReturnType<typeof sql>) {
  const { rows } = await db.execute(query);
  return rows[0] ?? null;
}

/**
 * 体验官 of 新城区: the demo person (李秀兰), approved by the supervisor, with one open task on a
 * published matter of 新城区 and one closed, published finding the city's 市场监管局 rectified.
 * Does nothing when the person is already a 体验官 or the demo accounts are missing.
 */
export async function seedDemoInspectors(options: { db: Tx; audit: AuditContext }): Promise<void> {
  const { db } = options;
  const person = await firstRow(
    db,
    sql`SELECT id, display_name, phone FROM accounts WHERE login = ${PERSON_LOGIN}`,
  );
  const supervisor = await firstRow(db, sql`SELECT id FROM accounts WHERE login = 'supervisor'`);
  const head = await firstRow(db, sql`SELECT id, organisation_id FROM accounts WHERE login = 'head'`);
  const region = await firstRow(db, sql`SELECT path FROM regions WHERE code = ${REGION}`);
  if (!person || !supervisor || !head || !region) return;
  if (await firstRow(db, sql`SELECT 1 FROM inspectors WHERE account_id = ${person.id}`)) return;
  const matter = await firstRow(
    db,
    sql`SELECT implementation_id, name FROM published_matters WHERE region_code = ${REGION} ORDER BY name LIMIT 1`,
  );
  const [inspector] = await db
    .insert(inspectors)
    .values({
      accountId: person.id as string,
      regionCode: REGION,
      name: person.display_name as string,
      phone: (person.phone as string | null) ?? '13912345678',
      occupation: '退休教师',
      motivation: '经常帮邻居办事，希望把办事中遇到的问题反映出来，让办事更方便。',
      status: 'approved',
      decidedBy: supervisor.id as string,
      decidedAt: new Date(),
      decisionReason: null,
    })
    .returning({ id: inspectors.id });
  const [task] = await db
    .insert(inspectorTasks)
    .values({
      inspectorId: inspector!.id,
      regionCode: REGION,
      implementationId: (matter?.implementation_id as string | undefined) ?? null,
      title: matter ? `体验“${matter.name as string}”网上办理` : '体验新城区政务服务大厅窗口办理',
      channel: 'online',
      instructions: '按办事指南准备材料并在网上提交，记录指南与实际不一致、表单难填、系统报错等问题。',
      dueDate: await workingDeadline({ db, from: todayInChina(), days: 10, unit: 'working_days' }),
      createdBy: supervisor.id as string,
    })
    .returning({ id: inspectorTasks.id });
  const [finding] = await db
    .insert(inspectorFindings)
    .values({
      findingNo: 'TY202611020001',
      inspectorId: inspector!.id,
      category: 'guide',
      channel: 'window',
      title: '办事指南未写明需携带复印件',
      description: '窗口要求提交身份证复印件，但网上办事指南只写了“身份证原件”，群众需要来回跑。',
      regionCode: REGION,
      regionPath: region.path as string,
      departmentId: head.organisation_id as string,
      status: 'closed',
      dueDate: '2026-11-16',
      assignedBy: supervisor.id as string,
      assignedAt: new Date('2026-11-02T10:00:00+08:00'),
      rectification: '已修改办事指南，明确原件核验后由窗口免费复印，群众无需自带复印件。',
      rectifiedBy: head.id as string,
      rectifiedAt: new Date('2026-11-09T15:00:00+08:00'),
      confirmedAt: new Date('2026-11-10T09:00:00+08:00'),
      publishedAt: new Date('2026-11-10T09:00:00+08:00'),
      createdAt: new Date('2026-11-02T09:00:00+08:00'),
    })
    .returning({ id: inspectorFindings.id });
  const steps: [string, string, string][] = [
    ['submitted', person.id as string, '2026-11-02T09:00:00+08:00'],
    ['assigned', supervisor.id as string, '2026-11-02T10:00:00+08:00'],
    ['rectified', head.id as string, '2026-11-09T15:00:00+08:00'],
    ['closed', person.id as string, '2026-11-10T09:00:00+08:00'],
  ];
  await db
    .insert(inspectorFindingEvents)
    .values(
      steps.map(([kind, actorId, at]) => ({ findingId: finding!.id, kind, actorId, at: new Date(at) })),
    );
  await recordAudit(db, options.audit, {
    action: 'inspector.demo',
    targetType: 'inspector',
    targetId: inspector!.id,
    summary: { regionCode: REGION, taskId: task!.id, findingId: finding!.id, demo: true },
  });
}
