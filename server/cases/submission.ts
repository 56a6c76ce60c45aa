import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { FormValues } from '../../common/forms/schema.ts';
import { currentPhone } from '../accounts/index.ts';
import { type AuditContext, auditRecords, auditRow } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import { filingTarget } from '../catalogue/index.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { composeOnce } from '../core/db/composed.ts';
import { whenChanged } from '../core/db/gated.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';
import { notifications } from '../notifications/index.ts';
import { findHall } from '../organisations/index.ts';
import { refuseOthersFormFiles } from './form-checks.ts';
import { deleteDraft } from './form-drafts.ts';
import { type CheckedForm, checkSubmittedForm } from './form-submission.ts';
import { applicantMessageRows } from './messages.ts';
import { drawCaseNo, drawCaseNoForFiling, newQueryCode } from './numbers.ts';
import { changedCaseRecords, type PageRecords, type RecordsRead, recordsFrom } from './page.ts';
import type { ReuseSource } from './prefill.ts';
import { resolveReusedMaterials, reusedAttachmentRows } from './prefill-submit.ts';
import { keepCase } from './row-cache.ts';
import type { CaseRow } from './rows.ts';
import { hashesOf, refuseOthersFiles, requestHash } from './submission-materials.ts';
import { caseAttachments, caseEvents, cases } from './tables.ts';

export type MaterialInput = { key: string; sha256: string; fileName: string };

/** A material the application takes from a shared source the prefill offered (no upload). */
export type ReusedMaterialInput = { key: string; reuse: ReuseSource; ref: string };

export type Submission = {
  implementationId: string;
  formData: Record<string, unknown>;
  /** The values of the version's application form; ignored for a version without one. */
  form?: FormValues | undefined;
  materials: (MaterialInput | ReusedMaterialInput)[];
  idempotencyKey?: string | null;
  /** The request as sent (its body), whose hash is kept with the key; by default the submission above. */
  request?: unknown;
};

export const isReused = (m: MaterialInput | ReusedMaterialInput): m is ReusedMaterialInput => 'reuse' in m;

/** Where and by whom a case is handed in. */
export type Channel =
  | { kind: 'online'; applicantId: string }
  | { kind: 'kiosk'; applicantId: string; hallId: string }
  | { kind: 'counter'; applicantId: string; hallId: string; windowId: string | null; ticketId: string | null }
  | {
      kind: 'agent';
      applicantId: string;
      agentId: string;
      consent: Record<string, unknown>;
      /** The hall of the agent's organisation (a street centre's) where the application was taken, if any. */
      hallId: string | null;
    };

/** A 400 when a material key is not one of the version's materials. */
export function checkMaterials(
  document: ImplementationDocument,
  materials: { key: string }[],
  field = 'materials',
) {
  const keys = new Set(document.materials.map((m) => m.key));
  materials.forEach((m, i) => {
    if (!keys.has(m.key)) {
      throw new AppError('validation.field', {
        field: `${field}/${i}/key`,
        params: { problem: '不是该事项的申请材料', problemEn: 'is not a material of this matter' },
      });
    }
  });
}

export async function addAttachments(
  tx: Tx,
  caseId: string,
  materials: MaterialInput[],
  source: 'applicant' | 'clerk_scan',
  uploadedBy: string | null,
) {
  if (materials.length === 0) return;
  await tx.insert(caseAttachments).values(attachmentRows(caseId, materials, source, uploadedBy));
}

function attachmentRows(
  caseId: string,
  materials: MaterialInput[],
  source: 'applicant' | 'clerk_scan',
  uploadedBy: string | null,
) {
  return materials.map((m) => ({
    caseId,
    materialKey: m.key,
    fileSha256: m.sha256,
    fileName: m.fileName,
    source,
    uploadedBy,
  }));
}

/** The case an account already submitted with an idempotency key (keys are scoped to the submitting account). */
async function existingByKey(db: Db, submitterId: string, key: string): Promise<CaseRow | null> {
  const [row] = await composeOnce(db, 'case_by_key', (d) =>
    d
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.submittedBy, sql.placeholder('submitter')),
          eq(cases.idempotencyKey, sql.placeholder('key')),
        ),
      )
      .prepare('yw_case_by_submitter_key'),
  ).execute({ submitter: submitterId, key });
  return row ?? null;
}

