import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { ApplyBody, DecisionBody, InspectorView } from '../../common/inspectors/api.ts';
import { INSPECTOR_STATUS_LABELS, type InspectorStatus } from '../../common/inspectors/lists.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { notify } from '../notifications/index.ts';
import { requireRegion } from '../regions/index.ts';
import {
  checkVersion,
  inspectorPath,
  inspectorRow,
  invalid,
  notFound,
  ownInspector,
  pathOf,
  supervisedSql,
  supervises,
  wrongState,
} from './access.ts';
import { inspectors } from './tables.ts';

type View = Static<typeof InspectorView>;

/** The columns of a 体验官 as the API gives them (alias `i`). */
export const INSPECTOR_COLUMNS = sql`i.id, i.account_id AS "accountId", i.region_code AS "regionCode",
  COALESCE((SELECT name FROM regions WHERE code = i.region_code), i.region_code) AS "regionName",
  i.name, i.phone, i.occupation, i.motivation, i.status, i.decided_at AS "decidedAt",
  i.decision_reason AS "decisionReason", i.version, i.created_at AS "createdAt"`;

export async function inspectorView(db: DbOrTx, id: string): Promise<View> {
  const { rows } = await db.execute(sql`SELECT ${INSPECTOR_COLUMNS} FROM inspectors i WHERE i.id = ${id}`);
  return rows[0] as View;
}

const trimmed = (value: string | undefined) => value?.trim() || null;

/**
 * A citizen applies to be a 体验官 of a region. One application per account: a second while one is
 * pending, approved or suspended is a 409; a rejected applicant may apply again.
 */
export async function apply(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  body: Static<typeof ApplyBody>;
}): Promise<View> {
  const { actor, body } = options;
  if (actor.kind !== 'person') throw new AppError('inspector.person_only');
  const name = body.name.trim();
  const motivation = body.motivation.trim();
  if (!name) throw invalid('name', '请填写姓名', 'is required');
  if (!motivation) throw invalid('motivation', '请填写申请理由', 'is required');
  return options.db.transaction(async (tx) => {
    await requireRegion(tx, body.regionCode, 'regionCode');
    const existing = await ownInspector(tx, actor, true);
    if (existing && existing.status !== 'rejected') {
      const label = INSPECTOR_STATUS_LABELS[existing.status as InspectorStatus];
      throw new AppError('inspector.already_applied', {
        params: { status: label.zh, statusEn: label.en.toLowerCase() },
      });
    }
    const values = {
      regionCode: body.regionCode,
      name,
      phone: body.phone,
      occupation: trimmed(body.occupation),
      motivation,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
    };
    const [row] = existing
      ? await tx
          .update(inspectors)
          .set({ ...values, version: existing.version + 1, createdAt: new Date() })
          .where(sql`${inspectors.id} = ${existing.id}`)
          .returning({ id: inspectors.id })
      : await tx
          .insert(inspectors)
          .values({ ...values, accountId: actor.accountId })
          .returning({ id: inspectors.id });
    await recordAudit(tx, options.audit, {
      action: 'inspector.apply',
      targetType: 'inspector',
      targetId: row!.id,
      summary: { regionCode: body.regionCode, name, again: !!existing },
    });
    return inspectorView(tx, row!.id);
  });
}

/** The applications and 体验官 of the actor's regions, newest first. */
export async function listApplications(db: Db, actor: Actor, status: InspectorStatus | undefined) {
  const sight = supervisedSql(actor, pathOf(sql`i.region_code`));
  if (!sight) throw new AppError('auth.forbidden');
  const { rows } = await db.execute(
    sql`SELECT ${INSPECTOR_COLUMNS} FROM inspectors i
        WHERE ${sight} ${status ? sql`AND i.status = ${status}` : sql``}
        ORDER BY i.created_at DESC LIMIT 500`,
  );
  return { items: rows as View[], total: rows.length };
}

const DECIDED = {
  approve: { from: 'pending', to: 'approved', zh: '审核通过', en: 'approve', word: '通过' },
  reject: { from: 'pending', to: 'rejected', zh: '审核', en: 'reject', word: '未通过' },
  suspend: { from: 'approved', to: 'suspended', zh: '暂停', en: 'suspend', word: '已暂停' },
} as const;

/** The supervisor approves or rejects an application, or suspends an approved 体验官. */
export async function decide(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  id: string;
  body: Static<typeof DecisionBody>;
}): Promise<View> {
  const { actor, body } = options;
  const step = DECIDED[body.decision];
  const reason = body.reason?.trim() || null;
  if (!reason && body.decision !== 'approve') throw invalid('reason', '请填写原因', 'is required');
  return options.db.transaction(async (tx) => {
    const row = await inspectorRow(tx, options.id, true);
    if (!row || !supervises(actor, await inspectorPath(tx, row))) throw notFound('体验官申请');
    checkVersion(row, body.version);
    if (row.status !== step.from) throw wrongState(step.zh, step.en);
    await tx
      .update(inspectors)
      .set({
        status: step.to,
        decidedBy: actor.accountId,
        decidedAt: new Date(),
        decisionReason: reason,
        version: row.version + 1,
      })
      .where(sql`${inspectors.id} = ${row.id}`);
    await recordAudit(tx, options.audit, {
      action: `inspector.${body.decision}`,
      targetType: 'inspector',
      targetId: row.id,
      summary: { name: row.name, regionCode: row.regionCode, reason },
    });
    await notify({
      db: tx,
      accountId: row.accountId,
      title: '政务服务体验官',
      body: `您的体验官资格${step.word}${reason ? `，原因：${reason}` : '，欢迎参与政务服务体验'}。`,
      subject: { inspectorId: row.id, event: `inspector_${body.decision}` },
    });
    return inspectorView(tx, row.id);
  });
}
