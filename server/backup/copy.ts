import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/errors.ts';

/**
 * Folders whose contents a base backup leaves out (kept empty): the server recreates or does
 * not need them, and pg_wal comes from the archive (as pg_basebackup does).
 */
const EMPTIED = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

/** Files a base backup leaves out wherever they are. */
const SKIPPED_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'pg_internal.init',
  'backup_label',
  'tablespace_map',
  'backup_manifest',
  'backup_manifest.tmp',
  'postgresql.auto.conf.tmp',
  'current_logfiles.tmp',
]);

export type CopyTotals = { files: number; bytes: number };

function skipped(name: string): boolean {
  return SKIPPED_FILES.has(name) || name.startsWith('pgsql_tmp');
}

/**
 * Copies a running server's data directory for a base backup taken between pg_backup_start and
 * pg_backup_stop. Files may change while they are copied (the WAL replayed from the backup's
 * start repairs them) or vanish (a dropped table): a vanished one is left out.
 */
export async function copyDataDirectory(source: string, target: string): Promise<CopyTotals> {
  const totals: CopyTotals = { files: 0, bytes: 0 };
  await copyFolder(source, target, true, totals);
  return totals;
}

async function copyFolder(source: string, target: string, top: boolean, totals: CopyTotals): Promise<void> {
  await fs.mkdir(target, { mode: 0o700 });
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(source, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      if (skipped(entry.name)) continue;
      if (top && EMPTIED.has(entry.name)) {
        await fs.mkdir(to, { mode: 0o700 });
        if (entry.name === 'pg_wal') {
          await fs.mkdir(path.join(to, 'archive_status'), { mode: 0o700 });
          await fs.mkdir(path.join(to, 'summaries'), { mode: 0o700 });
        }
        continue;
      }
      await copyFolder(from, to, false, totals);
    } else if (entry.isFile()) {
      if (skipped(entry.name)) continue;
      try {
        await fs.copyFile(from, to);
        totals.files += 1;
        totals.bytes += (await fs.stat(to)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    } else if (entry.isSymbolicLink()) {
      throw new AppError('backup.tablespace_unsupported', { params: { path: from } });
    }
  }
}
