import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { maskIdNumber } from '../../common/identity.ts';
import { type AuditContext, recordAudit } from '../audit/service.ts';
import { todayInChina } from '../calendar/service.ts';
import type { Tx } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { findOrganisation } from '../organisations/service.ts';
import { activeSealKey, decryptPrivateKey } from './keys.ts';
import { signCertificate } from './signed.ts';
import { certificateNumberCounters, certificates } from './tables.ts';
import type { CertificateField, CertificateView, HolderKind } from './types.ts';
import { lastValidDayAfterMonths, validUntilFor } from './validity.ts';
import { type CertificateRow, findCertificateType, signedFormOf, viewOf } from './views.ts';

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

/** `${CODE}${region}${year}${seq6}`, e.g. YYZZ6101002026000001. */
async function drawNumber(tx: Tx, typeCode: string, regionCode: string, year: string): Promise<string> {
  const prefix = `${typeCode.toUpperCase()}${regionCode.slice(0, 6)}${year}`;
  const [row] = await tx
    .insert(certificateNumberCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({
      target: certificateNumberCounters.prefix,
      set: { last: sql`${certificateNumberCounters.last} + 1` },
    })
    .returning({ last: certificateNumberCounters.last });
  return `${prefix}${String(row!.last).padStart(6, '0')}`;
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

/** Current certificates of the holder that a new one of the type replaces (status → changed). */
async function superseded(
  tx: Tx,
  row: CertificateRow,
  supersedeBy: string[] | null,
): Promise<CertificateRow[]> {
  if (supersedeBy === null) return [];
  const current = await tx
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.typeId, row.typeId),
        eq(certificates.holderKind, row.holderKind),
        eq(certificates.holderLogin, row.holderLogin),
        eq(certificates.status, 'issued'),
      ),
    )
    .for('update');
  return current.filter((c) => supersedeBy.every((key) => (c.data[key] ?? '') === (row.data[key] ?? '')));
}

/**
 * Issues a certificate inside the caller's transaction, with its audit record: numbers it, gives
 * it a verification code and seals it with the issuing organisation's current key (SM2 over the
 * canonical form). A certificate it supersedes becomes 'changed'.
 */
export async function issueCertificate(options: IssueOptions): Promise<CertificateView> {
  const { tx, audit, holder } = options;
  const type = await findCertificateType(tx, options.typeName);
  if (!type) throw new AppError('certificate.type_unknown', { params: { type: options.typeName } });
  const organisation = await findOrganisation(tx, options.organisationId);
  if (!organisation) throw new AppError('resource.not_found', { params: { resource: '发证机构' } });
  const key = await activeSealKey(tx, audit, organisation.id);
  const now = options.now ?? new Date();
  const issuedOn = todayInChina(now);
  const validUntil = validUntilFor(issuedOn, { years: type.validityYears, months: type.validityMonths });
  const login = holder.login.trim().toUpperCase();
  const row: CertificateRow = {
    id: randomUUID(),
    typeId: type.id,
    typeCode: type.code,
    typeName: type.name,
    number: await drawNumber(tx, type.code, organisation.regionCode, issuedOn.slice(0, 4)),
    holderKind: holder.kind,
    holderLogin: login,
    holderName: holder.name.trim(),
    holderAccountId: holder.accountId ?? null,
    data: certificateData(type.fields as CertificateField[], options.data, {
      holderName: holder.name.trim(),
      holderLogin: login,
      issuer: organisation.name,
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
  const replaced = await superseded(tx, row, type.supersedeBy ?? null);
  row.supersedes = replaced[0]?.id ?? null;
  await tx.insert(certificates).values(row);
  if (replaced.length) {
    await tx
      .update(certificates)
      .set({ status: 'changed', supersededBy: row.id })
      .where(
        inArray(
          certificates.id,
          replaced.map((c) => c.id),
        ),
      );
  }
  await recordAudit(tx, audit, {
    action: 'certificate.issue',
    targetType: 'certificate',
    targetId: row.id,
    summary: {
      number: row.number,
      typeName: row.typeName,
      holderKind: row.holderKind,
      holderLogin: row.holderKind === 'person' ? maskIdNumber(login) : login,
      organisationId: organisation.id,
      keyId: key.id,
      caseId: row.caseId,
      ...(replaced.length ? { supersedes: replaced.map((c) => c.number) } : {}),
    },
  });
  return viewOf(row, type);
}
