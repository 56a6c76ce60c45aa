import { loadActor } from '../accounts/actors.ts';
import type { AuditContext } from '../audit/service.ts';
import type { Tx } from '../db/client.ts';
import { issueCertificate } from './issue.ts';
import { knownFieldValues } from './known-values.ts';
import type { CertificateView } from './types.ts';
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
 * department, data = what the platform knows of the type's fields (the case's form, the holder's
 * other certificates, the legal-entity or population base: see known-values.ts), plus the matter
 * and case number. Nothing is issued when the result is not a certificate or its type is not registered.
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
  const known = await knownFieldValues({
    db: tx,
    type,
    holder: { kind: applicant.kind, login: applicant.login },
    formData: concluded.formData,
  });
  const data: Record<string, string> = { matter: concluded.matterName, caseNo: concluded.caseNo, ...known };
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
