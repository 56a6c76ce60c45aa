import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../server/testing/db.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export type BenchServer = { url: string; db: TestDatabase; pid: number; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Starts the real server in its own process on a fresh database with the demo data.
 * `prepare` fills the database first (e.g. a benchmark catalogue); the server then finds it not empty.
 */
export async function startBenchServer(
  options: { prepare?: (db: TestDatabase) => Promise<void>; env?: Record<string, string> } = {},
): Promise<BenchServer> {
  const db = await createTestDatabase();
  await options.prepare?.(db);
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      BUILD_APP: 'false',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) {
      await db.drop();
      throw new Error('the server exited before it answered /api/health');
    }
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    db,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (process.env.BENCH_KEEP) {
        await db.close();
        console.log(`kept the database ${db.name}`);
      } else await db.drop();
    },
  };
}
