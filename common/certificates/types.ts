/** Certificates (电子证照) as the API hands them out: the server builds these views, the web app reads them. */

export type CertificateStatus = 'issued' | 'changed' | 'revoked' | 'expired';
export type HolderKind = 'person' | 'company';

/** Hints for the rendered document (the PDF). */
export type CertificateLayout = {
  /** Title printed on the document, the type name when not given. */
  title?: string;
  subtitle?: string;
  orientation?: 'portrait' | 'landscape';
  /** Main colour of the border and title (CSS hex). */
  accent?: string;
  /** Whether the national emblem (国徽) heads the document. */
  emblem?: boolean;
  /** Field keys printed large on the left, the rest in the table. */
  prominent?: string[];
};

export type CertificateView = {
  id: string;
  typeCode: string;
  typeName: string;
  /** 证照编号 */
  number: string;
  holderKind: HolderKind;
  holderLogin: string;
  holderName: string;
  /** The certificate fields by key. */
  data: Record<string, string>;
  /** From the type, in display order. */
  fields: { key: string; label: string; public: boolean }[];
  /** Issuing organisation. */
  issuerId: string;
  issuerName: string;
  /** ISO timestamp. */
  issuedAt: string;
  /** ISO date, null for no limit. */
  validUntil: string | null;
  status: CertificateStatus;
  /** In the QR code: <origin>/verify/<verificationCode> */
  verificationCode: string;
  caseId: string | null;
  /** Layout hints of the type (given by the certificates module; optional for views built elsewhere). */
  layout?: CertificateLayout;
};

export type VerificationResult =
  | 'authentic'
  | 'revoked'
  | 'expired'
  | 'changed'
  | 'not_authentic'
  | 'not_found';

/** What the public verification answers: only public fields, masked where the type says so. */
export type PublicVerification = {
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

export type AuthorisationState = 'active' | 'expired' | 'revoked';

/** 用证授权 as the holder sees it: a case or an organisation may use one certificate until a day. */
export type AuthorisationView = {
  id: string;
  certificateId: string;
  caseId: string | null;
  caseNo: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** Last day (ISO date, China time). */
  expiresOn: string;
  createdAt: string;
  revokedAt: string | null;
  state: AuthorisationState;
};

/** One issued certificate as staff see it in the list (a person's ID number masked). */
export type IssuedCertificate = {
  id: string;
  number: string;
  typeCode: string;
  typeName: string;
  holderKind: HolderKind;
  holderLogin: string;
  holderName: string;
  issuerId: string;
  issuerName: string;
  issuedAt: string;
  validUntil: string | null;
  status: CertificateStatus;
  caseId: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  /** Whether the caller may revoke it (the head of the issuing department). */
  canRevoke: boolean;
};
