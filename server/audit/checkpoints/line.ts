/**
 * One line of the checkpoint log: the head of the audit chain at a moment, chained to the line
 * before it and signed with SM2 (SM3, user id 1234567812345678). No database, no files here.
 */
import { createHash } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { SM2_USER_ID } from '../../core/crypto/signed.ts';
import { canonicalJson, GENESIS_HASH } from '../chain.ts';

export const CHECKPOINT_FORMAT = 'yiwang-audit-checkpoint/1';
const SM2_OPTIONS = { hash: true, der: true, userId: SM2_USER_ID } as const;

/** What a checkpoint vouches for. */
export type CheckpointBody = {
  format: typeof CHECKPOINT_FORMAT;
  /** Position in the chain of its head (positions start at 1; 0 for an empty chain). */
  seq: number;
  /** The audit record at the head, or null for an empty chain. */
  recordSeq: number | null;
  /** The chain's link hash at `seq`. */
  headHash: string;
  /** Records in the chain then. */
  count: number;
  at: string;
  /** sha256 of the previous line of the log (64 zeros for the first): the log is a chain too. */
  previous: string;
  /** The signing key (uncompressed SM2 point, hex). */
  publicKey: string;
};

export type Checkpoint = CheckpointBody & {
  /** DER-encoded SM2 signature (hex) over the canonical JSON of the body. */
  signature: string;
};

/** A checkpoint as read from the log: with its line number (from 1) and the hash of its line. */
export type LoggedCheckpoint = Checkpoint & { line: number; lineHash: string };

export const FIRST_PREVIOUS = GENESIS_HASH;

/** sha256 of a line of the log as written (without its newline). */
export function lineHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The text of a checkpoint's line (keys sorted, no newline). */
export function lineText(checkpoint: Checkpoint): string {
  return canonicalJson(checkpoint);
}

export function signCheckpoint(body: CheckpointBody, privateKey: string): Checkpoint {
  const signature = sm2.doSignature(canonicalJson(body), privateKey, {
    ...SM2_OPTIONS,
    publicKey: body.publicKey,
  });
  return { ...body, signature };
}

const precomputed = new Map<string, ReturnType<typeof sm2.precomputePublicKey>>();

/** Whether the signature of a checkpoint verifies under the public key it names. */
export function checkpointSignatureValid(checkpoint: Checkpoint): boolean {
  const { signature } = checkpoint;
  const body: CheckpointBody = {
    format: checkpoint.format,
    seq: checkpoint.seq,
    recordSeq: checkpoint.recordSeq,
    headHash: checkpoint.headHash,
    count: checkpoint.count,
    at: checkpoint.at,
    previous: checkpoint.previous,
    publicKey: checkpoint.publicKey,
  };
  if (!/^[0-9a-f]+$/.test(signature)) return false;
  try {
    let key = precomputed.get(body.publicKey);
    if (!key) {
      key = sm2.precomputePublicKey(body.publicKey);
      if (precomputed.size > 100) precomputed.clear();
      precomputed.set(body.publicKey, key);
    }
    return sm2.doVerifySignature(canonicalJson(body), signature, key, SM2_OPTIONS);
  } catch {
    return false;
  }
}

const HASH = /^[0-9a-f]{64}$/;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** A line of the log parsed and checked for shape (not for its signature), or null. */
export function parseLine(text: string, line: number): LoggedCheckpoint | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const { format, seq, recordSeq, headHash, count, at, previous, publicKey, signature } = value;
  const keys = Object.keys(value).length;
  if (
    keys !== 9 ||
    format !== CHECKPOINT_FORMAT ||
    !isCount(seq) ||
    !(recordSeq === null || isCount(recordSeq)) ||
    typeof headHash !== 'string' ||
    !HASH.test(headHash) ||
    !isCount(count) ||
    typeof at !== 'string' ||
    Number.isNaN(Date.parse(at)) ||
    typeof previous !== 'string' ||
    !HASH.test(previous) ||
    typeof publicKey !== 'string' ||
    !/^04[0-9a-f]{128}$/.test(publicKey) ||
    typeof signature !== 'string'
  )
    return null;
  const checkpoint: Checkpoint = {
    format,
    seq,
    recordSeq,
    headHash,
    count,
    at,
    previous,
    publicKey,
    signature,
  };
  return { ...checkpoint, line, lineHash: lineHash(text) };
}
