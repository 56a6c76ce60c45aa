import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { maskIdNumber } from '../../common/identity.ts';
import { todayInChina } from '../calendar/index.ts';
import {
  type CertificateFile,
  canonicalJson,
  FILE_FORMAT,
  SM2_USER_ID,
  signatureValid,
} from '../core/crypto/signed.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { sealKeyById } from './keys.ts';
import { certificates } from './tables.ts';
import type { CertificateField, PublicVerification } from './types.ts';
import { type CertificateRow, currentStatus, findCertificate, signedFormOf, typesById } from './views.ts';

/** 李*兰, 王*: the first and last characters of a name. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

function masked(field: CertificateField, value: string): string {
  if (field.mask === 'id_number') return maskIdNumber(value);
  if (field.mask === 'name') return maskName(value);
  return value;
}

const VERIFIED_LIMIT = 50_000;
/** Digests of (signed content, signature, public key) whose SM2 signature verified. */
const verified = new Set<string>();

/**
 * Whether the stored certificate still carries a valid seal, checked on every call against the row
 * as it is now. SM2 verification is a pure function of the signed content, the signature and the
 * key, so a success is remembered by the digest of the three: any change to the row gives another
 * digest and is verified afresh.
 */
export async function sealIntact(db: DbOrTx, row: CertificateRow): Promise<boolean> {
  const key = await sealKeyById(db, row.keyId);
  if (!key || key.organisationId !== row.organisationId) return false;
  const issued = row.issuedAt.getTime();
  if (issued < key.validFrom.getTime() || (key.validTo && issued > key.validTo.getTime())) return false;
  const signed = signedFormOf(row);
  const digest = createHash('sha256')
    .update(canonicalJson(signed))
    .update('\n')
    .update(row.signature)
    .update('\n')
    .update(key.publicKey)
    .digest('hex');
  if (verified.has(digest)) return true;
  if (!signatureValid(signed, row.signature, key.publicKey)) return false;
  if (verified.size >= VERIFIED_LIMIT) verified.clear();
  verified.add(digest);
  return true;
}

const CODE_PATTERN = /^[A-Z2-9]{20}$/;

/**
 * The public verification behind the QR code. An unknown or malformed code is not_found; a
 * certificate whose stored content no longer matches its seal is not_authentic, with nothing
 * else said; otherwise its status and only its public fields (masked where the type says).
 */
export async function verifyByCode(options: { db: DbOrTx; code: string }): Promise<PublicVerification> {
  const { db } = options;
  const code = options.code.trim().toUpperCase();
  if (!CODE_PATTERN.test(code)) return { result: 'not_found' };
  const [row] = await db.select().from(certificates).where(eq(certificates.verificationCode, code));
  if (!row) return { result: 'not_found' };
  if (!(await sealIntact(db, row))) return { result: 'not_authentic' };
  const type = (await typesById(db, [row.typeId])).get(row.typeId);
  const status = currentStatus(row, todayInChina());
  const fields = (type?.fields ?? []) as CertificateField[];
  return {
    result: status === 'issued' ? 'authentic' : status,
    certificate: {
      typeName: row.typeName,
      number: row.number,
      issuerName: row.issuerName,
      issuedAt: row.issuedAt.toISOString(),
      validUntil: row.validUntil,
      status,
      publicFields: fields
        .filter((f) => f.public && row.data[f.key])
        .map((f) => ({ label: f.label, value: masked(f, row.data[f.key]!) })),
    },
  };
}

/** The signed certificate file (JSON) for offline verification with `npm run cert:verify`. */
export async function certificateFile(options: { db: DbOrTx; id: string }): Promise<CertificateFile> {
  const row = await findCertificate(options.db, options.id);
  return {
    format: FILE_FORMAT,
    certificate: signedFormOf(row),
    keyId: row.keyId,
    algorithm: 'SM2-SM3',
    userId: SM2_USER_ID,
    signature: row.signature,
  };
}
