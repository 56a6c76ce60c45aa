/**
 * Crash tests: real server processes on the embedded database in a temporary DATA_DIR,
 * killed with SIGKILL and started again.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import {
  call as api,
  isAlive,
  postmasterPid,
  type Session,
  serverProcesses,
  signInOver,
  waitDead,
} from '../testing/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const processes = serverProcesses();
const children = new Set<ChildProcess>();

after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await processes.cleanUp();
});

const freshDataDir = () => processes.freshDataDir();
const startServer = (dataDir: string) => processes.start(dataDir);
const stopGracefully = processes.stop;

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const signIn = (base: string): Promise<Session> =>
  signInOver(base, '/api/auth/login', { username: 'admin', password: 'demo1234' });

function runVerifyCli(dataDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/audit/verify-cli.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

test('after kill -9 of the server alone, the orphaned database is stopped and the next start serves', async (t) => {
  const dataDir = freshDataDir();
  const first = await startServer(dataDir);
  t.diagnostic(`first start (creates the database, migrates, loads demo data): ${first.startMs} ms`);
  const postgres = postmasterPid(dataDir);
  assert.ok(postgres, 'the embedded database is running');

  await kill9(first.child);
  assert.ok(isAlive(postgres), 'the database server outlives the killed server process');

  const second = await startServer(dataDir);
  t.diagnostic(`second start (after kill -9, stops the orphan): ${second.startMs} ms`);
  assert.match(second.output(), /left running by an earlier process/);
  assert.equal(isAlive(postgres), false, 'the orphan was stopped');
  const health = (await fetch(`${second.base}/api/health`).then((r) => r.json())) as { status: string };
  assert.equal(health.status, 'ok');
  await signIn(second.base);

  await stopGracefully(second);
  const third = await startServer(dataDir);
  t.diagnostic(`warm start after a clean stop: ${third.startMs} ms`);
  await stopGracefully(third);
  assert.equal(postmasterPid(dataDir), null, 'a clean stop stops the database too');
});

test('kill -9 of the server and the database during a stream of writes loses no acknowledged write', async (t) => {
  const dataDir = freshDataDir();
  const first = await startServer(dataDir);
  const postgres = postmasterPid(dataDir);
  assert.ok(postgres);
  const session = await signIn(first.base);

  const acknowledged = new Map<string, string>();
  let cutOff = 0;
  const refused: string[] = [];
  let stop = false;
  let n = 0;
  const worker = async () => {
    while (!stop) {
      const name = `崩溃测试部门${++n}`;
      try {
        const res = await api(session, 'POST', '/api/organisations', {
          name,
          kind: 'department',
          regionCode: '610100',
        });
        if (res.status === 201) acknowledged.set(String(res.body?.id), name);
        else if (res.status < 500) refused.push(`${res.status} ${JSON.stringify(res.body)}`);
        else cutOff++;
      } catch {
        cutOff++;
      }
    }
  };
  const workers = Array.from({ length: 12 }, worker);
  const deadline = Date.now() + 60_000;
  while (acknowledged.size < 150) {
    if (refused.length > 20 || Date.now() > deadline) {
      stop = true;
      await Promise.all(workers);
      assert.fail(
        `the writes did not go through: ${acknowledged.size} acknowledged; ${refused.slice(0, 3).join('; ')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  // Both at once, in the middle of the stream.
  first.child.kill('SIGKILL');
  process.kill(postgres, 'SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  stop = true;
  await Promise.all(workers);
  await waitDead(postgres);
  t.diagnostic(`${acknowledged.size} writes acknowledged before the kill, ${cutOff} cut off by it`);
  assert.deepEqual(refused, [], 'no write was refused');
  assert.ok(cutOff > 0, 'the kill interrupted writes in flight');

  const second = await startServer(dataDir);
  t.diagnostic(`start after kill -9 of both (crash recovery): ${second.startMs} ms`);
  const again = await signIn(second.base);
  const missing: string[] = [];
  for (const [id, name] of acknowledged) {
    const res = await api(again, 'GET', `/api/organisations/${id}`);
    if (res.status !== 200 || res.body?.name !== name) missing.push(`${id} ${name} → ${res.status}`);
  }
  assert.deepEqual(missing, [], 'every acknowledged write is there');

  const audited = new Set<string>();
  for (let offset = 0; ; offset += 200) {
    const page = await api(again, 'GET', `/api/audit?action=organisation.create&limit=200&offset=${offset}`);
    assert.equal(page.status, 200);
    const items = page.body?.items as { targetId: string }[];
    for (const item of items) audited.add(item.targetId);
    if (items.length < 200) break;
  }
  for (const id of acknowledged.keys()) assert.ok(audited.has(id), `the creation of ${id} was audited`);
  const verification = await api(again, 'GET', '/api/audit/verify');
  assert.equal(verification.status, 200);
  assert.equal(verification.body?.ok, true, JSON.stringify(verification.body));

  const whileRunning = await runVerifyCli(dataDir);
  assert.equal(whileRunning.code, 0, whileRunning.out);
  await stopGracefully(second);
  const whileStopped = await runVerifyCli(dataDir);
  assert.equal(whileStopped.code, 0, whileStopped.out);
  assert.match(whileStopped.out, /Audit trail intact/);
  assert.equal(postmasterPid(dataDir), null, 'the CLI stops the database it started');
});
