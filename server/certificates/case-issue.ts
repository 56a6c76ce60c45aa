import { loadActor } from '../accounts/actors.ts';
import type { AuditContext } from '../audit/service.ts';
import type { Tx } from '../db/client.ts';
import { issueCertificate } from './issue.ts';
import type { CertificateField, CertificateView } from './types.ts';
import { findCertificateType } from './views.ts';

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
 * department, data = the form fields of the case that the type carries, plus the matter and case
 * number. Nothing is issued when the result is not a certificate or its type is not registered.
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
  const applicant = await loadActor(tx, concluded.applicantId);
  if (!applicant || (applicant.kind !== 'person' && applicant.kind !== 'company')) return null;
  const data: Record<string, string> = { matter: concluded.matterName, caseNo: concluded.caseNo };
  for (const field of type.fields as CertificateField[]) {
    const value = concluded.formData[field.key];
    if (typeof value === 'string' || typeof value === 'number') data[field.key] = String(value);
  }
  return issueCertificate({
    tx,
    audit,
    typeName: type.name,
    organisationId: concluded.departmentId,
    holder: {
      kind: applicant.kind,
      login: applicant.login,
      name: applicant.displayName,
      accountId: applicant.accountId,
    },
    data,
    caseId: concluded.id,
  });
}
