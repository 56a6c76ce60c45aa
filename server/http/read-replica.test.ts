import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../core/config.ts';
import { openReadDatabase } from '../core/db/read-replica.ts';
import { AppError } from '../core/errors.ts';
import { type RunningServer, startServer } from '../server.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { buildMatter, buildStaff, signIn } from '../testing/factories.ts';

let primary: TestDatabase;
let replica: TestDatabase;
let dataDir: string;
let primaryMatter: string;
let replicaMatter: string;

before(async () => {
  [primary, replica] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-read-replica-'));
  // The replica differs from the primary: one published matter on the primary, two on the replica.
  primaryMatter = (await buildMatter(primary.db)).document.name;
  replicaMatter = (await buildMatter(replica.db)).document.name;
  await buildMatter(replica.db);
});

after(async () => {
  await Promise.all([primary?.drop(), replica?.drop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    SWEEP_INTERVAL_SECONDS: '0',
    SEAL_KEY_SECRET: 'a-test-seal-key-secret-of-this-file',
    DATABASE_URL: primary.url,
    ...env,
  });
  return startServer(config);
}

async function get(server: RunningServer, url: string, cookie?: string) {
  const res = await server.app.inject({
    method: 'GET',
    url,
    ...(cookie ? { cookies: { yw_session: cookie } } : {}),
  });
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  return res.json();
}

/** A replica address where nothing listens. */
const UNREACHABLE = 'postgres://postgres@127.0.0.1:1/replica';

/** The code of an AppError, itself or as the cause the query builder wraps it in. */
function codeOf(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof AppError) return e.code;
  return undefined;
}

