import { and, desc, eq, inArray, isNotNull, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { CreditRecord as CreditRecordSchema } from '../../common/cases/api.ts';
import { accountNames } from '../accounts/index.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { versionNames } from '../catalogue/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can, type Resource, scopeOf } from '../core/access/policy.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { cases, creditRecords } from './tables.ts';

/**
 * Credit records (信用记录): written when a 告知承诺 is found false (revoke), they bar the applicant
 * from approval on promise until lifted (信用修复). The head of the department whose case made the
 * record and supervisors of the case's region see and lift them.
 */

const notFound = () => new AppError('resource.not_found', { params: { resource: '信用记录' } });

export type CreditFilter = {
  /** open: still barring; lifted: repaired; all. */
  state: 'open' | 'lifted' | 'all';
  limit: number;
  offset: number;
};

/** The cases' organisations and region subtrees the actor may see credit records of. */
function scopeCondition(actor: Actor, action: 'credit.read' | 'credit.lift'): SQL | null {
  const scope = scopeOf(actor, action);
  if (scope.anywhere) return sql`true`;
  const parts: SQL[] = [];
  if (scope.organisationIds.length) parts.push(inArray(cases.departmentId, scope.organisationIds));
  for (const path of scope.regionPaths) {
    parts.push(or(eq(cases.regionPath, path), like(cases.regionPath, `${path}/%`))!);
  }
  return parts.length ? or(...parts)! : null;
}

const STATE: Record<CreditFilter['state'], SQL | undefined> = {
  open: isNull(creditRecords.liftedAt),
  lifted: isNotNull(creditRecords.liftedAt),
  all: undefined,
};

/** The credit records of the actor's scope, newest first, with applicant (masked), case and matter; 403 without any. */
/** One credit record as the list answers it. */
export type CreditRecord = Static<typeof CreditRecordSchema>;

export async function listCreditRecords(options: {
  db: DbOrTx;
  actor: Actor;
  filter: CreditFilter;
}): Promise<{ items: CreditRecord[]; total: number }> {
  const { db, actor, filter } = options;
  const scope = scopeCondition(actor, 'credit.read');
  if (!scope) throw new AppError('auth.forbidden');
  const where = and(scope, STATE[filter.state]);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        record: creditRecords,
        caseNo: cases.caseNo,
        versionId: cases.versionId,
        departmentId: cases.departmentId,
      })
      .from(creditRecords)
      .innerJoin(cases, eq(cases.id, creditRecords.caseId))
      .where(where)
      .orderBy(desc(creditRecords.createdAt), desc(creditRecords.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(creditRecords)
      .innerJoin(cases, eq(cases.id, creditRecords.caseId))
      .where(where),
  ]);
  const [names, matters] = await Promise.all([
    accountNames(
      db,
      rows.flatMap(({ record: r }) => [
        r.accountId,
        ...(r.createdBy ? [r.createdBy] : []),
        ...(r.liftedBy ? [r.liftedBy] : []),
      ]),
    ),
    versionNames(
      db,
      rows.map((r) => r.versionId),
    ),
  ]);
  const items = rows.map(({ record: r, caseNo, versionId }) => ({
    id: r.id,
    accountId: r.accountId,
    applicantName: names.get(r.accountId)?.displayName ?? '',
    /** Masked for persons (110105********002X). */
    applicantLogin: names.get(r.accountId)?.login ?? '',
    caseId: r.caseId,
    caseNo,
    matterName: matters.get(versionId) ?? '',
    reason: r.reason,
    createdAt: r.createdAt,
    createdByName: r.createdBy ? (names.get(r.createdBy)?.displayName ?? null) : null,
    liftedAt: r.liftedAt,
    liftedByName: r.liftedBy ? (names.get(r.liftedBy)?.displayName ?? null) : null,
    liftReason: r.liftReason,
  }));
  return { items, total: count?.total ?? 0 };
}

/** Where a credit record lives (its case's department and region), if the actor may see it; else a 404. */
export async function visibleCreditRecord(db: DbOrTx, actor: Actor, id: string): Promise<Resource> {
  const [found] = await db
    .select({ departmentId: cases.departmentId, regionPath: cases.regionPath })
    .from(creditRecords)
    .innerJoin(cases, eq(cases.id, creditRecords.caseId))
    .where(eq(creditRecords.id, id));
  if (!found) throw notFound();
  const resource: Resource = { organisationId: found.departmentId, regionPath: found.regionPath };
  if (!can(actor, 'credit.read', resource)) throw notFound();
  return resource;
}

/**
 * 信用修复: lifts a credit record, so that the applicant's next 告知承诺 is allowed again; in one
 * transaction with its audit record. A record lifted already is a 409.
 */
export async function liftCreditRecord(options: { db: Db; audit: AuditContext; id: string; reason: string }) {
  const reason = options.reason.trim();
  if (!reason) {
    throw new AppError('validation.field', {
      field: 'reason',
      params: { problem: '不能为空', problemEn: 'is required' },
    });
  }
  return options.db.transaction(async (tx) => {
    const [record] = await tx
      .select()
      .from(creditRecords)
      .where(eq(creditRecords.id, options.id))
      .for('update');
    if (!record) throw notFound();
    if (record.liftedAt) {
      throw new AppError('credit.already_lifted', {
        params: { liftedAt: record.liftedAt.toISOString().slice(0, 10) },
      });
    }
    const [lifted] = await tx
      .update(creditRecords)
      .set({ liftedAt: new Date(), liftedBy: options.audit.actor?.accountId ?? null, liftReason: reason })
      .where(eq(creditRecords.id, options.id))
      .returning();
    await recordAudit(tx, options.audit, {
      action: 'credit.lift',
      targetType: 'credit_record',
      targetId: options.id,
      summary: { caseId: record.caseId, applicantId: record.accountId, reason },
    });
    return lifted!;
  });
}
