import { Type } from 'typebox';
import { Id, IsoDate, ListOf, Nullable } from '../api.ts';

/** The API shapes of certificates (电子证照): the views the server builds, 用证授权 and revocation bodies. */

const strict = { additionalProperties: false } as const;

export const CertificateStatus = Type.Enum(['issued', 'changed', 'revoked', 'expired']);
export const HolderKind = Type.Enum(['person', 'company']);

/** Hints for the rendered document (the PDF). */
export const CertificateLayout = Type.Object({
  /** Title printed on the document, the type name when not given. */
  title: Type.Optional(Type.String()),
  subtitle: Type.Optional(Type.String()),
  orientation: Type.Optional(Type.Enum(['portrait', 'landscape'])),
  /** Main colour of the border and title (CSS hex). */
  accent: Type.Optional(Type.String()),
  /** Whether the national emblem (国徽) heads the document. */
  emblem: Type.Optional(Type.Boolean()),
  /** Field keys printed large on the left, the rest in the table. */
  prominent: Type.Optional(Type.Array(Type.String())),
});

/** What every view of a certificate names: its type, number, holder, issuer, dates, status and case. */
const CertificateHeading = {
  id: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  /** 证照编号 */
  number: Type.String(),
  holderKind: HolderKind,
  holderLogin: Type.String(),
  holderName: Type.String(),
  /** Issuing organisation. */
  issuerId: Type.String(),
  issuerName: Type.String(),
  /** ISO timestamp. */
  issuedAt: Type.String(),
  /** ISO date, null for no limit. */
  validUntil: Nullable(Type.String()),
  status: CertificateStatus,
  caseId: Nullable(Type.String()),
};

export const CertificateView = Type.Object({
  ...CertificateHeading,
  /** The certificate fields by key. */
  data: Type.Record(Type.String(), Type.String()),
  /** From the type, in display order. */
  fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), public: Type.Boolean() })),
  /** In the QR code: <origin>/verify/<verificationCode> */
  verificationCode: Type.String(),
  /** Layout hints of the type (given by the certificates module; optional for views built elsewhere). */
  layout: Type.Optional(CertificateLayout),
});

export const CertificateList = ListOf(CertificateView);

export const VerificationResult = Type.Enum([
  'authentic',
  'revoked',
  'expired',
  'changed',
  'not_authentic',
  'not_found',
]);

/** What the public verification answers: only public fields, masked where the type says so. */
export const PublicVerification = Type.Object({
  result: VerificationResult,
  certificate: Type.Optional(
    Type.Object({
      typeName: Type.String(),
      number: Type.String(),
      issuerName: Type.String(),
      issuedAt: Type.String(),
      validUntil: Nullable(Type.String()),
      status: CertificateStatus,
      publicFields: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
    }),
  ),
});

export const AuthorisationState = Type.Enum(['active', 'expired', 'revoked']);

/** 用证授权 as the holder sees it: a case or an organisation may use one certificate until a day. */
export const AuthorisationView = Type.Object({
  id: Type.String(),
  certificateId: Type.String(),
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  /** Last day (ISO date, China time). */
  expiresOn: Type.String(),
  createdAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  state: AuthorisationState,
});

/** POST /api/me/certificates/:id/authorisations: to a case or to an organisation, until a day. */
export const NewAuthorisation = Type.Object(
  { caseId: Type.Optional(Id), organisationId: Type.Optional(Id), expiresOn: IsoDate },
  strict,
);

/** One issued certificate as staff see it in the list (a person's ID number masked). */
export const IssuedCertificate = Type.Object({
  ...CertificateHeading,
  revokedAt: Nullable(Type.String()),
  revokeReason: Nullable(Type.String()),
  /** Whether the caller may revoke it (the head of the issuing department). */
  canRevoke: Type.Boolean(),
});

/** A revocation (撤销) names its reason. */
export const RevokeBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, strict);

/** GET /api/certificates: the issued certificates in the caller's reach, by status and type. */
export const CertificateListQuery = Type.Object(
  {
    status: Type.Optional(CertificateStatus),
    typeCode: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9]{1,15}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  strict,
);

/** GET /api/certificates/lookup: a holder by ID number or unified social credit code. */
export const HolderLookupQuery = Type.Object(
  { holderKind: HolderKind, holderLogin: Type.String({ minLength: 1, maxLength: 40 }) },
  strict,
);

/** GET /api/certificates/keys: the seal keys of one issuer, or of all. */
export const SealKeysQuery = Type.Object({ organisationId: Type.Optional(Id) }, strict);

/** POST /api/certificates/keys/rotate: the issuer whose seal key is replaced. */
export const RotateSealKeyBody = Type.Object({ organisationId: Id }, strict);

/** POST /api/verify/file: a downloaded certificate file, checked as it is (its shape is the check's work). */
export const CertificateFileBody = Type.Object({}, { additionalProperties: true });