const sessionsIn = async (db: TestDatabase) =>
  Number((await db.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM sessions`)).rows[0]!.n);

test('with READ_DATABASE_URL the statistics are read from the replica; sign-in and browsing stay on the primary', async () => {
  const server = await start({ READ_DATABASE_URL: replica.url });
  try {
    assert.notEqual(server.readDatabase, server.database, 'a pool of its own on the replica');
    assert.equal(server.readDatabase.pool.options.max, 5);
    assert.equal(
      server.readDatabase.pool.options.connectionTimeoutMillis,
      3000,
      'READ_DATABASE_CONNECT_TIMEOUT_MS',
    );
    assert.equal(server.database.pool.options.connectionTimeoutMillis, 10_000, 'the primary waits longer');

    const statistics = await get(server, '/api/catalogue/statistics');
    assert.equal(statistics.matters, 2, 'the replica counts two published matters');

    const browsing = await get(server, '/api/catalogue/matters');
    const names = browsing.items.map((m: { name: string }) => m.name);
    assert.ok(names.includes(primaryMatter), 'browsing lists the primary matter');
    assert.ok(!names.includes(replicaMatter), 'browsing does not read the replica');

    const staff = await buildStaff(primary.db);
    const sessionsBefore = await sessionsIn(primary);
    const browser = await signIn(server.app, staff);
    assert.equal(
      await sessionsIn(primary),
      sessionsBefore + 1,
      'the sign-in wrote its session on the primary',
    );
    assert.equal(await sessionsIn(replica), 0, 'nothing is written on the replica');
    const me = await get(server, '/api/auth/me', browser.cookie);
    assert.equal(me.user.displayName, staff.displayName, 'the session is read back from the primary');

    const health = await get(server, '/api/health');
    assert.equal(health.status, 'ok');
    assert.equal(health.database.reachable, true);
    assert.equal(health.replica.reachable, true);
  } finally {
    await server.stop();
  }
  assert.equal(server.readDatabase.pool.ending, true, 'the replica pool is closed with the server');
});

test('without READ_DATABASE_URL everything reads the primary through its one pool', async () => {
  const server = await start({});
  try {
    assert.equal(server.readDatabase, server.database, 'no second pool');
    const statistics = await get(server, '/api/catalogue/statistics');
    assert.equal(statistics.matters, 1, 'the primary counts its one published matter');
    const health = await get(server, '/api/health');
    assert.equal(health.status, 'ok');
    assert.equal('replica' in health, false, 'no replica to report');
  } finally {
    await server.stop();
  }
});

test('an unreachable replica shows in the health check without failing it', async () => {
  const server = await start({ READ_DATABASE_URL: UNREACHABLE });
  try {
    const health = await get(server, '/api/health');
    assert.equal(health.status, 'ok');
    assert.equal(health.database.reachable, true);
    assert.equal(health.replica.reachable, false);
  } finally {
    await server.stop();
  }
});

test('while the replica is unreachable the statistics answer 503 saying so in Chinese and English; browsing works', async () => {
  const server = await start({ READ_DATABASE_URL: UNREACHABLE });
  try {
    const zh = await server.app.inject({ method: 'GET', url: '/api/catalogue/statistics' });
    assert.equal(zh.statusCode, 503, zh.body);
    assert.equal(zh.json().error.code, 'statistics.unavailable');
    assert.match(zh.json().error.message, /统计数据暂时无法读取/);
    const en = await server.app.inject({
      method: 'GET',
      url: '/api/catalogue/statistics',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(en.statusCode, 503);
    assert.match(en.json().error.message, /statistics database cannot be reached/);
    const browsing = await get(server, '/api/catalogue/matters');
    assert.ok(browsing.items.some((m: { name: string }) => m.name === primaryMatter));
  } finally {
    await server.stop();
  }
});

/** A replica host that takes connections and never answers (a host behind a firewall dropping packets). */
async function silentHost(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/replica`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

test('a replica host that does not answer fails the statistics after READ_DATABASE_CONNECT_TIMEOUT_MS, not 10 s', async () => {
  const silent = await silentHost();
  const server = await start({ READ_DATABASE_URL: silent.url, READ_DATABASE_CONNECT_TIMEOUT_MS: '400' });
  try {
    const started = performance.now();
    const res = await server.app.inject({ method: 'GET', url: '/api/catalogue/statistics' });
    const waited = performance.now() - started;
    assert.equal(res.statusCode, 503, res.body);
    assert.equal(res.json().error.code, 'statistics.unavailable');
    assert.ok(waited >= 350 && waited < 3000, `answered after ${Math.round(waited)} ms`);
  } finally {
    await server.stop();
    await silent.close();
  }
});

test('an unreachable replica fails a query and a transaction alike with statistics.unavailable', async () => {
  const options = {
    primaryUrl: primary.url,
    primary,
    embedded: false,
    log: () => {},
    connectTimeoutMs: 3000,
  };
  const unreachable = openReadDatabase({ ...options, readUrl: UNREACHABLE });
  try {
    const failure = await unreachable.db.execute(sql`SELECT 1`).then(
      () => null,
      (error: unknown) => error,
    );
    assert.equal(codeOf(failure), 'statistics.unavailable');
    await assert.rejects(
      unreachable.db.transaction(async (tx) => tx.execute(sql`SELECT 1`)),
      (error: unknown) => codeOf(error) === 'statistics.unavailable',
    );
  } finally {
    await unreachable.close();
  }
  const reachable = openReadDatabase({ ...options, readUrl: replica.url });
  try {
    const { rows } = await reachable.db.execute<{ one: number }>(sql`SELECT 1 AS one`);
    assert.equal(rows[0]?.one, 1);
  } finally {
    await reachable.close();
  }
});

test('READ_DATABASE_URL naming the primary, or given with the embedded database, uses the primary pool', () => {
  const messages: string[] = [];
  const log = (m: string) => messages.push(m);
  const options = {
    readUrl: replica.url,
    primaryUrl: primary.url,
    primary,
    embedded: false,
    log,
    connectTimeoutMs: 3000,
  };
  assert.equal(openReadDatabase({ ...options, readUrl: primary.url }), primary);
  assert.equal(openReadDatabase({ ...options, readUrl: null }), primary);
  assert.deepEqual(messages, []);
  assert.equal(openReadDatabase({ ...options, embedded: true }), primary);
  assert.match(messages[0] ?? '', /READ_DATABASE_URL is ignored with the embedded database/);
});
