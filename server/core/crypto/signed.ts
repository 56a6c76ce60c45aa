/**
 * The signed form of a certificate and its offline file, SM2 signing and verification.
 * No database here: the offline verifier (`npm run cert:verify`) uses this file alone.
 */
import { sm2 } from 'sm-crypto-v2';

/** The SM2 user id (ID_A) of GB/T 35276 used for every signature. */
export const SM2_USER_ID = '1234567812345678';
const SM2_OPTIONS = { hash: true, der: true, userId: SM2_USER_ID } as const;

export const SIGNED_FORMAT = 'yiwang-certificate/1';
export const FILE_FORMAT = 'yiwang-certificate-file/1';

/** Everything the seal vouches for. */
export type SignedCertificate = {
  format: typeof SIGNED_FORMAT;
  id: string;
  typeCode: string;
  typeName: string;
  number: string;
  holder: { kind: string; login: string; name: string };
  issuer: { id: string; name: string };
  data: Record<string, string>;
  issuedAt: string;
  validUntil: string | null;
  verificationCode: string;
  keyId: string;
};

/** A certificate file for offline verification. */
export type CertificateFile = {
  format: typeof FILE_FORMAT;
  certificate: SignedCertificate;
  keyId: string;
  algorithm: 'SM2-SM3';
  userId: string;
  /** DER-encoded SM2 signature in hex. */
  signature: string;
};

/** A published public key (GET /api/certificates/keys). */
export type PublishedKey = {
  keyId: string;
  organisationId: string;
  organisationName: string;
  algorithm: 'SM2';
  /** Uncompressed point in hex (04‖x‖y). */
  publicKey: string;
  publicKeyPem: string;
  validFrom: string;
  validTo: string | null;
};

/** JSON with object keys sorted at every level (jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function generateSealKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = sm2.generateKeyPairHex();
  return { publicKey, privateKey };
}

export function signCertificate(
  certificate: SignedCertificate,
  privateKey: string,
  publicKey: string,
): string {
  return sm2.doSignature(canonicalJson(certificate), privateKey, { ...SM2_OPTIONS, publicKey });
}

export function signatureValid(
  certificate: SignedCertificate,
  signature: string,
  publicKey: string,
): boolean {
  if (!/^[0-9a-f]+$/i.test(signature) || !/^04[0-9a-f]{128}$/i.test(publicKey)) return false;
  try {
    return sm2.doVerifySignature(canonicalJson(certificate), signature, publicKey, SM2_OPTIONS);
  } catch {
    return false;
  }
}

/** SubjectPublicKeyInfo of an SM2 key (id-ecPublicKey with the SM2 curve), PEM: for openssl. */
export function publicKeyPem(publicKey: string): string {
  const der = Buffer.from(`3059301306072a8648ce3d020106082a811ccf5501822d034200${publicKey}`, 'hex');
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

export type FileVerification =
  | { ok: true; key: PublishedKey }
  | { ok: false; problem: 'malformed' | 'unknown_key' | 'key_not_valid_then' | 'signature_invalid' };

function isSigned(value: unknown): value is SignedCertificate {
  const c = value as SignedCertificate | null;
  return (
    !!c &&
    typeof c === 'object' &&
    c.format === SIGNED_FORMAT &&
    typeof c.keyId === 'string' &&
    typeof c.issuedAt === 'string' &&
    typeof c.data === 'object' &&
    c.data !== null
  );
}

/**
 * Verifies a certificate file against published keys: the key named by the file must be
 * published, must have been valid when the certificate was issued, and must verify the signature.
 */
export function verifyCertificateFile(file: unknown, keys: PublishedKey[]): FileVerification {
  const f = file as CertificateFile | null;
  if (!f || typeof f !== 'object' || f.format !== FILE_FORMAT || !isSigned(f.certificate)) {
    return { ok: false, problem: 'malformed' };
  }
  if (typeof f.signature !== 'string' || f.keyId !== f.certificate.keyId)
    return { ok: false, problem: 'malformed' };
  const key = keys.find((k) => k.keyId === f.keyId);
  if (!key) return { ok: false, problem: 'unknown_key' };
  const issued = Date.parse(f.certificate.issuedAt);
  const from = Date.parse(key.validFrom);
  const to = key.validTo ? Date.parse(key.validTo) : Number.POSITIVE_INFINITY;
  if (!(issued >= from && issued <= to)) return { ok: false, problem: 'key_not_valid_then' };
  if (!signatureValid(f.certificate, f.signature, key.publicKey))
    return { ok: false, problem: 'signature_invalid' };
  return { ok: true, key };
}
