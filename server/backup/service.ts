import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors.ts';
import { type EmbeddedDatabase, runningEmbeddedUrl, startEmbedded } from '../db/embedded.ts';
import { backupLayout } from '../db/wal-archive.ts';
import { type BaseBackup, takeBaseBackup } from './base.ts';
import { copyFileStore, type FileStoreBackup } from './files.ts';

export type BackupResult = { base: BaseBackup; files: FileStoreBackup };

/**
 * A base backup of the embedded database of DATA_DIR (through the server running it, or a server
 * started for the backup when none is), then the files of the file store not yet backed up.
 */
export async function backupEmbedded(options: {
  dataDir: string;
  backupDir: string;
  log: (message: string) => void;
}): Promise<BackupResult> {
  const { dataDir, backupDir } = options;
  const layout = backupLayout(backupDir);
  let url = runningEmbeddedUrl(dataDir);
  let embedded: EmbeddedDatabase | null = null;
  if (!url) {
    if (!fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) {
      throw new AppError('backup.no_database', { params: { dir: dataDir } });
    }
    options.log('no server runs the database: starting it for the backup');
    embedded = await startEmbedded(dataDir, options.log, { backupDir });
    url = embedded.url;
  }
  try {
    const base = await takeBaseBackup({ url, databaseDir: path.join(dataDir, 'pg'), layout });
    const files = await copyFileStore(dataDir, layout.root);
    return { base, files };
  } finally {
    await embedded?.stop();
  }
}

/** With an external database only the file store is ours to back up. */
export async function backupFileStoreOnly(options: {
  dataDir: string;
  backupDir: string;
}): Promise<FileStoreBackup> {
  return copyFileStore(options.dataDir, backupLayout(options.backupDir).root);
}
