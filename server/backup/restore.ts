import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { type AuditVerification, verifyAuditChain } from '../audit/index.ts';
import { connect } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import {
  type EmbeddedDatabase,
  giveToDatabaseUser,
  runningEmbeddedUrl,
  startEmbedded,
} from '../db/embedded.ts';
import { archivedFile, type BackupLayout, backupLayout, restoreCommand } from '../db/wal-archive.ts';
import { storedFiles } from '../files/index.ts';
import { type BaseBackup, listBaseBackups } from './base.ts';
import { type FileStoreRestore, restoreFileStore } from './files.ts';

type Log = (message: string) => void;

export type RestoreResult = {
  base: BaseBackup;
  /** The time of the last transaction the restored database holds, as the recovery reported it. */
  recoveredTo: string | null;
  files: FileStoreRestore;
  audit: AuditVerification;
};

/** A missing or non-empty --to is refused: a restore never writes over anything. */
export async function checkTarget(to: string): Promise<void> {
  const entries = await fs.readdir(to).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') return [''];
    throw error;
  });
  if (entries.length > 0)
    throw new AppError('backup.target_not_empty', { field: '--to', params: { dir: to } });
}

/** The latest base backup finished by `at` (the latest of all without a time). */
export function chooseBaseBackup(backups: BaseBackup[], at: Date | null, layout: BackupLayout): BaseBackup {
  const first = backups[0];
  if (!first) throw new AppError('backup.no_base_backup', { params: { dir: layout.base } });
  if (at === null) return backups.at(-1)!;
  if (at.getTime() > Date.now()) {
    throw new AppError('backup.time_in_future', { field: '--at', params: { at: at.toISOString() } });
  }
  const chosen = backups.filter((b) => new Date(b.finishedAt).getTime() <= at.getTime()).at(-1);
  if (!chosen) {
    throw new AppError('backup.before_first', {
      field: '--at',
      params: { at: at.toISOString(), first: first.finishedAt },
    });
  }
  return chosen;
}

/**
 * Has the database of DATA_DIR archive the WAL written since its last archived segment
 * (pg_switch_wal), starting it briefly when no server runs it, so that a restore reaches up to
 * this moment. Answers when the switch was made, or null when there is no database to ask.
 */