/** Who hands the application in: the signed-in account (applicant, clerk or agent), else the applicant. */
const submitterOf = (audit: AuditContext, channel: Channel) => audit.actor?.accountId ?? channel.applicantId;

/**
 * What a submission checks and reads before its write: the filing target (the published version),
 * the application form (form-submission.ts), the materials, the reused materials, the hall; then,
 * in one statement, the case its submitter already filed with the idempotency key, or the check
 * that the submitter uploaded every file (materials and the form's file fields) and the case
 * number (drawCaseNoForFiling). A file the submitter did not upload is a 400 naming the material
 * or the form's field, and no number is drawn for it.
 */
async function prepareFiling(options: { db: Db; audit: AuditContext; channel: Channel; input: Submission }) {
  const { db, audit, channel, input } = options;
  const guide = await filingTarget(db, input.implementationId);
  const document = guide.document;
  const staff = audit.actor?.kind === 'staff' ? audit.actor : null;
  // A version without a form ignores `form`: a client that sends one anyway still files.
  const form: CheckedForm | null = document.form
    ? await checkSubmittedForm({
        db,
        definition: document.form,
        values: input.form ?? {},
        applicantId: channel.applicantId,
        staff,
      })
    : null;
  checkMaterials(document, input.materials);
  const uploads = input.materials.filter((m): m is MaterialInput => !isReused(m));
  const reused = await resolveReusedMaterials({
    db,
    document,
    implementationId: input.implementationId,
    applicantId: channel.applicantId,
    materials: input.materials.filter(isReused),
    staff,
  });
  const hallId = channel.kind === 'online' ? null : channel.hallId;
  if (hallId && !(await findHall(db, hallId))) {
    throw new AppError('resource.not_found', { params: { resource: '大厅' } });
  }
  const day = todayInChina();
  const key = input.idempotencyKey ?? null;
  const files = [...new Set([...hashesOf(uploads), ...(form?.files ?? []).map((f) => f.sha256)])];
  if (!key && files.length === 0) {
    const caseNo = await drawCaseNo(db, guide.region.code, day);
    return { guide, document, form, uploads, reused, hallId, caseNo };
  }
  const drawn = await drawCaseNoForFiling(db, {
    regionCode: guide.region.code,
    day,
    submitterId: submitterOf(audit, channel),
    key,
    files,
  });
  if ('filed' in drawn) return drawn;
  const uploaded = new Set(drawn.uploaded);
  refuseOthersFiles(document, input.materials, uploaded);
  if (form) refuseOthersFormFiles(document.form!, form.files, uploaded);
  if (drawn.caseNo === null) throw new Error('no case number drawn although every file was uploaded');
  return { guide, document, form, uploads, reused, hallId, caseNo: drawn.caseNo };
}

/** A case filed, or found filed already with the key; a new one with its page's records, read with the write. */
export type Filed = { row: CaseRow; created: boolean; records: PageRecords | null };

/**
 * Files and submits a case bound to the PUBLISHED version of the implementation. An idempotency
 * key belongs to the account that submits (applicant, clerk or agent): the same key with the same
 * request returns the case that account already filed (`created: false`; the caller shows it only
 * after the read check of any case), the same key with another request is a 422. Every file must
 * be one the submitter uploaded. A counter or kiosk submission is one in-person visit.
 */
