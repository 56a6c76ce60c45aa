/**
 * The certificates module (电子证照): what other modules use of it. It depends on no case: a case
 * it is asked about is seen through the `CaseSight` its caller hands in.
 */
export { grantAuthorisation, listAuthorisations, revokeAuthorisation } from './authorisations.ts';
export { type ConcludedCase, type ConclusionCertificate, certificateOnConclusion } from './case-issue.ts';
export {
  type CertificateTypeInput,
  importCertificateTypes,
  listCertificateTypes,
} from './certificate-types.ts';
export { holderCertificates, walletCertificates } from './holdings.ts';
export { type IssueOptions, issueCertificate, newVerificationCode } from './issue.ts';
export { activeSealKey, decryptPrivateKey, sealKeyById, useSealKeySecret } from './keys.ts';
export { authorisedCertificates } from './lookup.ts';
export { type ResultParticulars, resultParticulars } from './particulars.ts';
export { renderCertificatePdf } from './pdf.ts';
export { type CertificateRouteOptions, certificateRoutes, verifyUrl } from './routes.ts';
export {
  certificateAuthorisations,
  certificateNumberCounters,
  certificates,
  certificateTypes,
  sealKeys,
} from './tables.ts';
export type {
  AuthorisationView,
  CaseSight,
  CertificateField,
  CertificateLayout,
  CertificateStatus,
  CertificateView,
  HolderKind,
  IssuedCertificate,
  PublicVerification,
  VerificationResult,
} from './types.ts';
export { type ValidityRule, validityInMonths, validUntilFor } from './validity.ts';
export { type CertificateRow, findCertificateType, signedFormOf } from './views.ts';
