import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { ensureAppBuilt } from '../../server/http/build-app.ts';
import { createTestDatabase, type TestDatabase } from '../../server/testing/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type RunningServer = {
  url: string;
  /** The server's database, for what a test cannot see through the app (e.g. the SMS sandbox). */
  databaseUrl: string;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A fresh database gets the demo data at start (password hashes, seal keys, the catalogue): on a
 * machine whose cores are busy that takes minutes, so the wait ends when the server answers or
 * exits, and only a server still silent after START_TIMEOUT_MS counts as hung.
 */
const START_TIMEOUT_MS = 300_000;

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not become healthy within ${START_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * The real server as a child process on a free port, with a fresh database holding the
 * demo data, serving the built web app. `stop()` ends it and drops the database.
 */
export async function startServer(): Promise<RunningServer> {
  await ensureAppBuilt((m) => console.log(`[e2e] ${m}`));
  const database: TestDatabase = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'true',
      BUILD_APP: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop();
  };
  const started = Date.now();
  try {
    await waitForHealth(url, child, () => output);
    console.log(`[e2e] the server answered after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, databaseUrl: database.url, stop };
}
