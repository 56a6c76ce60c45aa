import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { maskIdNumber } from '../../common/identity.ts';
import { type AuditContext, type AuditEntry, recordAudit } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import { signCertificate } from '../core/crypto/signed.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { drawIssuer, type Issuer } from './issuer.ts';
import { decryptPrivateKey } from './keys.ts';
import { certificates } from './tables.ts';
import type { CertificateField, CertificateView, HolderKind } from './types.ts';
import { lastValidDayAfterMonths, validUntilFor } from './validity.ts';
import {
  type CertificateRow,
  type CertificateTypeRow,
  findCertificateType,
  signedFormOf,
  viewOf,
} from './views.ts';

export type IssueOptions = {
  tx: Tx;
  audit: AuditContext;
  /** The type's name or one of its aliases. */
  typeName: string;
  organisationId: string;
  holder: { kind: HolderKind; login: string; name: string; accountId?: string | null };
  data: Record<string, string>;
  caseId?: string | null;
  /** The moment of issue (tests); now when not given. */
  now?: Date;
};

/** Letters and digits that cannot be mistaken for one another. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 20 characters (100 bits): the code in the QR link cannot be guessed. */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < 20; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The last valid day of a certificate valid for `years` years (see validity.ts for months). */
export function lastValidDay(issuedOn: string, years: number): string {
  return lastValidDayAfterMonths(issuedOn, years * 12);
}

/** The given values (trimmed, empty left out) completed from the holder, issuer and dates. */
function certificateData(
  fields: CertificateField[],
  given: Record<string, string>,
  facts: Record<NonNullable<CertificateField['source']>, string>,
): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(given)) {
    if (typeof value === 'string' && value.trim()) data[key] = value.trim();
  }
  for (const field of fields) {
    if (!data[field.key] && field.source) data[field.key] = facts[field.source];
  }
  return data;
}

/**
 * Inserts the certificate and, in the same statement, marks the holder's current certificates of
 * the type that it replaces as 'changed' (superseded by it): with `supersedeBy` [] any of them,
 * with [keys] those with the same values of these fields, with null none. The new certificate
 * records the newest one it replaces. Gives those replaced, newest first.
 */
async function insertSuperseding(
  tx: Tx,
  row: CertificateRow,
  supersedeBy: string[] | null,
): Promise<{ id: string; number: string }[]> {
  if (supersedeBy === null) {
    await tx.insert(certificates).values(row);
    return [];
  }
  const replaced = tx.$with('replaced').as(
    tx
      .update(certificates)
      .set({ status: 'changed', supersededBy: row.id })
      .where(
        and(
          eq(certificates.typeId, row.typeId),
          eq(certificates.holderKind, row.holderKind),
          eq(certificates.holderLogin, row.holderLogin),
          eq(certificates.status, 'issued'),
          ...supersedeBy.map(
            (key) => sql`coalesce(${certificates.data} ->> ${key}::text, '') = ${row.data[key] ?? ''}::text`,
          ),
        ),
      )
      .returning({ id: certificates.id, number: certificates.number, issuedAt: certificates.issuedAt }),
  );
  const [inserted] = await tx
    .with(replaced)
    .insert(certificates)
    .values({
      ...row,
      supersedes: sql`(SELECT r.id FROM ${replaced} r ORDER BY r.issued_at DESC, r.number DESC LIMIT 1)`,
    })
    .returning({
      replaced: sql<{ id: string; number: string }[]>`(SELECT coalesce(json_agg(json_build_object(
        'id', r.id, 'number', r.number) ORDER BY r.issued_at DESC, r.number DESC), '[]') FROM ${replaced} r)`,
    });
  return inserted!.replaced;
}

/** A certificate numbered, filled in and sealed, not yet written; with its type. */
export type CertificateDraft = { row: CertificateRow; type: CertificateTypeRow };

/**
 * Numbers a certificate, gives it a verification code and seals it with the issuing
 * organisation's current key (SM2 over the canonical form); writes nothing but the number drawn.
 * Two statements at most: the type comes from the kept catalogue (type-cache.ts), the
 * organisation, number and key in one (issuer.ts).
 */
