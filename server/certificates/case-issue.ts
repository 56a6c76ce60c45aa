import type { AuditContext } from '../audit/service.ts';
import type { Tx } from '../db/client.ts';
import { caseHolder } from './holder.ts';
import { issueCertificate } from './issue.ts';
import { knownFieldValues, needsHeldCertificates } from './known-values.ts';
import type { CertificateView, HolderKind } from './types.ts';
import { findCertificateType } from './views.ts';

const HOLDER_KINDS: HolderKind[] = ['person', 'company'];

/** What a concluded case tells the certificates module. */
export type ConcludedCase = {
  id: string;
  caseNo: string;
  applicantId: string;
  departmentId: string;
  formData: Record<string, unknown>;
  matterName: string;
  result: { type: string; name: string };
};

/**
 * When a case concludes with a certificate result (办结出证), the certificate of the type named
 * by the result is issued in the case's transaction: holder = the applicant, issuer = the case's
 * department, data = what the platform knows of the type's fields (the case's form, the holder's
 * other certificates, the legal-entity or population base: see known-values.ts), plus the matter
 * and case number. Nothing is issued when the result is not a certificate or its type is not registered,
 * or when the applicant's account is no person's or company's active account. Statements: the holder
 * with its other certificates (holder.ts), a base record only when the form and those leave a holder
 * fact open, then the issue (issue.ts).
 */
export async function issueForConcludedCase(options: {
  tx: Tx;
  audit: AuditContext;
  concluded: ConcludedCase;
}): Promise<CertificateView | null> {
  const { tx, audit, concluded } = options;
  if (concluded.result.type !== 'certificate') return null;
  const type = await findCertificateType(tx, concluded.result.name);
  if (!type) return null;
  const found = await caseHolder(tx, {
    accountId: concluded.applicantId,
    typeId: type.id,
    heldFor: HOLDER_KINDS.filter((kind) => needsHeldCertificates(type, kind, concluded.formData)),
  });
  if (!found) return null;
  const { holder, held } = found;
  const known = await knownFieldValues({
    db: tx,
    type,
    holder: { kind: holder.kind, login: holder.login },
    formData: concluded.formData,
    held,
  });
  const data: Record<string, string> = { matter: concluded.matterName, caseNo: concluded.caseNo, ...known };
  return issueCertificate({
    tx,
    audit,
    typeName: type.name,
    organisationId: concluded.departmentId,
    holder,
    data,
    caseId: concluded.id,
  });
}
