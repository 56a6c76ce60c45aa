import { asc, eq } from 'drizzle-orm';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../common/cases/state-machine.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { FormValues } from '../../common/forms/schema.ts';
import { formFieldTexts, regionCodesOf } from '../../common/forms/texts.ts';
import { accountContact } from '../accounts/index.ts';
import { getVersionDocument } from '../catalogue/index.ts';
import { type ResultParticulars, resultParticulars } from '../certificates/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import {
  type CaseView,
  chinaDay,
  NOTICE_KINDS,
  NOTICE_TITLES,
  type NoticeKind,
  renderNotice,
} from '../notices/index.ts';
import { findHall, findOrganisation } from '../organisations/index.ts';
import { regionFullNames } from '../regions/index.ts';
import { heldResult } from './result-hold.ts';
import type { CaseRow } from './rows.ts';
import { problemSubject, type SupplementProblem } from './supplement-form.ts';
import { caseEvents } from './tables.ts';

export type CaseEventRow = typeof caseEvents.$inferSelect;

/** The English names of the notices, for error messages in English. */
const NOTICE_NAMES_EN: Record<NoticeKind, string> = {
  acceptance: 'acceptance notice',
  non_acceptance: 'notice of non-acceptance',
  supplement: 'notice to supplement materials',
  approval: 'licensing decision',
  denial: 'decision to deny the licence',
};

/** The event each notice is issued on: the latest such event of the case. */
const ISSUING_EVENTS: Record<NoticeKind, readonly string[]> = {
  acceptance: ['accept', 'accept_with_gaps'],
  non_acceptance: ['not_accept'],
  supplement: ['request_supplement'],
  approval: ['approve', 'approve_on_promise'],
  denial: ['deny'],
};

function issuingEvent(kind: NoticeKind, row: CaseRow, events: CaseEventRow[]): CaseEventRow | null {
  // A revoked approval (告知承诺 found false) is no longer a decision anyone may rely on.
  if (kind === 'approval' && row.status === 'revoked') return null;
  const actions = ISSUING_EVENTS[kind];
  return events.findLast((e) => actions.includes(e.action)) ?? null;
}

/**
 * The notices a case has reached, in the order of the procedure: acceptance once accepted,
 * the supplement list once requested (it stays on record after resubmission), the refusals
 * and decisions once taken.
 */
export function availableNotices(row: CaseRow, events: CaseEventRow[]): NoticeKind[] {
  return NOTICE_KINDS.filter(
    (kind) => issuingEvent(kind, row, events) !== null && !(kind === 'approval' && heldByGaps(row)),
  );
}

/** 容缺: while materials accepted with gaps are missing, the result, the 准予 decision included, is held. */
const heldByGaps = (row: CaseRow) => ((row.gaps ?? []) as string[]).length > 0;

const materialName = (doc: ImplementationDocument, key: string | undefined) =>
  (key && doc.materials.find((m) => m.key === key)?.name) || '其他';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

function addressLine(value: unknown): string | null {
  const a = value as { recipient?: string; phone?: string; address?: string } | null;
  return a?.address ? `${a.address}（收件人：${a.recipient ?? ''}）` : null;
}

const NOTHING_ISSUED: ResultParticulars = { particulars: [], issued: null };

/**
 * What the 准予 decision quotes of its result certificate: the particulars it prints from the
 * application form as filed (the form's printed texts, regions by their full names), and the
 * certificate issued with the case once it has been (certificates module: resultParticulars).
 */
async function approved(db: DbOrTx, row: CaseRow, doc: ImplementationDocument): Promise<ResultParticulars> {
  const kept = row.form as { values?: FormValues } | null;
  const values = doc.form && kept?.values && typeof kept.values === 'object' ? kept.values : null;
  const regions = values ? await regionFullNames(db, regionCodesOf(doc.form!, values)) : new Map();
  const form = values ? formFieldTexts(doc.form!, values, { regionName: (code) => regions.get(code) }) : [];
  return resultParticulars(db, { caseId: row.id, result: doc.result, form });
}

/** Fills what the notice shows from the case, its issuing event and the version it was filed under. */
async function caseView(db: DbOrTx, row: CaseRow, kind: NoticeKind, event: CaseEventRow): Promise<CaseView> {
  const [version, applicant, department, hall] = await Promise.all([
    getVersionDocument(db, row.versionId),
    accountContact(db, row.applicantId),
    findOrganisation(db, row.departmentId),
    row.hallId ? findHall(db, row.hallId) : null,
  ]);
  const doc = version.document;
  const { particulars, issued } = kind === 'approval' ? await approved(db, row, doc) : NOTHING_ISSUED;
  const details = event.details as Record<string, unknown>;
  const gaps = event.action === 'accept_with_gaps' ? ((details.gaps ?? []) as string[]) : [];
  const problems = (details.problems ?? []) as SupplementProblem[];
  const legalBasis = text(details.legalBasis);
  return {
    caseNo: row.caseNo,
    queryCode: row.queryCode,
    matterName: doc.name,
    applicantName: applicant?.displayName ?? '',
    issuerName: department?.name ?? '',
    placeName: hall?.name ?? doc.places[0]?.name ?? null,
    submittedAt: (row.submittedAt ?? row.createdAt).toISOString(),
    issuedOn: chinaDay(event.at),
    licensing: version.matterType === 'licensing',
    acceptedOn: row.acceptedOn,
    promisedDeadline: row.promisedDeadline,
    legalDeadline: row.legalDeadline,
    gaps: gaps.map((key) => materialName(doc, key)),
    gapDeadline: text(details.gapDeadline),
    problems: problems.map((p) => ({ material: problemSubject(doc, p), problem: p.problem })),
    reason: text(details.reason),
    legalBasis: legalBasis ? [legalBasis] : [],
    result: doc.result.name
      ? { name: doc.result.name, number: issued?.number ?? null, validUntil: issued?.validUntil ?? null }
      : null,
    particulars,
    onPromise: row.onPromise,
    delivery: (row.delivery as CaseView['delivery']) ?? null,
    deliveryAddress: addressLine(row.deliveryAddress),
  };
}

/**
 * What a notice of the case shows, issued on the day of the event it records. A notice the
 * case has not reached is a 409 `case.notice_not_available`.
 */
export async function noticeView(options: { db: DbOrTx; row: CaseRow; kind: NoticeKind }): Promise<CaseView> {
  const { db, row, kind } = options;
  const events = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.seq));
  const event = issuingEvent(kind, row, events);
  if (!event) {
    const status = row.status as CaseStatus;
    throw new AppError('case.notice_not_available', {
      params: {
        notice: NOTICE_TITLES[kind],
        noticeEn: NOTICE_NAMES_EN[kind],
        status: CASE_STATUS_LABELS[status],
        statusEn: status,
      },
    });
  }
  return caseView(db, row, kind, event);
}

/** One notice of a case as a PDF, with the QR code opening `<origin>/progress?caseNo=…&code=…`. */
export async function caseNotice(options: {
  db: DbOrTx;
  row: CaseRow;
  kind: NoticeKind;
  origin: string;
}): Promise<{ pdf: Buffer; fileName: string }> {
  if (options.kind === 'approval' && heldByGaps(options.row)) {
    const missing = await heldResult(options.db, options.row.id);
    if (missing) throw new AppError('case.result_held', { params: { missing } });
  }
  const caseView = await noticeView(options);
  const pdf = await renderNotice({ kind: options.kind, caseView, origin: options.origin });
  return { pdf, fileName: `${NOTICE_TITLES[options.kind]}-${options.row.caseNo}.pdf` };
}