export async function draftCertificate(
  db: DbOrTx,
  audit: AuditContext,
  options: Omit<IssueOptions, 'tx' | 'audit'>,
): Promise<CertificateDraft> {
  const type = await findCertificateType(db, options.typeName);
  if (!type) throw new AppError('certificate.type_unknown', { params: { type: options.typeName } });
  const now = options.now ?? new Date();
  const issuer = await drawIssuer(db, audit, {
    organisationId: options.organisationId,
    typeCode: type.code,
    year: todayInChina(now).slice(0, 4),
  });
  return sealDraft({ type, issuer, ...options, now });
}

/** The draft of a certificate of `type` by an issuer already drawn (its number and key): no database. */
export function sealDraft(
  options: Pick<IssueOptions, 'holder' | 'data' | 'caseId'> & {
    type: CertificateTypeRow;
    issuer: Issuer;
    now: Date;
  },
): CertificateDraft {
  const { type, holder, now } = options;
  const { organisation, number, key } = options.issuer;
  const issuedOn = todayInChina(now);
  const validUntil = validUntilFor(issuedOn, { years: type.validityYears, months: type.validityMonths });
  const login = holder.login.trim().toUpperCase();
  const row: CertificateRow = {
    id: randomUUID(),
    typeId: type.id,
    typeCode: type.code,
    typeName: type.name,
    number,
    holderKind: holder.kind,
    holderLogin: login,
    holderName: holder.name.trim(),
    holderAccountId: holder.accountId ?? null,
    data: certificateData(type.fields as CertificateField[], options.data, {
      holderName: holder.name.trim(),
      holderLogin: login,
      issuer: organisation.name,
      supervisor: options.issuer.supervisor,
      issuedOn,
      validUntil: validUntil ?? '长期',
    }),
    organisationId: organisation.id,
    issuerName: organisation.name,
    issuedAt: now,
    validUntil,
    status: 'issued',
    verificationCode: newVerificationCode(),
    keyId: key.id,
    signature: '',
    caseId: options.caseId ?? null,
    supersedes: null,
    supersededBy: null,
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
    createdAt: now,
  };
  const privateKey = decryptPrivateKey(key.privateKeyEncrypted, key.id, key.organisationId);
  row.signature = signCertificate(signedFormOf(row), privateKey, key.publicKey);
  return { row, type };
}

/**
 * Of the holder's issued certificates of the draft's type (newest first), those the draft
 * replaces: with the type's `supersedeBy` [] all of them, with [keys] those with the same values
 * of these fields, with null none. The same rule as insertSuperseding, applied to rows read.
 */
export function supersededAmong<C extends { data: Record<string, string> }>(
  draft: CertificateDraft,
  current: C[],
): C[] {
  const keys = draft.type.supersedeBy ?? null;
  if (keys === null) return [];
  return current.filter((c) => keys.every((key) => (c.data[key] ?? '') === (draft.row.data[key] ?? '')));
}

/** The audit record of an issue, naming the certificates it supersedes (newest first). */
export function issueAuditEntry(draft: CertificateDraft, replaced: { number: string }[]): AuditEntry {
  const { row } = draft;
  return {
    action: 'certificate.issue',
    targetType: 'certificate',
    targetId: row.id,
    summary: {
      number: row.number,
      typeName: row.typeName,
      holderKind: row.holderKind,
      holderLogin: row.holderKind === 'person' ? maskIdNumber(row.holderLogin) : row.holderLogin,
      organisationId: row.organisationId,
      keyId: row.keyId,
      caseId: row.caseId,
      ...(replaced.length ? { supersedes: replaced.map((c) => c.number) } : {}),
    },
  };
}

/**
 * Issues a certificate inside the caller's transaction, with its audit record (draftCertificate).
 * A certificate it supersedes becomes 'changed'. The certificate with the change of those it
 * supersedes is one statement, then the audit record.
 */
export async function issueCertificate(options: IssueOptions): Promise<CertificateView> {
  const { tx, audit } = options;
  const draft = await draftCertificate(tx, audit, options);
  const replaced = await insertSuperseding(tx, draft.row, draft.type.supersedeBy ?? null);
  draft.row.supersedes = replaced[0]?.id ?? null;
  await recordAudit(tx, audit, issueAuditEntry(draft, replaced));
  return viewOf(draft.row, draft.type);
}
