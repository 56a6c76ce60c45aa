/** Certificates as the API returns them (the server module's CertificateView and verification answer). */

export type CertificateStatus = 'issued' | 'changed' | 'revoked' | 'expired';
export type HolderKind = 'person' | 'company';

export type Certificate = {
  id: string;
  typeCode: string;
  typeName: string;
  number: string;
  holderKind: HolderKind;
  holderLogin: string;
  holderName: string;
  data: Record<string, string>;
  fields: { key: string; label: string; public: boolean }[];
  issuerId: string;
  issuerName: string;
  issuedAt: string;
  validUntil: string | null;
  status: CertificateStatus;
  verificationCode: string;
  caseId: string | null;
};

export type VerificationResult =
  | 'authentic'
  | 'revoked'
  | 'expired'
  | 'changed'
  | 'not_authentic'
  | 'not_found';

export type Verification = {
  result: VerificationResult;
  certificate?: {
    typeName: string;
    number: string;
    issuerName: string;
    issuedAt: string;
    validUntil: string | null;
    status: CertificateStatus;
    publicFields: { label: string; value: string }[];
  };
};

/** 用证授权: a case or an organisation may use one certificate until a day. */
export type Authorisation = {
  id: string;
  certificateId: string;
  caseId: string | null;
  caseNo?: string | null;
  matterName?: string | null;
  organisationId: string | null;
  organisationName?: string | null;
  expiresOn: string;
  createdAt: string;
  revokedAt: string | null;
  state?: AuthorisationState;
};

export type AuthorisationState = 'active' | 'expired' | 'revoked';
