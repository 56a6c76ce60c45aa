import type { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import { CASE_ACTIONS, CASE_STATUS_LABELS, type CaseStatus } from '../../common/cases/state-machine.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { type MediaType, openFile, type Scanner, storeFile } from '../files/index.ts';
import { type CaseRow, caseNotFound, documentOf } from './rows.ts';
import { caseAttachments, cases } from './tables.ts';

export type AttachmentRow = typeof caseAttachments.$inferSelect;
export type AttachmentSource = 'applicant' | 'clerk_scan';

const attachmentNotFound = () => new AppError('resource.not_found', { params: { resource: '材料' } });

const GAP_STATUSES: readonly string[] = CASE_ACTIONS.supply_gap.from;

/**
 * Which materials may be handed in now: any material while the case awaits a supplement
 * (补正) — or, for the clerk at the counter, while it awaits acceptance — and the missing
 * 容缺 materials while any are still open. Null when the case takes no materials.
 */
function openKeys(row: CaseRow, source: AttachmentSource): 'any' | string[] | null {
  if (row.status === 'needs_supplement') return 'any';
  if (row.status === 'submitted' && source === 'clerk_scan') return 'any';
  const gaps = row.gaps as string[];
  if (gaps.length > 0 && GAP_STATUSES.includes(row.status)) return gaps;
  return null;
}

function checkOpen(row: CaseRow, source: AttachmentSource, materialKey: string): void {
  const keys = openKeys(row, source);
  if (keys === null) {
    const status = row.status as CaseStatus;
    throw new AppError('case.materials_closed', {
      params: { status: CASE_STATUS_LABELS[status], statusEn: status },
    });
  }
  if (keys !== 'any' && !keys.includes(materialKey)) {
    throw new AppError('validation.field', {
      field: 'materialKey',
      params: {
        problem: `不是待补齐的容缺材料（待补齐：${keys.join('、')}）`,
        problemEn: `is not one of the missing materials (${keys.join(', ')})`,
      },
    });
  }
}

export function attachmentView(a: AttachmentRow) {
  return {
    id: a.id,
    materialKey: a.materialKey,
    fileName: a.fileName,
    sha256: a.fileSha256,
    source: a.source,
    /** Where a reused material came from (certificate, earlier case, base); null for an upload. */
    reference: a.reference as Record<string, unknown> | null,
    uploadedBy: a.uploadedBy,
    at: a.createdAt,
  };
}

/**
 * Hands in one material of a case as a file (PDF, JPEG, PNG; the type from the content): once
 * the case is known to take the material, the file is stored (a request body is streamed into
 * the store as it arrives, never held in memory whole) and its upload audited with the uploader,
 * then the attachment is recorded by the file's hash and audited in one transaction that checks
 * again, under the case's lock, that the case still takes the material. The case's
 * version does not change: the supplement or gap action that follows refers to the
 * attachment by its id.
 */
export async function attachMaterial(options: {
  db: Db;
  audit: AuditContext;
  dataDir: string;
  row: CaseRow;
  materialKey: string;
  source: AttachmentSource;
  content: Buffer | Readable;
  fileName: string;
  maxBytes?: number;
  scanner?: Scanner;
}): Promise<ReturnType<typeof attachmentView> & { mediaType: MediaType; size: number }> {
  const { db, audit, row, materialKey, source } = options;
  const document = await documentOf(db, row.versionId);
  if (!document.materials.some((m) => m.key === materialKey)) {
    throw new AppError('validation.field', {
      field: 'materialKey',
      params: { problem: '不是该事项的申请材料', problemEn: 'is not a material of this matter' },
    });
  }
  checkOpen(row, source, materialKey);
  const fileName = options.fileName.trim().slice(0, 200) || `${materialKey}`;
  const stored = await storeFile({
    db,
    dataDir: options.dataDir,
    content: options.content,
    declaredName: fileName,
    maxBytes: options.maxBytes,
    scanner: options.scanner,
    audit,
  });
  const created = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(cases).where(eq(cases.id, row.id)).for('update');
    if (!locked) throw caseNotFound();
    checkOpen(locked, source, materialKey);
    const [attachment] = await tx
      .insert(caseAttachments)
      .values({
        caseId: row.id,
        materialKey,
        fileSha256: stored.sha256,
        fileName,
        source,
        uploadedBy: audit.actor?.accountId ?? null,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: 'case.attach_material',
      targetType: 'case',
      targetId: row.id,
      summary: {
        caseNo: row.caseNo,
        attachmentId: attachment!.id,
        materialKey,
        fileName,
        sha256: stored.sha256,
        source,
      },
    });
    return attachment!;
  });
  return { ...attachmentView(created), mediaType: stored.mediaType, size: stored.size };
}

/** The attachments of a case named by id; an id that is not one of its attachments is a 400 naming it. */
export async function attachmentsOf(
  db: DbOrTx,
  caseId: string,
  ids: string[],
  field = 'attachmentIds',
): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, caseId), inArray(caseAttachments.id, ids)));
  ids.forEach((id, i) => {
    if (!rows.some((r) => r.id === id)) {
      throw new AppError('validation.field', {
        field: `${field}/${i}`,
        params: { problem: '不是本办件的材料', problemEn: 'is not an attachment of this case' },
      });
    }
  });
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/**
 * One attachment of the case and its file opened as a stream (files/service.ts openFile: checked
 * against its hash on the way); another case's attachment is the same 404 as none.
 */
export async function readAttachment(options: {
  db: Db;
  dataDir: string;
  caseId: string;
  attachmentId: string;
}) {
  const [attachment] = await options.db
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.id, options.attachmentId), eq(caseAttachments.caseId, options.caseId)));
  // A material taken from an e-certificate or a base is a reference without a file.
  if (!attachment?.fileSha256) throw attachmentNotFound();
  const file = await openFile({ db: options.db, dataDir: options.dataDir, sha256: attachment.fileSha256 });
  return { attachment, file };
}
