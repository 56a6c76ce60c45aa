import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { loadActor } from '../accounts/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { type PrefillFound, prefillMaterials, type ReuseSource } from './prefill.ts';

/** A reused material as it is recorded: a reference (and the earlier file, for an earlier case's). */
export type ReusedAttachment = {
  key: string;
  source: ReuseSource;
  fileSha256: string | null;
  fileName: string;
  reference: Record<string, unknown>;
};

function referenceOf(found: PrefillFound): Record<string, unknown> {
  switch (found.source) {
    case 'e_certificate':
      return { certificateId: found.ref, ...found.certificate };
    case 'shared_case':
      return {
        attachmentId: found.ref,
        caseId: found.earlierCase.caseId,
        caseNo: found.earlierCase.caseNo,
        matterName: found.earlierCase.matterName,
        acceptedOn: found.earlierCase.acceptedOn,
      };
    case 'registry':
      return { registry: found.registry, label: found.label, fields: found.fields };
  }
}

/**
 * Checks the reused materials of a submission against what the prefill finds now for the same
 * applicant — a certificate revoked since, or another applicant's file, is not taken — and
 * returns what to record. A material that is no longer there is a 409 naming it.
 */
export async function resolveReusedMaterials(options: {
  db: Db;
  document: ImplementationDocument;
  implementationId: string;
  applicantId: string;
  materials: { key: string; reuse: ReuseSource; ref: string }[];
  /** Staff submitting for the applicant: certificates count only where authorised to them. */
  staff?: Actor | null;
}): Promise<ReusedAttachment[]> {
  const { db, document, materials } = options;
  if (materials.length === 0) return [];
  const applicant = await loadActor(db, options.applicantId);
  if (!applicant || applicant.kind === 'staff') {
    throw new AppError('resource.not_found', { params: { resource: '申请人' } });
  }
  const prefill = await prefillMaterials({
    db,
    document,
    implementationId: options.implementationId,
    holder: { kind: applicant.kind, login: applicant.login },
    applicantId: applicant.accountId,
    staff: options.staff ?? null,
  });
  const seen = new Set<string>();
  return materials.map((m, i) => {
    const item = prefill.items.find((it) => it.key === m.key);
    const found = item?.options.find((o) => o.source === m.reuse && o.ref === m.ref);
    if (!found || seen.has(m.key)) {
      throw new AppError('case.prefill_not_current', {
        field: `materials/${i}`,
        params: { material: item?.name ?? m.key },
      });
    }
    seen.add(m.key);
    return {
      key: m.key,
      source: found.source,
      fileSha256: found.source === 'shared_case' ? found.earlierCase.sha256 : null,
      fileName: found.source === 'shared_case' ? found.earlierCase.fileName : found.label,
      reference: referenceOf(found),
    };
  });
}

/** The attachment rows recording reused materials of a case. */
export function reusedAttachmentRows(caseId: string, reused: ReusedAttachment[], uploadedBy: string | null) {
  return reused.map((r) => ({
    caseId,
    materialKey: r.key,
    fileSha256: r.fileSha256,
    fileName: r.fileName,
    source: r.source,
    reference: r.reference,
    uploadedBy,
  }));
}
