import { and, eq, isNull } from 'drizzle-orm';
import {
  CASE_ACTIONS,
  CASE_STATUS_LABELS,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
  transition,
} from '../../common/cases/state-machine.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { type AuditContext, recordAudit } from '../audit/service.ts';
import { filedDocument } from '../catalogue/guides.ts';
import type { Db, DbOrTx, Tx } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { tellApplicant } from './messages.ts';
import { caseEvents, cases, creditRecords } from './tables.ts';

export type CaseRow = typeof cases.$inferSelect;

export const caseNotFound = () => new AppError('resource.not_found', { params: { resource: '办件' } });

/** The catalogue version a case was filed under (its document: materials, limits, 告知承诺). */
export async function documentOf(db: DbOrTx, versionId: string): Promise<ImplementationDocument> {
  return filedDocument(db, versionId);
}

/** The unlifted credit record (告知承诺 失信) of an applicant, if any. */
export async function openCreditRecord(db: DbOrTx, accountId: string) {
  const [row] = await db
    .select()
    .from(creditRecords)
    .where(and(eq(creditRecords.accountId, accountId), isNull(creditRecords.liftedAt)))
    .limit(1);
  return row ?? null;
}

/** What one transition changes besides the status, decided from the locked case. */
export type TransitionPlan = {
  patch?: Partial<Omit<CaseRow, 'id' | 'status' | 'version'>>;
  /** Facts that differ from the locked row (e.g. the gaps about to be recorded). */
  facts?: Partial<CaseFacts>;
  details?: Record<string, unknown>;
  /** An in-person visit (跑动) happens with this transition. */
  visit?: boolean;
  /** More writes in the same transaction (attachments, credit records). */
  also?: (tx: Tx, row: CaseRow) => Promise<void>;
};

export type TransitionRequest = {
  db: Db;
  audit: AuditContext;
  caseId: string;
  /** The version the client saw; a stale one is a 409 resource.conflict. */
  version: number;
  action: CaseAction;
  plan?: (row: CaseRow, tx: Tx) => Promise<TransitionPlan> | TransitionPlan;
};

/** The names of materials in the version, for messages (a key the version lacks is shown as is). */
const materialNames = (document: ImplementationDocument, keys: string[]) =>
  keys.map((key) => document.materials.find((m) => m.key === key)?.name ?? key).join('、');

function refusalError(
  refusal: string,
  row: CaseRow,
  action: CaseAction,
  document: ImplementationDocument,
  reason: string,
): AppError {
  const status = row.status as CaseStatus;
  switch (refusal) {
    case 'case.result_held':
      return new AppError('case.result_held', {
        params: { missing: materialNames(document, row.gaps as string[]) },
      });
    case 'case.no_gaps':
    case 'case.promise_not_allowed':
      return new AppError(refusal);
    case 'case.promise_barred':
      return new AppError('case.promise_barred', { params: { reason } });
    default:
      return new AppError('case.transition_not_allowed', {
        params: {
          status: CASE_STATUS_LABELS[status],
          statusEn: status,
          action: CASE_ACTIONS[action].label,
          actionEn: action,
        },
      });
  }
}

/**
 * One transition of one case, in one transaction: locks the case, checks the version and the
 * state machine, applies the change, appends the timeline event and the audit record, and
 * tells the applicant (in-app and SMS) of the events they wait for.
 */
export async function runTransition(request: TransitionRequest): Promise<CaseRow> {
  const { db, audit, action } = request;
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, request.caseId)).for('update');
    if (!row) throw caseNotFound();
    if (row.version !== request.version) throw new AppError('resource.conflict');
    const plan = (await request.plan?.(row, tx)) ?? {};
    const document = await documentOf(tx, row.versionId);
    const credit = action === 'approve_on_promise' ? await openCreditRecord(tx, row.applicantId) : null;
    const facts: CaseFacts = {
      caseType: row.caseType as CaseFacts['caseType'],
      openGaps: (row.gaps as string[]).length,
      promiseAllowed: document.promiseAllowed,
      promiseBarred: !!credit,
      ...plan.facts,
    };
    const from = row.status as CaseStatus;
    const result = transition(from, action, facts);
    if (!result.ok) throw refusalError(result.refusal, row, action, document, credit?.reason ?? '');
    const visit = plan.visit ?? false;
    const now = new Date();
    const [updated] = await tx
      .update(cases)
      .set({
        ...plan.patch,
        status: result.to,
        version: row.version + 1,
        visits: row.visits + (visit ? 1 : 0),
        updatedAt: now,
      })
      .where(eq(cases.id, row.id))
      .returning();
    const details = plan.details ?? {};
    await tx.insert(caseEvents).values({
      caseId: row.id,
      action,
      fromStatus: from,
      toStatus: result.to,
      actorId: audit.actor?.accountId ?? null,
      actorRole: audit.role ?? null,
      details,
      visit,
      at: now,
    });
    await plan.also?.(tx, updated!);
    await tellApplicant(tx, updated!, action, document, details);
    await recordAudit(tx, audit, {
      action: `case.${action}`,
      targetType: 'case',
      targetId: row.id,
      summary: { caseNo: row.caseNo, from, to: result.to, ...details, ...(visit ? { visit: true } : {}) },
    });
    return updated!;
  });
}
