import type { Static } from 'typebox';
import type * as Api from './api.ts';

/**
 * Certificates (电子证照) as the API hands them out, as the server builds them: the static types of
 * the schemas in ./api.ts (the web app takes the same shapes as JSON, with Wire<…>).
 */

export type CertificateStatus = Static<typeof Api.CertificateStatus>;
export type HolderKind = Static<typeof Api.HolderKind>;
export type CertificateLayout = Static<typeof Api.CertificateLayout>;
export type CertificateView = Static<typeof Api.CertificateView>;
export type VerificationResult = Static<typeof Api.VerificationResult>;
export type PublicVerification = Static<typeof Api.PublicVerification>;
export type AuthorisationState = Static<typeof Api.AuthorisationState>;
export type AuthorisationView = Static<typeof Api.AuthorisationView>;
export type IssuedCertificate = Static<typeof Api.IssuedCertificate>;
