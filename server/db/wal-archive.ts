import fs from 'node:fs';
import path from 'node:path';

/** The folders of BACKUP_DIR (DATA_DIR/backup by default). */
export type BackupLayout = {
  root: string;
  /** WAL segments, archived by the embedded server as it writes them. */
  wal: string;
  /** Base backups, one folder per backup: <stamp>/pg and <stamp>/backup.json. */
  base: string;
  /** The file store, content-addressed like DATA_DIR/files. */
  files: string;
};

export function backupLayout(backupDir: string): BackupLayout {
  const root = path.resolve(backupDir);
  return {
    root,
    wal: path.join(root, 'wal'),
    base: path.join(root, 'base'),
    files: path.join(root, 'files'),
  };
}

/** A shell word: the text between single quotes, each quote closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A path inside archive_command or restore_command, where PostgreSQL expands %-sequences. */
function commandPath(text: string): string {
  return shellQuote(text).replaceAll('%', '%%');
}

/**
 * Compresses a finished WAL segment into the archive (<segment>.gz) under a temporary name,
 * flushes it and renames it, so the archive never holds a partial segment. A segment switched
 * early by archive_timeout is mostly zeros and shrinks from 16 MB to some 20 KB. A segment already
 * archived with the same content counts as archived (the archiver may repeat one after a crash);
 * a different one fails, so nothing archived is ever overwritten.
 */
export function archiveCommand(walDir: string): string {
  const dir = commandPath(walDir);
  return (
    `f=${dir}/%f.gz; if test -f "$f"; then gzip -dc "$f" | cmp -s - %p; ` +
    `else gzip -4 -c %p > "$f.tmp" && sync "$f.tmp" && mv "$f.tmp" "$f" && sync ${dir}; fi`
  );
}

/** Reads an archived segment back during recovery; a missing one ends the recovery. */
export function restoreCommand(walDir: string): string {
  const file = `${commandPath(walDir)}/%f.gz`;
  return `test -f ${file} && gzip -dc ${file} > %p`;
}

/** The archived file of a WAL segment (or history file) named by PostgreSQL. */
export function archivedFile(walDir: string, name: string): string {
  return path.join(walDir, `${name}.gz`);
}

/** The settings that make the server archive its WAL into `walDir` (at most 60 s behind). */
export function archiveSettings(walDir: string): Record<string, string> {
  return {
    wal_level: 'replica',
    archive_mode: 'on',
    archive_timeout: '60',
    archive_command: archiveCommand(walDir),
  };
}

/** `-c name=value` flags of the postgres command line. */
export function settingFlags(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

/**
 * The database system identifier from global/pg_control (its first field, a little-endian
 * 64-bit number): the same for a database and every copy or restore of it, new for every initdb.
 */
export function systemIdentifier(databaseDir: string): string | null {
  try {
    const handle = fs.openSync(path.join(databaseDir, 'global', 'pg_control'), 'r');
    try {
      const head = Buffer.alloc(8);
      if (fs.readSync(handle, head, 0, 8, 0) !== 8) return null;
      return head.readBigUInt64LE(0).toString();
    } finally {
      fs.closeSync(handle);
    }
  } catch {
    return null;
  }
}

const MARKER = 'system-identifier';

/**
 * Makes the archive folder of the database in `databaseDir` ready. The archive of another
 * database (a data directory created anew beside an old backup folder) would collide with this
 * one's segment names and stop the archiving for good: its WAL and base backups are moved aside
 * into previous-<identifier>-<time>/ first.
 */
export function prepareArchive(
  databaseDir: string,
  backupDir: string,
  log: (m: string) => void,
): BackupLayout {
  const layout = backupLayout(backupDir);
  fs.mkdirSync(layout.wal, { recursive: true, mode: 0o700 });
  const id = systemIdentifier(databaseDir);
  if (id === null) return layout;
  const markerFile = path.join(layout.root, MARKER);
  const recorded = fs.existsSync(markerFile) ? fs.readFileSync(markerFile, 'utf8').trim() : null;
  if (recorded !== null && recorded !== id) {
    const aside = path.join(layout.root, `previous-${recorded}-${stamp(new Date())}`);
    fs.mkdirSync(aside);
    for (const folder of [layout.wal, layout.base]) {
      if (fs.existsSync(folder)) fs.renameSync(folder, path.join(aside, path.basename(folder)));
    }
    fs.mkdirSync(layout.wal, { recursive: true, mode: 0o700 });
    log(`the backup folder held the backups of another database; moved them to ${aside}`);
  }
  if (recorded !== id) fs.writeFileSync(markerFile, `${id}\n`);
  return layout;
}

/** 20260501T083015.123Z: a UTC time usable as a folder name, sorting in time order. */
export function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '');
}
