import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { AppError } from '../core/errors.ts';
import { type BackupLayout, stamp } from '../db/wal-archive.ts';
import { copyDataDirectory } from './copy.ts';

/** backup.json of a base backup, written last: a folder without it is no finished backup. */
export type BaseBackup = {
  name: string;
  label: string;
  systemIdentifier: string;
  timeline: number;
  startLsn: string;
  stopLsn: string;
  startedAt: string;
  /** The server's clock when the backup was consistent: the earliest time it restores to. */
  finishedAt: string;
  files: number;
  bytes: number;
};

const MANIFEST = 'backup.json';

/**
 * Checks that the server archives its WAL into the archive of `layout` and that the archiving
 * works: a base backup without its WAL restores nothing.
 */
async function checkArchiving(client: pg.Client, layout: BackupLayout): Promise<void> {
  const { rows } = await client.query<{ mode: string; command: string }>(
    `SELECT current_setting('archive_mode') AS mode, current_setting('archive_command') AS command`,
  );
  const setting = rows[0]!;
  if (setting.mode !== 'on' || !setting.command.includes(layout.wal.replaceAll('%', '%%'))) {
    throw new AppError('backup.archiving_off', {
      params: { dir: layout.wal, mode: setting.mode },
      details: { archiveCommand: setting.command },
    });
  }
  const { rows: archiver } = await client.query<{ wal: string | null; failed: Date | null; ok: Date | null }>(
    'SELECT last_failed_wal AS wal, last_failed_time AS failed, last_archived_time AS ok FROM pg_stat_archiver',
  );
  const state = archiver[0];
  if (state?.failed && (!state.ok || state.failed > state.ok)) {
    throw new AppError('backup.archiving_failing', {
      params: { wal: state.wal ?? '', at: state.failed.toISOString(), dir: layout.wal },
    });
  }
}

/**
 * A base backup through PostgreSQL's low-level backup API, in one session: pg_backup_start
 * (with an immediate checkpoint), a copy of the data directory, pg_backup_stop (which waits
 * until the WAL the copy needs is archived) and its backup_label written into the copy.
 */
export async function takeBaseBackup(options: {
  url: string;
  databaseDir: string;
  layout: BackupLayout;
}): Promise<BaseBackup> {
  const { layout } = options;
  const client = new pg.Client({ connectionString: options.url });
  client.on('error', () => {});
  await client.connect();
  try {
    await checkArchiving(client, layout);
    const started = new Date();
    const name = stamp(started);
    const label = `yiwang ${name}`;
    const folder = path.join(layout.base, name);
    await fs.mkdir(layout.base, { recursive: true, mode: 0o700 });
    await fs.mkdir(folder, { mode: 0o700 });
    const begun = await client.query<{ lsn: string; at: Date; id: string; timeline: number }>(
      `SELECT pg_backup_start($1, fast => true)::text AS lsn, clock_timestamp() AS at,
              (SELECT system_identifier::text FROM pg_control_system()) AS id,
              (SELECT timeline_id FROM pg_control_checkpoint()) AS timeline`,
      [label],
    );
    const copied = await copyDataDirectory(options.databaseDir, path.join(folder, 'pg'));
    const stopped = await client.query<{ lsn: string; labelfile: string; spcmapfile: string; at: Date }>(
      `SELECT lsn::text, labelfile, spcmapfile, clock_timestamp() AS at
         FROM pg_backup_stop(wait_for_archive => true)`,
    );
    const stop = stopped.rows[0]!;
    await fs.writeFile(path.join(folder, 'pg', 'backup_label'), stop.labelfile, { mode: 0o600 });
    if (stop.spcmapfile) {
      await fs.writeFile(path.join(folder, 'pg', 'tablespace_map'), stop.spcmapfile, { mode: 0o600 });
    }
    const start = begun.rows[0]!;
    const backup: BaseBackup = {
      name,
      label,
      systemIdentifier: start.id,
      timeline: start.timeline,
      startLsn: start.lsn,
      stopLsn: stop.lsn,
      startedAt: start.at.toISOString(),
      finishedAt: stop.at.toISOString(),
      files: copied.files,
      bytes: copied.bytes,
    };
    await fs.writeFile(path.join(folder, MANIFEST), `${JSON.stringify(backup, null, 2)}\n`);
    return backup;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The finished base backups of the archive, oldest first. */
export async function listBaseBackups(layout: BackupLayout): Promise<BaseBackup[]> {
  const names = await fs.readdir(layout.base).catch(() => [] as string[]);
  const backups: BaseBackup[] = [];
  for (const name of names.sort()) {
    const text = await fs.readFile(path.join(layout.base, name, MANIFEST), 'utf8').catch(() => null);
    if (text !== null) backups.push(JSON.parse(text) as BaseBackup);
  }
  return backups.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
}
