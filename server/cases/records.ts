import { eq, type SQL, sql } from 'drizzle-orm';
import { accountIdColumn, accountNamesJson, namesFromJson } from '../accounts/names.ts';
import type { Db } from '../core/db/client.ts';
import { composeOnce, qualified } from '../core/db/composed.ts';
import { changedColumn } from '../core/db/gated.ts';
import { organisationNameOf } from '../organisations/service.ts';
import { type caseAttachments, type caseEvents, cases } from './tables.ts';
import { type CaseRow, caseNotFound } from './transitions.ts';

export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseAttachmentRow = typeof caseAttachments.$inferSelect;

export type RecordsRead = Loaded;

type Loaded = {
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
    events: sql<Loaded['events']>`(select coalesce(json_agg(json_build_object(
        'seq', ev.seq, 'caseId', ev.case_id, 'action', ev.action, 'fromStatus', ev.from_status,
        'toStatus', ev.to_status, 'actorId', ev.actor_id, 'actorRole', ev.actor_role,
        'details', ev.details, 'visit', ev.visit, 'at', ev.at) order by ev.seq), '[]'::json)
      from ${events} ev)`,
    attachments: sql<Loaded['attachments']>`(select coalesce(json_agg(json_build_object(
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
export function recordsFrom(loaded: Loaded) {
  return {
    events: loaded.events.map((x): CaseEventRow => ({ ...x, at: new Date(x.at) })),
    attachments: loaded.attachments.map(
      (x): CaseAttachmentRow => ({ ...x, createdAt: new Date(x.createdAt) }),
    ),
    departmentName: loaded.departmentName,
    names: namesFromJson(loaded.names),
  };
}

/** Records read with the write that produced a row (see runTransition), by that row object. */
const known = new WeakMap<CaseRow, ReturnType<typeof recordsFrom>>();

export function rememberRecords(row: CaseRow, loaded: Loaded): void {
  known.set(row, recordsFrom(loaded));
}

/** What a case page shows besides the case row, in one round trip (or none, if read with the write). */
export async function caseRecords(db: Db, row: CaseRow) {
  const kept = known.get(row);
  if (kept) return kept;
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
  ).execute({ id: row.id });
  if (!loaded) throw caseNotFound();
  return recordsFrom(loaded);
}