async function archiveCurrentWal(dataDir: string, layout: BackupLayout, log: Log): Promise<Date | null> {
  let url = runningEmbeddedUrl(dataDir);
  let embedded: EmbeddedDatabase | null = null;
  if (!url) {
    if (!existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))) return null;
    try {
      embedded = await startEmbedded(dataDir, log, { backupDir: layout.root });
      url = embedded.url;
    } catch (error) {
      log(`the database in ${dataDir} did not start, so its latest WAL is not archived: ${String(error)}`);
      return null;
    }
  }
  try {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    let segment: string;
    let at: Date;
    try {
      const { rows } = await client.query<{ segment: string; at: Date }>(
        'SELECT pg_walfile_name(pg_switch_wal()) AS segment, clock_timestamp() AS at',
      );
      ({ segment, at } = rows[0]!);
    } finally {
      await client.end().catch(() => {});
    }
    const deadline = Date.now() + 60_000;
    while (!(await fs.stat(archivedFile(layout.wal, segment)).catch(() => null))) {
      if (Date.now() > deadline) {
        throw new AppError('backup.archiving_failing', {
          params: { wal: segment, at: new Date().toISOString(), dir: layout.wal },
        });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return at;
  } finally {
    await embedded?.stop();
  }
}

/** Recovery's own account of how it ended, from the database server's messages. */
function recoveryWatcher() {
  let text = '';
  return {
    onLog: (chunk: string) => {
      text = (text + chunk).slice(-20_000);
    },
    recoveredTo: () =>
      [...text.matchAll(/last completed transaction was at log time ([^\n]+)/g)].at(-1)?.[1]?.trim() ?? null,
    targetNotReached: () => text.includes('recovery ended before configured recovery target was reached'),
    /** The last fatal message, or null when the server said none. */
    fatal: () => [...text.matchAll(/(?:FATAL|PANIC):\s+([^\n]+)/g)].at(-1)?.[1]?.trim() ?? null,
    clear: () => {
      text = '';
    },
  };
}

/**
 * Starts the server on the restored directory until recovery has promoted it. Recovery to a time
 * after the last archived commit ends without reaching it; when the archive is known to be
 * complete up to that time (its WAL was switched after it), the end of the archive is that time's
 * state, and recovery continues there without a target.
 */
async function recover(options: {
  to: string;
  layout: BackupLayout;
  at: Date | null;
  switchedAt: Date | null;
  watcher: ReturnType<typeof recoveryWatcher>;
  log: Log;
}): Promise<EmbeddedDatabase> {
  const { at, watcher } = options;
  const start = (target: Date | null) => {
    const settings: Record<string, string> = {
      restore_command: restoreCommand(options.layout.wal),
      recovery_target_action: 'promote',
    };
    if (target) settings.recovery_target_time = target.toISOString().replace('T', ' ').replace('Z', '+00');
    return startEmbedded(options.to, options.log, { settings, onLog: watcher.onLog });
  };
  try {
    return await start(at);
  } catch (error) {
    if (at && watcher.targetNotReached()) {
      if (options.switchedAt && at.getTime() <= options.switchedAt.getTime()) {
        options.log('nothing was committed after that time: recovering everything archived');
        watcher.clear();
        return await start(null).catch((again: unknown) => {
          throw failure(watcher, again);
        });
      }
      throw new AppError('backup.target_not_archived', { params: { at: at.toISOString() } });
    }
    throw failure(watcher, error);
  }
}

function failure(watcher: ReturnType<typeof recoveryWatcher>, error: unknown): Error {
  const fatal = watcher.fatal();
  if (fatal) return new AppError('backup.recovery_failed', { params: { reason: fatal } });
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Lays out a new DATA_DIR at `to` from the latest base backup finished by `at`, lets the embedded
 * server replay the archived WAL up to `at` (all of it without a time) and promote, lays out the
 * files the restored database refers to, verifies the audit chain and stops the server.
 */
export async function restoreEmbedded(options: {
  dataDir: string;
  backupDir: string;
  to: string;
  at: Date | null;
  log: Log;
}): Promise<RestoreResult> {
  const { to, at, log } = options;
  const layout = backupLayout(options.backupDir);
  await checkTarget(to);
  const watcher = recoveryWatcher();
  const base = chooseBaseBackup(await listBaseBackups(layout), at, layout);
  const switchedAt = await archiveCurrentWal(options.dataDir, layout, log);
  const databaseDir = path.join(to, 'pg');
  await fs.mkdir(to, { recursive: true });
  let embedded: EmbeddedDatabase;
  try {
    await fs.cp(path.join(layout.base, base.name, 'pg'), databaseDir, {
      recursive: true,
      preserveTimestamps: true,
    });
    await fs.chmod(databaseDir, 0o700);
    await fs.writeFile(path.join(databaseDir, 'recovery.signal'), '');
    giveToDatabaseUser(layout.wal, log);
    log(`replaying the archived WAL onto base backup ${base.name}${at ? ` up to ${at.toISOString()}` : ''}`);
    embedded = await recover({ to, layout, at, switchedAt, watcher, log });
  } catch (error) {
    for (const entry of await fs.readdir(to))
      await fs.rm(path.join(to, entry), { recursive: true, force: true });
    throw error;
  }
  try {
    const database = connect(embedded.url, { max: 1 });
    try {
      const rows = await database.db.select({ sha256: storedFiles.sha256 }).from(storedFiles);
      const sources = [layout.root, options.dataDir];
      const files = await restoreFileStore({ hashes: rows.map((r) => r.sha256), sources, dataDir: to });
      const audit = await verifyAuditChain({ db: database.db });
      return { base, recoveredTo: watcher.recoveredTo(), files, audit };
    } finally {
      await database.close();
    }
  } finally {
    await embedded.stop();
  }
}
