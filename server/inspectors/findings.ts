import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FindingBody } from '../../common/inspectors/api.ts';
import type { AuditContext } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { uploadedBySql } from '../files/index.ts';
import { requireRegion } from '../regions/index.ts';
import { activeInspector, invalid, notFound, taskRow } from './access.ts';
import { recordStep } from './events.ts';
import { inspectorFindings } from './tables.ts';

/** Advisory lock taken while a finding number is given out. */
const NUMBER_LOCK = 7_289_017;

/** The next number of the day: TYYYYYMMDDNNNN. */
async function nextNumber(tx: Tx, day: string): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${NUMBER_LOCK})`);
  const prefix = `TY${day.replaceAll('-', '')}`;
  const { rows } = await tx.execute(
    sql`SELECT max(finding_no) AS last FROM inspector_findings WHERE finding_no LIKE ${`${prefix}%`}`,
  );
  const last = rows[0]?.last as string | null;
  const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

/** Every screenshot must be an image this account uploaded itself, or a 400 naming `screenshots`. */
async function checkScreenshots(tx: Tx, actor: Actor, hashes: string[]): Promise<void> {
  if (hashes.length === 0) return;
  const { rows } = await tx.execute(
    sql`SELECT u.sha256 FROM (${uploadedBySql(actor.accountId, hashes)}) u
        JOIN stored_files f ON f.sha256 = u.sha256 WHERE f.media_type LIKE 'image/%'`,
  );
  if (rows.length !== hashes.length)
    throw invalid(
      'screenshots',
      '截图须为您本人上传的图片（JPG、PNG）',
      'must be images (JPG, PNG) you uploaded yourself',
    );
}

/** The matter of a finding: a published one, with its region code; or a 400 naming implementationId. */
async function matterRegion(tx: Tx, id: string): Promise<string> {
  const { rows } = await tx.execute(
    sql`SELECT region_code FROM published_matters WHERE implementation_id = ${id}`,
  );
  if (!rows[0]) throw invalid('implementationId', '没有这个已公开的事项', 'is not a published matter');
  return rows[0].region_code as string;
}

/**
 * An approved 体验官 reports a fault (找茬): numbered TY + day + sequence, in the region given, else
 * the matter's, the task's or the 体验官's own, waiting for the supervisors to assign it.
 */
export async function fileFinding(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  body: Static<typeof FindingBody>;
}): Promise<{ id: string; findingNo: string }> {
  const { actor, body } = options;
  const title = body.title.trim();
  const description = body.description.trim();
  if (!title) throw invalid('title', '请填写问题标题', 'is required');
  if (!description) throw invalid('description', '请描述发现的问题', 'is required');
  return options.db.transaction(async (tx) => {
    const inspector = await activeInspector(tx, actor, '提交问题', 'report a finding');
    let taskRegion: string | null = null;
    if (body.taskId) {
      const task = await taskRow(tx, body.taskId);
      if (!task || task.inspectorId !== inspector.id) throw notFound('任务', 'taskId');
      if (task.status === 'cancelled') throw invalid('taskId', '任务已取消', 'the task was cancelled');
      taskRegion = task.regionCode;
    }
    const matter = body.implementationId ? await matterRegion(tx, body.implementationId) : null;
    const regionCode = body.regionCode ?? matter ?? taskRegion ?? inspector.regionCode;
    const region = await requireRegion(tx, regionCode, 'regionCode');
    await checkScreenshots(tx, actor, body.screenshots);
    const findingNo = await nextNumber(tx, todayInChina());
    const [row] = await tx
      .insert(inspectorFindings)
      .values({
        findingNo,
        inspectorId: inspector.id,
        taskId: body.taskId ?? null,
        category: body.category,
        channel: body.channel,
        title,
        description,
        screenshots: body.screenshots,
        regionCode,
        regionPath: region.path,
        implementationId: body.implementationId ?? null,
      })
      .returning({ id: inspectorFindings.id });
    await recordStep(tx, options.audit, {
      findingId: row!.id,
      findingNo,
      kind: 'submitted',
      actorId: actor.accountId,
      detail: { category: body.category, channel: body.channel, screenshots: body.screenshots.length },
    });
    return { id: row!.id, findingNo };
  });
}
