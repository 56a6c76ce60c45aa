import { sql } from 'drizzle-orm';
import type { AuditCheckpointConfig } from '../../core/config.ts';
import type { Db, Tx } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import { GENESIS_HASH } from '../chain.ts';
import { type AuditContext, linkAuditRecords, recordAudit } from '../service.ts';
import { checkpointKey, trustedKeys } from './key.ts';
import {
  CHECKPOINT_FORMAT,
  type Checkpoint,
  checkpointSignatureValid,
  FIRST_PREVIOUS,
  lineHash,
  lineText,
  signCheckpoint,
} from './line.ts';
import { appendLine, newestCheckpoints } from './log.ts';

/** Advisory lock held while a checkpoint is written, so that one process at a time appends. */
export const AUDIT_CHECKPOINT_LOCK = 7_262_105;

export type WrittenCheckpoint = Checkpoint & { lineHash: string };

type Head = { pos: number; hash: string; recordSeq: number | null };

async function chainHead(tx: Tx): Promise<Head> {
  const { rows } = await tx.execute<{ pos: string; hash: string; record_seq: string | null }>(sql`
    SELECT h.pos, h.hash, c.record_seq FROM audit_chain_head h LEFT JOIN audit_chain c ON c.pos = h.pos
    WHERE h.id`);
  const head = rows[0];
  if (!head) return { pos: 0, hash: GENESIS_HASH, recordSeq: null };
  return {
    pos: Number(head.pos),
    hash: head.hash,
    recordSeq: head.record_seq === null ? null : Number(head.record_seq),
  };
}

/**
 * Writes a checkpoint of the chain's head into the log, inside a transaction that holds the
 * checkpoint lock (the caller takes it). The last checkpoint of the log must carry a valid
 * signature of a trusted key: a new line is never chained to a line that does not verify, so a
 * valid last line vouches for every line before it. With `onlyIfMoved`, nothing is written when the
 * head is where the last checkpoint put it. With `audit`, the checkpoint is audited in the transaction.
 */
export async function writeCheckpointLocked(
  tx: Tx,
  options: { config: AuditCheckpointConfig; onlyIfMoved: boolean; audit?: AuditContext },
): Promise<WrittenCheckpoint | null> {
  const { config } = options;
  const key = checkpointKey(config, { create: true })!;
  const head = await chainHead(tx);
  const [last] = newestCheckpoints(config.logPath, 1);
  if (last && (!trustedKeys(config, key).includes(last.publicKey) || !checkpointSignatureValid(last)))
    throw new AppError('audit.checkpoint_log_damaged');
  if (options.onlyIfMoved && (last ? last.seq === head.pos && last.headHash === head.hash : head.pos === 0))
    return null;
  const checkpoint = signCheckpoint(
    {
      format: CHECKPOINT_FORMAT,
      seq: head.pos,
      recordSeq: head.recordSeq,
      headHash: head.hash,
      count: head.pos,
      at: new Date().toISOString(),
      previous: last ? last.lineHash : FIRST_PREVIOUS,
      publicKey: key.publicKey,
    },
    key.privateKey,
  );
  const text = lineText(checkpoint);
  const written = { ...checkpoint, lineHash: lineHash(text) };
  if (options.audit) {
    await recordAudit(tx, options.audit, {
      action: 'audit.checkpoint',
      targetType: 'audit_checkpoint',
      targetId: String(head.pos),
      summary: { seq: head.pos, headHash: head.hash, lineHash: written.lineHash },
    });
  }
  appendLine(config.logPath, text);
  return written;
}

/**
 * A checkpoint now (on demand: written even when the head has not moved since the last one),
 * audited: links what is queued (committed on its own, so the checkpoint names only committed
 * links), then waits for the checkpoint lock and writes.
 */
export async function takeCheckpoint({
  db,
  config,
  audit,
}: {
  db: Db;
  config: AuditCheckpointConfig;
  audit: AuditContext;
}): Promise<WrittenCheckpoint> {
  await linkAuditRecords(db);
  const written = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHECKPOINT_LOCK})`);
    return writeCheckpointLocked(tx, { config, onlyIfMoved: false, audit });
  });
  return written!;
}
