/**
 * Real server processes for crash tests: `node server/main.ts` on the embedded database in a
 * temporary DATA_DIR, started, killed with SIGKILL and started again.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 90_000;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function waitDead(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} did not end`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The pid of the embedded postgres of a data directory while it runs. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * The environment of a server started by `node server/main.ts` in a test: only PATH and HOME of the
 * test's own, the given data directory and port on 127.0.0.1, no app build, no sweep; `extra` adds or
 * overrides.
 */
export function serverEnv(
  dataDir: string,
  port: number,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BUILD_APP: 'false',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    SWEEP_INTERVAL_SECONDS: '0',
    ...extra,
  };
}

export type Running = { child: ChildProcess; base: string; startMs: number; output: () => string };

/** Server processes and data directories of one test file; `cleanUp` in `after` kills and removes them. */
export function serverProcesses() {
  const children = new Set<ChildProcess>();
  const dataDirs: string[] = [];
  return {
    freshDataDir(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-crash-'));
      dataDirs.push(dir);
      return dir;
    },
    /** Starts the server with the demo data and waits until /api/health answers 200. */
    async start(dataDir: string): Promise<Running> {
      const port = await freePort();
      const started = performance.now();
      const child = spawn(process.execPath, ['server/main.ts'], {
        cwd: ROOT,
        env: serverEnv(dataDir, port),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let output = '';
      child.stdout?.on('data', (d) => {
        output += d;
      });
      child.stderr?.on('data', (d) => {
        output += d;
      });
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (true) {
        if (child.exitCode !== null)
          throw new Error(`the server exited (${child.exitCode}) on start:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${output}`);
        const ok = await fetch(`${base}/api/health`)
          .then((r) => r.status === 200)
          .catch(() => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      return { child, base, startMs: Math.round(performance.now() - started), output: () => output };
    },
    async stop(running: Running): Promise<void> {
      if (running.child.exitCode !== null) return;
      const exited = new Promise((r) => running.child.once('exit', r));
      running.child.kill('SIGTERM');
      await exited;
    },
    async cleanUp(): Promise<void> {
      for (const child of children) if (child.exitCode === null && child.pid) child.kill('SIGKILL');
      for (const dir of dataDirs) {
        const pid = postmasterPid(dir);
        if (pid) {
          process.kill(pid, 'SIGQUIT');
          await waitDead(pid).catch(() => process.kill(pid, 'SIGKILL'));
        }
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A signed-in user of a running server: cookie and CSRF token on every request. */
export type Session = { base: string; cookie: string; csrfToken: string };

export async function signInOver(
  base: string,
  url: '/api/auth/login' | '/api/auth/applicant-login',
  body: Record<string, string>,
): Promise<Session> {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('yw_session='));
  assert.ok(cookie, 'a session cookie');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { base, cookie: cookie.split(';')[0]!, csrfToken };
}

export async function call(session: Session, method: string, url: string, body?: unknown) {
  const res = await fetch(`${session.base}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}
