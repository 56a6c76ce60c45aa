import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { loadConfig } from '../core/config.ts';
import { generateSealKeyPair, type PublishedKey, publicKeyPem } from '../core/crypto/signed.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { findOrganisation } from '../organisations/index.ts';
import { sealKeys } from './tables.ts';

/**
 * Seal keys (电子印章密钥): SM2 key pairs of issuing organisations. Private keys are kept
 * encrypted with AES-256-GCM under a key derived (scrypt) from SEAL_KEY_SECRET; the key id and
 * organisation are authenticated with each ciphertext, so a private key copied to another row
 * does not decrypt.
 */

let secretOverride: string | null = null;
const derived = new Map<string, Buffer>();

/** Replaces the secret read from the environment (tests of a wrong secret). */
export function useSealKeySecret(secret: string | null): void {
  secretOverride = secret;
}

function encryptionKey(): Buffer {
  const secret = secretOverride ?? loadConfig().sealKeySecret;
  let key = derived.get(secret);
  if (!key) {
    key = scryptSync(secret, 'yiwang/seal-keys/v1', 32);
    derived.set(secret, key);
  }
  return key;
}

const aad = (keyId: string, organisationId: string) => Buffer.from(`${keyId}|${organisationId}`);

export function encryptPrivateKey(privateKey: string, keyId: string, organisationId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), iv);
  cipher.setAAD(aad(keyId, organisationId));
  const data = Buffer.concat([cipher.update(privateKey, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptPrivateKey(sealed: string, keyId: string, organisationId: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown seal key encryption');
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), Buffer.from(iv, 'base64url'));
  decipher.setAAD(aad(keyId, organisationId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new AppError('certificate.seal_key_unreadable');
  }
}

export type SealKeyRow = typeof sealKeys.$inferSelect;

/**
 * Holds, until the transaction ends, the organisation's lock on its seal keys: rotations and the
 * creation of a first key are applied one after another (the partial unique index allows one key
 * in use per organisation, and concurrent changes would otherwise collide on it).
 */
async function lockKeysOf(tx: Tx, organisationId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`seal_keys:${organisationId}`}, 0))`);
}

const keyInUse = async (tx: Tx, organisationId: string): Promise<SealKeyRow | undefined> =>
  (
    await tx
      .select()
      .from(sealKeys)
      .where(and(eq(sealKeys.organisationId, organisationId), isNull(sealKeys.validTo)))
  )[0];

/**
 * A new key in use (from `validFrom`, by default the transaction's start); the caller holds the
 * organisation's lock (lockKeysOf) and has retired the one before.
 */
async function createKey(tx: Tx, organisationId: string, validFrom?: Date): Promise<SealKeyRow> {
  const id = crypto.randomUUID();
  const pair = generateSealKeyPair();
  const [row] = await tx
    .insert(sealKeys)
    .values({
      id,
      organisationId,
      publicKey: pair.publicKey,
      privateKeyEncrypted: encryptPrivateKey(pair.privateKey, id, organisationId),
      validFrom,
    })
    .returning();
  return row!;
}

/** The organisation's key in use, created on first use. */
export async function activeSealKey(
  tx: Tx,
  audit: AuditContext,
  organisationId: string,
): Promise<SealKeyRow> {
  const current = await keyInUse(tx, organisationId);
  if (current) return current;
  await lockKeysOf(tx, organisationId);
  const created = await keyInUse(tx, organisationId);
  if (created) return created;
  const row = await createKey(tx, organisationId);
  await recordAudit(tx, audit, {
    action: 'seal_key.create',
    targetType: 'seal_key',
    targetId: row.id,
    summary: { organisationId, publicKey: row.publicKey },
  });
  return row;
}

/** Retires the organisation's key in use and creates a new one; the retired key still verifies. */
export async function rotateSealKey(options: {
  db: DbOrTx;
  audit: AuditContext;
  organisationId: string;
}): Promise<PublishedKey> {
  const { audit, organisationId } = options;
  const organisation = await findOrganisation(options.db, organisationId);
  if (!organisation) throw new AppError('resource.not_found', { params: { resource: '发证机构' } });
  return options.db.transaction(async (tx) => {
    await lockKeysOf(tx, organisationId);
    const at = new Date();
    const [retired] = await tx
      .update(sealKeys)
      .set({ validTo: at })
      .where(and(eq(sealKeys.organisationId, organisationId), isNull(sealKeys.validTo)))
      .returning();
    const row = await createKey(tx, organisationId, at);
    await recordAudit(tx, audit, {
      action: 'seal_key.rotate',
      targetType: 'seal_key',
      targetId: row.id,
      summary: { organisationId, retiredKeyId: retired?.id ?? null, publicKey: row.publicKey },
    });
    return published(row, organisation.name);
  });
}

function published(row: SealKeyRow, organisationName: string): PublishedKey {
  return {
    keyId: row.id,
    organisationId: row.organisationId,
    organisationName,
    algorithm: 'SM2',
    publicKey: row.publicKey,
    publicKeyPem: publicKeyPem(row.publicKey),
    validFrom: row.validFrom.toISOString(),
    validTo: row.validTo?.toISOString() ?? null,
  };
}

/** Every seal key's public half, retired ones included (for offline verification). */
export async function publishedKeys(options: {
  db: DbOrTx;
  organisationId?: string;
}): Promise<PublishedKey[]> {
  const { db, organisationId } = options;
  const rows = await db
    .select()
    .from(sealKeys)
    .where(organisationId ? eq(sealKeys.organisationId, organisationId) : undefined)
    .orderBy(asc(sealKeys.organisationId), asc(sealKeys.validFrom));
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.organisationId))) {
    names.set(id, (await findOrganisation(db, id))?.name ?? '');
  }
  return rows.map((r) => published(r, names.get(r.organisationId) ?? ''));
}

/** One key by id (for verification), or null. */
export async function sealKeyById(db: DbOrTx, keyId: string): Promise<SealKeyRow | null> {
  const [row] = await db.select().from(sealKeys).where(eq(sealKeys.id, keyId));
  return row ?? null;
}
