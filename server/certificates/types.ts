/** What the rest of the platform sees of certificates (the module's contract). */

export type CertificateStatus = 'issued' | 'changed' | 'revoked' | 'expired';
export type HolderKind = 'person' | 'company';

/**
 * Where a field's value comes from when the issuer does not give it: the holder's name or
 * number (ID number / credit code), the issuing organisation, the issue date or the last valid day.
 */
export type FieldSource = 'holderName' | 'holderLogin' | 'issuer' | 'issuedOn' | 'validUntil';

/** One field of a certificate type. `public` fields are shown on the public verification page. */
export type CertificateField = {
  key: string;
  label: string;
  public: boolean;
  source?: FieldSource;
  /** How the field is masked where it is shown publicly. */
  mask?: 'id_number' | 'name';
};

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
  /** Layout hints of the type (given by this module; optional for views built elsewhere). */
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