export async function submitCase(options: {
  db: Db;
  audit: AuditContext;
  channel: Channel;
  input: Submission;
}): Promise<Filed> {
  const { db, audit, channel, input } = options;
  const key = input.idempotencyKey ?? null;
  const submitterId = submitterOf(audit, channel);
  const fingerprint = key
    ? requestHash(
        input.request ?? {
          implementationId: input.implementationId,
          formData: input.formData,
          ...(input.form !== undefined ? { form: input.form } : {}),
          materials: input.materials,
        },
      )
    : null;
  const filedAlready = async () => {
    const again = key ? await existingByKey(db, submitterId, key) : null;
    if (!again) return null;
    // Cases filed before requests were hashed carry no hash: their key answers as before.
    if (again.requestHash !== null && again.requestHash !== fingerprint) {
      throw new AppError('case.idempotency_key_reused', { field: 'idempotency-key' });
    }
    return { row: again, created: false, records: null };
  };
  let filing: Awaited<ReturnType<typeof prepareFiling>>;
  try {
    filing = await prepareFiling(options);
  } catch (error) {
    // A repeated submission answers with the case filed the first time, even if it would now be refused.
    const again = await filedAlready();
    if (again) return again;
    throw error;
  }
  if ('filed' in filing) {
    const again = await filedAlready();
    if (again) return again;
    throw new Error('the case filed with the key was not found again');
  }
  const { guide, document, form, uploads, reused, hallId, caseNo } = filing;
  const visit = channel.kind === 'counter' || channel.kind === 'kiosk';
  const phone = await currentPhone(db, channel.applicantId);
  try {
    const now = new Date();
    const id = randomUUID();
    const actorId = audit.actor?.accountId ?? null;
    const details = {
      channel: channel.kind,
      versionNo: guide.versionNo,
      ...(hallId ? { hallId } : {}),
      ...(channel.kind === 'counter' && channel.windowId ? { windowId: channel.windowId } : {}),
      ...(channel.kind === 'counter' && channel.ticketId ? { ticketId: channel.ticketId } : {}),
      ...(channel.kind === 'agent' ? { consent: channel.consent } : {}),
      materials: input.materials.map((m) => m.key),
      ...(reused.length > 0 ? { reused: reused.map((r) => ({ key: r.key, source: r.source })) } : {}),
      ...(form ? { form: { filled: form.filled, prefilled: form.prefilled } } : {}),
    };
    const facts = { id, caseNo, applicantId: channel.applicantId, promisedDeadline: null, trackingNo: null };
    const source = channel.kind === 'counter' ? 'clerk_scan' : 'applicant';
    // The case, its files, the timeline event, the applicant's messages and the audit record: one statement.
    const [written] = await whenChanged<CaseRow, RecordsRead>(
      db,
      {
        table: cases,
        values: {
          id,
          caseNo,
          queryCode: newQueryCode(),
          implementationId: input.implementationId,
          versionId: guide.versionId,
          departmentId: guide.department.id,
          regionCode: guide.region.code,
          regionPath: guide.region.path,
          applicantId: channel.applicantId,
          channel: channel.kind,
          agentId: channel.kind === 'agent' ? channel.agentId : null,
          consent: channel.kind === 'agent' ? channel.consent : null,
          hallId,
          windowId: channel.kind === 'counter' ? channel.windowId : null,
          ticketId: channel.kind === 'counter' ? channel.ticketId : null,
          status: 'submitted',
          caseType: document.caseType,
          formData: input.formData,
          form: form?.kept ?? null,
          formFieldsFilled: form?.filled ?? null,
          formFieldsPrefilled: form?.prefilled ?? null,
          visits: visit ? 1 : 0,
          idempotencyKey: key,
          requestHash: fingerprint,
          submittedBy: submitterId,
          submittedAt: now,
        },
      },
      [
        {
          table: caseAttachments,
          name: 'files',
          rows: [
            ...attachmentRows(id, uploads, source, actorId),
            ...reusedAttachmentRows(id, reused, actorId),
          ],
        },
        {
          table: caseEvents,
          name: 'event',
          rows: [
            {
              caseId: id,
              action: 'submit',
              fromStatus: 'draft',
              toStatus: 'submitted',
              actorId,
              actorRole: audit.role ?? null,
              details,
              visit,
              at: now,
            },
          ],
        },
        {
          table: notifications,
          rows: applicantMessageRows(facts, phone, 'submit', document, details),
        },
        {
          table: auditRecords,
          rows: [
            auditRow(audit, {
              action: 'case.submit',
              targetType: 'case',
              targetId: id,
              summary: { caseNo, implementationId: input.implementationId, ...details },
            }),
          ],
        },
      ],
      changedCaseRecords({ events: 'event', files: 'files' }),
    );
    keepCase(written!.row);
    // Filing the application ends its draft (drafts exist for forms only).
    if (form) await deleteDraft(db, channel.applicantId, input.implementationId);
    return { row: written!.row, created: true, records: recordsFrom(written!.extra) };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const again = await filedAlready();
      if (again) return again;
    }
    throw error;
  }
}
