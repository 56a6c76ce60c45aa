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

/** A Node process started from `script` with `env`, once `healthPath` answers; `stop` ends it. */
export async function spawnServing(
  script: string,
  env: Record<string, string>,
  healthPath: string,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${path.basename(script)} exited before it answered ${healthPath}`);
    const ok = await fetch(`${url}${healthPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
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
  let serving: Awaited<ReturnType<typeof spawnServing>>;
  try {
    serving = await spawnServing(
      path.join(ROOT, 'server/main.ts'),
      {
        DATABASE_URL: db.url,
        HOST: '127.0.0.1',
        BUILD_APP: 'false',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      '/api/health',
    );
  } catch (error) {
    await db.drop();
    throw error;
  }
  return {
    url: serving.url,
    db,
    pid: serving.pid,
    stop: async () => {
      await serving.stop();
      if (process.env.BENCH_KEEP) {
        await db.close();
        console.log(`kept the database ${db.name}`);
      } else await db.drop();
    },
  };
}

/** The bare HTTP floor of the case lifecycles (cases/floor-server.ts) on a database the caller owns. */
export function startFloorServer(databaseUrl: string) {
  return spawnServing(
    path.join(ROOT, 'bench/cases/floor-server.ts'),
    { DATABASE_URL: databaseUrl },
    '/health',
  );
}
