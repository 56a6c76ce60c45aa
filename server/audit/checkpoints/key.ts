/**
 * The key that signs audit checkpoints: an SM2 key pair kept outside the database, given by
 * AUDIT_SIGNING_KEY or kept in DATA_DIR/audit/checkpoint-key.json (mode 0600, created on first use).
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import type { AuditCheckpointConfig } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';

export const KEY_FILE_FORMAT = 'yiwang-audit-checkpoint-key/1';

export type CheckpointKey = {
  privateKey: string;
  /** Uncompressed point in hex (04‖x‖y). */
  publicKey: string;
  /** SM3 of the public key's 65 bytes, hex. */
  fingerprint: string;
  source: 'environment' | 'file';
};

/** SM3 of the public key's bytes: a short name of the key to compare by eye or publish. */
export function keyFingerprint(publicKey: string): string {
  return createHash('sm3').update(Buffer.from(publicKey, 'hex')).digest('hex');
}

/** The public key of a private key, or null when the value is not a usable SM2 private key. */
function publicKeyOf(privateKey: string): string | null {
  if (!/^[0-9a-f]{64}$/.test(privateKey) || /^0+$/.test(privateKey)) return null;
  try {
    const publicKey = sm2.getPublicKeyFromPrivateKey(privateKey);
    return /^04[0-9a-f]{128}$/.test(publicKey) ? publicKey : null;
  } catch {
    return null;
  }
}

function keyOf(privateKey: string, source: CheckpointKey['source']): CheckpointKey {
  const publicKey = publicKeyOf(privateKey);
  if (!publicKey) throw new AppError('audit.checkpoint_key_unreadable');
  return { privateKey, publicKey, fingerprint: keyFingerprint(publicKey), source };
}

function readKeyFile(file: string): CheckpointKey {
  let parsed: { format?: unknown; privateKey?: unknown; publicKey?: unknown };
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new AppError('audit.checkpoint_key_unreadable');
  }
  if (parsed.format !== KEY_FILE_FORMAT || typeof parsed.privateKey !== 'string')
    throw new AppError('audit.checkpoint_key_unreadable');
  const key = keyOf(parsed.privateKey, 'file');
  if (parsed.publicKey !== key.publicKey) throw new AppError('audit.checkpoint_key_unreadable');
  return key;
}

/**
 * A new key file, written whole beside its place and linked there: a process that loses a race
 * to create it reads the winner's key.
 */
function createKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  const body = `${JSON.stringify(
    { format: KEY_FILE_FORMAT, algorithm: 'SM2', privateKey, publicKey, createdAt: new Date().toISOString() },
    null,
    2,
  )}\n`;
  const temporary = `${file}.${randomUUID()}.tmp`;
  const fd = fs.openSync(temporary, 'wx', 0o600);
  try {
    fs.writeSync(fd, body);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temporary, file);
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

const loaded = new Map<string, CheckpointKey>();

/**
 * The checkpoint key of this installation: AUDIT_SIGNING_KEY, else the key file; with `create`,
 * a missing key file is created. Null when there is none and `create` is false.
 */
export function checkpointKey(
  config: Pick<AuditCheckpointConfig, 'signingKey' | 'keyFile'>,
  options: { create: boolean },
): CheckpointKey | null {
  const id = config.signingKey ? `env:${config.signingKey}` : `file:${config.keyFile}`;
  const known = loaded.get(id);
  if (known) return known;
  let key: CheckpointKey;
  if (config.signingKey) key = keyOf(config.signingKey, 'environment');
  else {
    if (!fs.existsSync(config.keyFile)) {
      if (!options.create) return null;
      createKeyFile(config.keyFile);
    }
    key = readKeyFile(config.keyFile);
  }
  loaded.set(id, key);
  return key;
}

/** The public keys whose checkpoints verify: this installation's key and the configured others. */
export function trustedKeys(
  config: Pick<AuditCheckpointConfig, 'signingKey' | 'keyFile' | 'trustedKeys'>,
  own: CheckpointKey | null = checkpointKey(config, { create: false }),
): string[] {
  return [...new Set([...(own ? [own.publicKey] : []), ...config.trustedKeys])];
}
