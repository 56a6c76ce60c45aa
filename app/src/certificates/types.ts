import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/certificates/api.ts';

/** The certificates API's shapes as the app receives and sends them (common/certificates/api.ts). */

export type CertificateStatus = Wire<typeof Api.CertificateStatus>;
export type HolderKind = Wire<typeof Api.HolderKind>;
export type CertificateView = Wire<typeof Api.CertificateView>;
export type VerificationResult = Wire<typeof Api.VerificationResult>;
export type PublicVerification = Wire<typeof Api.PublicVerification>;
export type AuthorisationState = Wire<typeof Api.AuthorisationState>;
export type AuthorisationView = Wire<typeof Api.AuthorisationView>;
export type NewAuthorisation = Wire<typeof Api.NewAuthorisation>;
export type IssuedCertificate = Wire<typeof Api.IssuedCertificate>;
