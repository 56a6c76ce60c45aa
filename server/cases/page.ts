import { eq, type SQL, sql } from 'drizzle-orm';
import { accountIdColumn, accountNamesJson, namesFromJson } from '../accounts/index.ts';
import { clockStart } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can, type Resource } from '../core/access/policy.ts';
import type { Db } from '../core/db/client.ts';
import { composeOnce, qualified } from '../core/db/composed.ts';
import { changedColumn } from '../core/db/gated.ts';
import { organisationNameOf } from '../organisations/index.ts';
import { ticketTimes } from '../tickets/index.ts';
import { attachmentView } from './attachments.ts';
import { filledFormOf } from './form-case.ts';
import { materialCounts } from './material-counts.ts';
import { availableNotices } from './notices.ts';
import { maskedFields, maskedFormData } from './reveal.ts';
import { type CaseRow, caseNotFound, documentOf } from './rows.ts';
import { type caseAttachments, type caseEvents, cases } from './tables.ts';

/*
 * The case page: a case with its timeline, materials, deadlines and visits, as GET /cases/:id and
 * every write of a case answer it. Besides the row it shows records of other tables (the page's
 * records), read in one statement, or with the write that changed the case.
 */

export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseAttachmentRow = typeof caseAttachments.$inferSelect;

/** The page's records as read by a `recordsSelection` (JSON), before `recordsFrom`. */
export type RecordsRead = {
  events: (Omit<CaseEventRow, 'at'> & { at: string })[];
  attachments: (Omit<CaseAttachmentRow, 'createdAt'> & { createdAt: string })[];
  departmentName: string | null;
  names: Parameters<typeof namesFromJson>[0];
};

/** The columns of a case the records hang on, as SQL (the table's, or those of a statement's changed row). */
export type CaseRef = { id: SQL; departmentId: SQL; applicantId: SQL; assigneeId: SQL };

/** The case row a whenChanged statement wrote (db/gated.ts). */
const CHANGED_CASE: CaseRef = {
  id: changedColumn('id'),
  departmentId: changedColumn('department_id'),
  applicantId: changedColumn('applicant_id'),
  assigneeId: changedColumn('assignee_id'),
};

/**
 * The fields of a case page besides the row, as scalar subqueries of one select: the timeline in
 * order, the files and references handed in, the department's name and the names of everyone
 * involved (applicant, assignee, the actor of each event). `added` names CTEs of the same
 * statement (`… RETURNING *`) whose new events or files the table does not show yet.
 */
export function recordsSelection(ref: CaseRef, added: { events?: string; files?: string } = {}) {
  const events = sql`(select * from case_events where case_id = ${ref.id}${
    added.events ? sql` union all select * from ${sql.identifier(added.events)}` : sql``
  })`;
  const files = sql`(select * from case_attachments where case_id = ${ref.id}${
    added.files ? sql` union all select * from ${sql.identifier(added.files)}` : sql``
  })`;
  return {
    events: sql<RecordsRead['events']>`(select coalesce(json_agg(json_build_object(
        'seq', ev.seq, 'caseId', ev.case_id, 'action', ev.action, 'fromStatus', ev.from_status,
        'toStatus', ev.to_status, 'actorId', ev.actor_id, 'actorRole', ev.actor_role,
        'details', ev.details, 'visit', ev.visit, 'at', ev.at) order by ev.seq), '[]'::json)
      from ${events} ev)`,
    attachments: sql<RecordsRead['attachments']>`(select coalesce(json_agg(json_build_object(
        'id', f.id, 'caseId', f.case_id, 'materialKey', f.material_key, 'fileSha256', f.file_sha256,
        'fileName', f.file_name, 'source', f.source, 'reference', f.reference,
        'uploadedBy', f.uploaded_by, 'createdAt', f.created_at) order by f.created_at, f.id), '[]'::json)
      from ${files} f)`,
    departmentName: organisationNameOf(ref.departmentId),
    names: accountNamesJson(
      sql`${accountIdColumn} = any(array(select ev.actor_id from ${events} ev) || array[${ref.applicantId}, ${ref.assigneeId}])`,
    ),
  };
}

const changedSelections = new Map<string, ReturnType<typeof recordsSelection>>();

/** recordsSelection of the case row a whenChanged statement wrote, composed once per `added`. */
export function changedCaseRecords(added: { events?: string; files?: string }) {
  const key = `${added.events ?? ''}|${added.files ?? ''}`;
  let selection = changedSelections.get(key);
  if (!selection) {
    selection = recordsSelection(CHANGED_CASE, added);
    changedSelections.set(key, selection);
  }
  return selection;
}

/** The records as read by a `recordsSelection`. */
export function recordsFrom(loaded: RecordsRead) {
  return {
    events: loaded.events.map((x): CaseEventRow => ({ ...x, at: new Date(x.at) })),
    attachments: loaded.attachments.map(
      (x): CaseAttachmentRow => ({ ...x, createdAt: new Date(x.createdAt) }),
    ),
    departmentName: loaded.departmentName,
    names: namesFromJson(loaded.names),
  };
}

/** The page's records, as read (`recordsFrom`). */
export type PageRecords = ReturnType<typeof recordsFrom>;

