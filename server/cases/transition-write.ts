import { eq, sql } from 'drizzle-orm';
import {
  CASE_ACTIONS,
  CASE_STATUS_LABELS,
  type CaseAction,
  type CaseFacts,
  type CaseStatus,
  transition,
} from '../../common/cases/state-machine.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { currentPhone, keepPhone, phoneOf } from '../accounts/index.ts';
import { type AuditContext, auditRecords, auditRow } from '../audit/index.ts';
import type { Db, DbOrTx, Tx } from '../core/db/client.ts';
import { composeOnce, qualified } from '../core/db/composed.ts';
import { type GatedInsert, type GatedUpdate, type Guard, whenChanged } from '../core/db/gated.ts';
import { AppError } from '../core/errors.ts';
import { notifications } from '../notifications/index.ts';
import { applicantMessageRows } from './messages.ts';
import { changedCaseRecords, type PageRecords, type RecordsRead, recordsFrom } from './page.ts';
import { keepCase, keptCase } from './row-cache.ts';
import { type CaseRow, caseNotFound, documentOf, openCreditRecord } from './rows.ts';
import { caseEvents, cases } from './tables.ts';

/** What one transition changes besides the status, decided from the case as read. */
export type TransitionPlan = {
  patch?: Partial<Omit<CaseRow, 'id' | 'status' | 'version'>>;
  /** Facts that differ from the case as read (e.g. the gaps about to be recorded). */
  facts?: Partial<CaseFacts>;
  details?: Record<string, unknown>;
  /** An in-person visit (跑动) happens with this transition. */
  visit?: boolean;
  /** More rows written by the transition's own statement, only if it changes the case. */
  gated?: (GatedInsert | GatedUpdate)[];
  /** A further condition of that statement's update (see Guard): when it fails, a 409 as for a stale version. */
  guard?: Guard | undefined;
  /** More writes in the same transaction (attachments, credit records). */
  also?: (tx: Tx, row: CaseRow) => Promise<void>;
  /** `also` writes nothing a case page shows (no files, no events): the page is read with the change. */
  alsoLeavesPage?: boolean;
};

/** Who acts on a case: what the audit records, and whether at a window. */
export type ActingParty = { audit: AuditContext; atWindow?: boolean };

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

export type CaseToChange = { row: CaseRow; applicantPhone: string | null };

/**
 * The case to change and its applicant's phone: the row kept by this process at the version the
 * client saw (see row-cache.ts), else read (without a lock; the write is guarded by the version).
 */
export async function caseToChange(db: Db, caseId: string, version: number): Promise<CaseToChange> {
  const kept = keptCase(caseId, version);
  if (kept) return { row: kept, applicantPhone: await currentPhone(db, kept.applicantId) };
  const [read] = await composeOnce(db, 'case_to_change', (d) =>
    d
      .select({ row: cases, applicantPhone: phoneOf(qualified(cases.applicantId)) })
      .from(cases)
      .where(eq(cases.id, sql.placeholder('id')))
      .prepare('yw_case_to_change'),
  ).execute({ id: caseId });
  if (!read) throw caseNotFound();
  keepPhone(read.row.applicantId, read.applicantPhone);
  return read;
}

/**
 * Writes one transition of a case read by caseToChange at the version the client saw, by a party
 * allowed to act, as planned: checks the state machine, then writes in one statement the update
 * guarded by the version read, the timeline event, the applicant's messages and the audit record,
 * which exist together or not at all; a concurrent change in between makes the guard miss (409).
 * A plan with more writes (`also`) runs them with that statement in one transaction. Answers the
 * row written, kept for the next transition (row-cache.ts), and the page's records when they were
 * read with the write (else null: the page reads them).
 */
export async function writeTransition(
  db: Db,
  read: CaseToChange,
  action: CaseAction,
  party: ActingParty,
  plan: TransitionPlan,
): Promise<{ row: CaseRow; records: PageRecords | null }> {
  const { row, applicantPhone } = read;
  const document = await documentOf(db, row.versionId);
  const credit = action === 'approve_on_promise' ? await openCreditRecord(db, row.applicantId) : null;
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
  const changes = {
    ...plan.patch,
    status: result.to,
    version: row.version + 1,
    visits: row.visits + (visit ? 1 : 0),
    updatedAt: now,
  };
  const details = plan.details ?? {};
  const { audit } = party;
  const messages = applicantMessageRows({ ...row, ...changes }, applicantPhone, action, document, details);
  // Without more writes, the page's records are read in the same statement (see page.ts).
  const write = async (handle: DbOrTx, withRecords: boolean) => {
    const [written] = await whenChanged<CaseRow, RecordsRead | null>(
      handle,
      { table: cases, set: changes, where: { id: row.id, version: row.version }, guard: plan.guard },
      [
        {
          table: caseEvents,
          name: 'event',
          rows: [
            {
              caseId: row.id,
              action,
              fromStatus: from,
              toStatus: result.to,
              actorId: audit.actor?.accountId ?? null,
              actorRole: audit.role ?? null,
              details,
              visit,
              at: now,
            },
          ],
        },
        { table: notifications, rows: messages },
        {
          table: auditRecords,
          rows: [
            auditRow(audit, {
              action: `case.${action}`,
              targetType: 'case',
              targetId: row.id,
              summary: {
                caseNo: row.caseNo,
                from,
                to: result.to,
                ...details,
                ...(visit ? { visit: true } : {}),
              },
            }),
          ],
        },
        ...(plan.gated ?? []),
      ],
      withRecords ? changedCaseRecords({ events: 'event' }) : {},
    );
    if (!written) throw new AppError('resource.conflict');
    return { row: written.row, records: written.extra ? recordsFrom(written.extra) : null };
  };
  const also = plan.also;
  const updated = also
    ? await db.transaction(async (tx) => {
        const written = await write(tx, plan.alsoLeavesPage ?? false);
        await also(tx, written.row);
        return written;
      })
    : await write(db, true);
  keepCase(updated.row);
  return updated;
}
