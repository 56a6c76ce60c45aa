/**
 * Verification of the audit chain against the signed checkpoints of the log: the log must be
 * intact (each line chained to the one before it, the last one signed by a trusted key; when
 * either fails every signature is checked, to name the forged lines), and the chain must still
 * hold, at each checkpoint's position, exactly the hash the checkpoint names: a record rewritten
 * with every later link recomputed changes it, and newest records deleted with the head moved
 * back leave the chain shorter than a checkpoint.
 */
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type {
  CheckpointProblem as CheckpointProblemSchema,
  CheckpointVerification as CheckpointVerificationSchema,
} from '../../../common/audit/api.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { checkpointSignatureValid, FIRST_PREVIOUS, type LoggedCheckpoint, parseLine } from './line.ts';
import { logLines } from './log.ts';

export type CheckpointProblemKind = Static<typeof CheckpointProblemSchema>;

export type CheckpointVerification = Static<typeof CheckpointVerificationSchema>;

export type CheckpointProblem = CheckpointVerification['problems'][number];

export type CheckpointSource = { logPath: string; trustedKeys: string[] };

const BATCH = 2000;
const LISTED = 100;

type ChainState = { headPos: number; hashes: Map<number, string> };

async function chainState(db: DbOrTx, positions: number[]): Promise<ChainState> {
  const head = await db.execute<{ pos: string }>(sql`SELECT pos FROM audit_chain_head WHERE id`);
  const hashes = new Map<number, string>();
  if (positions.length) {
    const { rows } = await db.execute<{ pos: string; hash: string }>(
      sql`SELECT pos, hash FROM audit_chain WHERE pos = ANY(${`{${positions.join(',')}}`}::bigint[])`,
    );
    for (const row of rows) hashes.set(Number(row.pos), row.hash);
  }
  return { headPos: Number(head.rows[0]?.pos ?? 0), hashes };
}

/** How the chain answers a checkpoint: null when it holds that hash at that position. */
function chainProblem(state: ChainState, c: { seq: number; count: number; headHash: string }) {
  if (c.seq === 0) return state.headPos >= c.count ? null : 'chain_truncated';
  const hash = state.hashes.get(c.seq);
  if (hash === undefined || state.headPos < c.count) return 'chain_truncated';
  return hash === c.headHash ? null : 'hash_differs';
}

/**
 * Checks the log against the chain in the database. Reads the log as a stream and the chain in
 * batches of positions; the chain should be linked first (the caller does).
 */
export async function verifyCheckpoints({
  db,
  source,
}: {
  db: DbOrTx;
  source: CheckpointSource;
}): Promise<CheckpointVerification> {
  const trusted = new Set(source.trustedKeys);
  const logProblems: CheckpointProblem[] = [];
  const chainProblems: CheckpointProblem[] = [];
  const verified = new Map<number, { seq: number; headHash: string; at: string; lineHash: string }>();
  let previousHash = FIRST_PREVIOUS;
  let last: LoggedCheckpoint | null = null;
  let batch: LoggedCheckpoint[] = [];

  const checkBatch = async () => {
    const state = await chainState(
      db,
      batch.map((c) => c.seq).filter((s) => s > 0),
    );
    for (const c of batch) {
      const problem = chainProblem(state, c);
      if (problem) chainProblems.push({ line: c.line, seq: c.seq, problem });
      else verified.set(c.line, { seq: c.seq, headHash: c.headHash, at: c.at, lineHash: c.lineHash });
    }
    batch = [];
  };

  for await (const { line, text } of logLines(source.logPath)) {
    if (text.trim() === '') continue;
    const checkpoint = parseLine(text, line);
    if (!checkpoint) {
      logProblems.push({ line, seq: null, problem: 'line_malformed' });
      continue;
    }
    if (checkpoint.previous !== previousHash)
      logProblems.push({ line, seq: checkpoint.seq, problem: 'log_chain_broken' });
    previousHash = checkpoint.lineHash;
    if (!trusted.has(checkpoint.publicKey))
      logProblems.push({ line, seq: checkpoint.seq, problem: 'unknown_key' });
    else batch.push(checkpoint);
    last = checkpoint;
    if (batch.length >= BATCH) await checkBatch();
  }
  await checkBatch();

  // A valid last line vouches for the lines before it (a line is only chained to a valid one);
  // otherwise each line's own signature says which lines are forged.
  const forged = new Set<number>();
  if (last && (logProblems.length > 0 || !trusted.has(last.publicKey) || !checkpointSignatureValid(last))) {
    for await (const { line, text } of logLines(source.logPath)) {
      const checkpoint = parseLine(text, line);
      if (!checkpoint || !trusted.has(checkpoint.publicKey)) continue;
      if (!checkpointSignatureValid(checkpoint)) {
        forged.add(line);
        logProblems.push({ line, seq: checkpoint.seq, problem: 'signature_invalid' });
      }
    }
  }
  const problems = [...logProblems, ...chainProblems.filter((p) => !forged.has(p.line))].sort(
    (a, b) => a.line - b.line,
  );
  let latest: CheckpointVerification['latest'] = null;
  for (const [line, checkpoint] of verified) if (!forged.has(line)) latest = checkpoint;
  return {
    checked: [...verified.keys()].filter((line) => !forged.has(line)).length,
    latest,
    problems: problems.slice(0, LISTED),
    problemCount: problems.length,
  };
}

export type WitnessResult = {
  seq: number | null;
  hash: string;
  found: boolean;
  problem: CheckpointProblemKind | null;
};

/**
 * Whether the chain still holds a hash published elsewhere: at the given position, or (without
 * one) anywhere.
 */
export async function verifyWitness(
  db: DbOrTx,
  witness: { seq: number | null; hash: string },
): Promise<WitnessResult> {
  if (witness.seq === null) {
    const { rows } = await db.execute<{ pos: string }>(
      sql`SELECT pos FROM audit_chain WHERE hash = ${witness.hash} LIMIT 1`,
    );
    const pos = rows[0] ? Number(rows[0].pos) : null;
    return {
      seq: pos,
      hash: witness.hash,
      found: pos !== null,
      problem: pos === null ? 'hash_differs' : null,
    };
  }
  const state = await chainState(db, [witness.seq]);
  const problem = chainProblem(state, { seq: witness.seq, count: witness.seq, headHash: witness.hash });
  return { seq: witness.seq, hash: witness.hash, found: problem === null, problem };
}