/** What a case page shows besides the case row, in one round trip. */
export async function readPageRecords(db: Db, caseId: string): Promise<PageRecords> {
  const [loaded] = await composeOnce(db, 'case_records', (d) =>
    d
      .select(
        recordsSelection({
          id: qualified(cases.id),
          departmentId: qualified(cases.departmentId),
          applicantId: qualified(cases.applicantId),
          assigneeId: qualified(cases.assigneeId),
        }),
      )
      .from(cases)
      .where(eq(cases.id, sql.placeholder('id')))
      .prepare('yw_case_records'),
  ).execute({ id: caseId });
  if (!loaded) throw caseNotFound();
  return recordsFrom(loaded);
}

export function summaryOf(row: CaseRow) {
  return {
    id: row.id,
    caseNo: row.caseNo,
    implementationId: row.implementationId,
    departmentId: row.departmentId,
    regionCode: row.regionCode,
    applicantId: row.applicantId,
    channel: row.channel,
    status: row.status,
    caseType: row.caseType,
    warning: row.warning,
    gaps: row.gaps as string[],
    gapDeadline: row.gapDeadline,
    acceptedOn: row.acceptedOn,
    promisedDeadline: row.promisedDeadline,
    legalDeadline: row.legalDeadline,
    visits: row.visits,
    onPromise: row.onPromise,
    version: row.version,
    submittedAt: row.submittedAt,
    concludedAt: row.concludedAt,
  };
}

/**
 * How a case is shown to whom: its applicant sees it in full; everyone else sees the phones and
 * addresses masked, and those the policy lets reveal them get the list of fields they may reveal.
 */
export type CaseView = { masked: boolean; mayReveal: boolean };

export function caseViewOf(actor: Actor, row: CaseRow, resource: Resource): CaseView {
  const masked = actor.accountId !== row.applicantId;
  return { masked, mayReveal: masked && can(actor, 'case.reveal', resource) };
}

export type CasePage = Awaited<ReturnType<typeof casePage>>;

/**
 * One case with its timeline, materials, deadlines and visits against what the matter promises.
 * `records` are those read with the write that produced the row; else they are read.
 */
export async function casePage(
  db: Db,
  row: CaseRow,
  view: CaseView = { masked: true, mayReveal: false },
  records: PageRecords | null = null,
) {
  const [doc, { events, attachments, departmentName, names }, ticket, clockStartsOn] = await Promise.all([
    documentOf(db, row.versionId),
    records ?? readPageRecords(db, row.id),
    row.ticketId ? ticketTimes(db, row.ticketId) : null,
    row.acceptedOn ? clockStart({ db, day: row.acceptedOn }) : null,
  ]);
  const applicant = names.get(row.applicantId);
  const gaps = row.gaps as string[];
  const form = filledFormOf(row, doc);
  // The materials the filed form stands for (the 申请书): supplied by the form.
  const covered = new Set(form ? (doc.form?.covers ?? []) : []);
  return {
    ...summaryOf(row),
    queryCode: row.queryCode,
    matterName: doc.name,
    departmentName: departmentName ?? '',
    applicantName: applicant?.displayName ?? '',
    /** Masked for persons (110105********002X). */
    applicantLogin: applicant?.login ?? '',
    formData: view.masked
      ? maskedFormData(row.formData as Record<string, unknown>)
      : (row.formData as Record<string, unknown>),
    /** Masked fields this viewer may reveal (POST /cases/:id/reveal), each view audited. */
    revealable: view.mayReveal ? maskedFields(row, applicant?.kind ?? null) : [],
    agentId: row.agentId,
    consent: row.consent,
    hallId: row.hallId,
    windowId: row.windowId,
    /** The ticket called to the counter: waiting (taken → called) and handling (called → done, or so far). */
    ticket,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeId ? (names.get(row.assigneeId)?.displayName ?? null) : null,
    delivery: row.delivery,
    trackingNo: row.trackingNo,
    workingDaysUsed: row.workingDaysUsed,
    clockStartsOn,
    promise: {
      visitsRequired: doc.visitsRequired,
      promisedLimit: doc.promisedLimit,
      legalLimit: doc.legalLimit,
      promiseAllowed: doc.promiseAllowed,
    },
    /** The application form as filed, with the sources of prefilled fields; null without one. */
    form,
    /** Materials reused (certificate, base, earlier case) and uploaded: the case's 材料减免. */
    materialCounts: materialCounts(attachments),
    materials: doc.materials.map((m) => {
      const files = attachments.filter((a) => a.materialKey === m.key);
      return {
        key: m.key,
        name: m.name,
        required: m.required,
        gapAllowed: m.gapAllowed,
        supplied: files.length > 0 || covered.has(m.key),
        /** The latest file handed in for the material (GET /cases/:id/materials/:attachmentId). */
        attachmentId: files.at(-1)?.id ?? null,
        gap: gaps.includes(m.key),
        ...(covered.has(m.key) ? { coveredByForm: true } : {}),
        files: files.map(attachmentView),
      };
    }),
    notices: availableNotices(row, events),
    timeline: events.map((e) => ({
      seq: e.seq,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorId: e.actorId,
      actorName: e.actorId ? (names.get(e.actorId)?.displayName ?? null) : null,
      actorRole: e.actorRole,
      details: e.details as Record<string, unknown>,
      visit: e.visit,
      at: e.at,
    })),
  };
}
