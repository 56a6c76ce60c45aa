import { sql } from 'drizzle-orm';
import type { AuditContext } from '../audit/index.ts';
import { todayInChina, workingDeadline } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { notify } from '../notifications/index.ts';
import { settingsFor } from '../region-settings/index.ts';
import {
  activeInspector,
  checkVersion,
  type FindingRow,
  findingRow,
  invalid,
  notFound,
  supervises,
  wrongState,
} from './access.ts';
import { recordStep, updateFinding } from './events.ts';

type Step = { db: Db; audit: AuditContext; actor: Actor; id: string; version: number };

/** The finding, locked, if the check passes; else a 404 (its existence is not told). */
async function lockedFinding(tx: Tx, id: string, may: (row: FindingRow) => boolean | Promise<boolean>) {
  const row = await findingRow(tx, id, true);
  if (!row || !(await may(row))) throw notFound('问题');
  return row;
}

/** The due day of a rectification starting today: the region's working days on the calendar. */
async function rectifyDue(tx: Tx, regionCode: string, now = new Date()): Promise<string> {
  const days = (await settingsFor(tx, regionCode)).inspectors.rectifyWorkingDays;
  return workingDeadline({ db: tx, from: todayInChina(now), days, unit: 'working_days' });
}

/** The name of a department of the actor's region subtree, or a 400 naming departmentId. */
async function supervisedDepartment(tx: Tx, actor: Actor, id: string): Promise<string> {
  const { rows } = await tx.execute(
    sql`SELECT o.name, r.path FROM organisations o JOIN regions r ON r.code = o.region_code
        WHERE o.id = ${id} AND o.kind = 'department'`,
  );
  const found = rows[0];
  if (!found || !supervises(actor, found.path as string))
    throw invalid('departmentId', '不是本地区的部门', 'is not a department of your region');
  return found.name as string;
}

/** Tells the 体验官 who filed the finding, in-app and by SMS. */
async function tellInspector(tx: Tx, row: FindingRow, body: string, event: string): Promise<void> {
  const { rows } = await tx.execute(sql`SELECT account_id FROM inspectors WHERE id = ${row.inspectorId}`);
  await notify({
    db: tx,
    accountId: rows[0]!.account_id as string,
    title: '体验官问题反馈',
    body,
    subject: { findingId: row.id, findingNo: row.findingNo, event },
  });
}

/** The supervisor assigns a submitted finding to a department, due in the region's working days. */
export async function assignFinding(options: Step & { departmentId: string }) {
  const { actor } = options;
  return options.db.transaction(async (tx) => {
    const row = await lockedFinding(tx, options.id, (r) => supervises(actor, r.regionPath));
    checkVersion(row, options.version);
    if (row.status !== 'submitted') throw wrongState('分派', 'assign it');
    const departmentName = await supervisedDepartment(tx, actor, options.departmentId);
    const dueDate = await rectifyDue(tx, row.regionCode);
    await updateFinding(
      tx,
      row.id,
      sql`status = 'assigned', department_id = ${options.departmentId}, due_date = ${dueDate},
          warning = 'none', assigned_by = ${actor.accountId}, assigned_at = now()`,
    );
    await recordStep(tx, options.audit, {
      findingId: row.id,
      findingNo: row.findingNo,
      kind: 'assigned',
      actorId: actor.accountId,
      detail: { departmentId: options.departmentId, departmentName, dueDate },
    });
    return row.id;
  });
}

/** The supervisor does not accept a submitted finding (不予受理), with the reason. */
export async function rejectFinding(options: Step & { reason: string }) {
  const reason = options.reason.trim();
  if (!reason) throw invalid('reason', '请填写原因', 'is required');
  return options.db.transaction(async (tx) => {
    const row = await lockedFinding(tx, options.id, (r) => supervises(options.actor, r.regionPath));
    checkVersion(row, options.version);
    if (row.status !== 'submitted') throw wrongState('不予受理', 'reject it');
    await updateFinding(tx, row.id, sql`status = 'rejected', reject_reason = ${reason}`);
    await recordStep(tx, options.audit, {
      findingId: row.id,
      findingNo: row.findingNo,
      kind: 'rejected',
      actorId: options.actor.accountId,
      detail: { reason },
    });
    await tellInspector(tx, row, `您反映的问题${row.findingNo}不予受理，原因：${reason}`, 'finding_rejected');
    return row.id;
  });
}

/** The assigned department reports its rectification; the 体验官 is asked to confirm. */
export async function rectifyFinding(options: Step & { rectification: string }) {
  const rectification = options.rectification.trim();
  if (!rectification) throw invalid('rectification', '请填写整改情况', 'is required');
  const { actor } = options;
  return options.db.transaction(async (tx) => {
    const row = await lockedFinding(
      tx,
      options.id,
      (r) => !!r.departmentId && can(actor, 'inspector.department', { organisationId: r.departmentId }),
    );
    checkVersion(row, options.version);
    if (row.status !== 'assigned') throw wrongState('提交整改', 'report the rectification');
    await updateFinding(
      tx,
      row.id,
      sql`status = 'rectified', rectification = ${rectification}, rectified_by = ${actor.accountId},
          rectified_at = now(), warning = 'none'`,
    );
    await recordStep(tx, options.audit, {
      findingId: row.id,
      findingNo: row.findingNo,
      kind: 'rectified',
      actorId: actor.accountId,
      detail: { departmentId: row.departmentId, rectification },
    });
    await tellInspector(
      tx,
      row,
      `您反映的问题${row.findingNo}“${row.title}”已整改，请登录确认整改结果。`,
      'finding_rectified',
    );
    return row.id;
  });
}

/**
 * The 体验官 confirms a rectified finding: accepted → closed and published; not accepted (with a
 * note) → back to the department, due again in the region's working days.
 */
export async function confirmFinding(options: Step & { accepted: boolean; note?: string | undefined }) {
  const note = options.note?.trim() || null;
  if (!options.accepted && !note)
    throw invalid('note', '请说明整改未到位之处', 'is required when not accepted');
  const { actor } = options;
  return options.db.transaction(async (tx) => {
    const inspector = await activeInspector(tx, actor, '确认整改', 'confirm a rectification');
    const row = await lockedFinding(tx, options.id, (r) => r.inspectorId === inspector.id);
    checkVersion(row, options.version);
    if (row.status !== 'rectified') throw wrongState('确认整改', 'confirm it');
    if (options.accepted) {
      await updateFinding(
        tx,
        row.id,
        sql`status = 'closed', confirm_note = ${note}, confirmed_at = now(), published_at = now()`,
      );
      await recordStep(tx, options.audit, {
        findingId: row.id,
        findingNo: row.findingNo,
        kind: 'closed',
        actorId: actor.accountId,
        detail: { note },
      });
      return row.id;
    }
    const dueDate = await rectifyDue(tx, row.regionCode);
    await updateFinding(
      tx,
      row.id,
      sql`status = 'assigned', confirm_note = ${note}, due_date = ${dueDate}, warning = 'none'`,
    );
    await recordStep(tx, options.audit, {
      findingId: row.id,
      findingNo: row.findingNo,
      kind: 'reopened',
      actorId: actor.accountId,
      detail: { note, previousRectification: row.rectification, dueDate },
    });
    return row.id;
  });
}
