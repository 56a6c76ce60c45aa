import { and, desc, eq, isNotNull, notInArray } from 'drizzle-orm';
import type { Material } from '../../common/catalogue/guide.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { documentOf } from './rows.ts';
import { caseAttachments, cases } from './tables.ts';

/** A file handed in for an earlier case of the applicant that was accepted. */
export type EarlierAttachment = {
  attachmentId: string;
  materialKey: string;
  /** The material's name in the version the earlier case was filed under. */
  materialName: string;
  fileName: string;
  fileSha256: string;
  caseId: string;
  caseNo: string;
  implementationId: string;
  matterName: string;
  acceptedOn: string;
};

/** Statuses of an accepted case whose materials are not to be trusted again (a false promise). */
const NOT_REUSABLE = ['revoked'];
/** How many of the latest files are looked at. */
const LOOK_BACK = 300;

/**
 * The files of the applicant's earlier cases that were accepted (受理), newest first, each with its
 * material's name. Files that were themselves references (certificates, bases) carry no file and
 * are left out: those sources are asked afresh.
 */
export async function earlierAttachments(
  db: DbOrTx,
  applicantId: string,
  excludeCaseId?: string,
): Promise<EarlierAttachment[]> {
  const rows = await db
    .select({
      attachmentId: caseAttachments.id,
      materialKey: caseAttachments.materialKey,
      fileName: caseAttachments.fileName,
      fileSha256: caseAttachments.fileSha256,
      caseId: cases.id,
      caseNo: cases.caseNo,
      implementationId: cases.implementationId,
      versionId: cases.versionId,
      acceptedOn: cases.acceptedOn,
    })
    .from(caseAttachments)
    .innerJoin(cases, eq(cases.id, caseAttachments.caseId))
    .where(
      and(
        eq(cases.applicantId, applicantId),
        isNotNull(cases.acceptedOn),
        notInArray(cases.status, NOT_REUSABLE),
        isNotNull(caseAttachments.fileSha256),
      ),
    )
    .orderBy(desc(caseAttachments.createdAt), desc(caseAttachments.id))
    .limit(LOOK_BACK);
  const documents = new Map<string, Awaited<ReturnType<typeof documentOf>>>();
  for (const versionId of new Set(rows.map((r) => r.versionId))) {
    documents.set(versionId, await documentOf(db, versionId));
  }
  return rows
    .filter((r) => r.caseId !== excludeCaseId)
    .map((r) => {
      const doc = documents.get(r.versionId)!;
      return {
        attachmentId: r.attachmentId,
        materialKey: r.materialKey,
        materialName: doc.materials.find((m) => m.key === r.materialKey)?.name ?? '',
        fileName: r.fileName,
        fileSha256: r.fileSha256!,
        caseId: r.caseId,
        caseNo: r.caseNo,
        implementationId: r.implementationId,
        matterName: doc.name,
        acceptedOn: r.acceptedOn!,
      };
    });
}

/**
 * Papers made out for one application (申请书, 申请表, 承诺书, 委托书 …) are never taken over
 * from another case; what exists independently of the application (licences, contracts,
 * certificates, proofs) is.
 */
const PER_APPLICATION = /(申请书|申请表|登记表|审批表|承诺书|委托书|告知书|声明)/;

export function reusableFromEarlierCases(material: Material): boolean {
  return material.source !== 'applicant' || !PER_APPLICATION.test(material.name);
}

/**
 * The earlier files of the same material, newest first: the same name in any matter, or the same
 * key in an earlier case of the same matter (keys are stable across a matter's versions).
 */
export function earlierOf(
  material: Material,
  implementationId: string,
  earlier: EarlierAttachment[],
): EarlierAttachment[] {
  if (!reusableFromEarlierCases(material)) return [];
  return earlier.filter(
    (a) =>
      a.materialName === material.name ||
      (a.materialKey === material.key && a.implementationId === implementationId),
  );
}
