import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { TEST_DATABASE_URL } from './db.ts';
import { closedAddress } from './ports.ts';
import { isAlive, waitDead } from './processes.ts';
import { displayUrl, probe } from './test-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = 'server/testing/fixtures';
const RUN_TIMEOUT_MS = 60_000;
/** A run that never ends fails its test instead of hanging the suite. */
const timeout = RUN_TIMEOUT_MS;

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
const started = new Set<ChildProcess>();

/** The test command (`npm run test:unit -- <files>`) in a process of its own. */
function testCommand(databaseUrl: string | undefined, files: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_DATABASE_URL: databaseUrl };
  // This file runs under node --test: the nested run must report as a run of its own.
  delete env.NODE_TEST_CONTEXT;
  if (databaseUrl === undefined) delete env.TEST_DATABASE_URL;
  // A process group of its own, as a terminal gives a command: Ctrl-C reaches every process in it.
  const child = spawn(process.execPath, ['server/testing/test-run.ts', 'unit', ...files], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The embedded server a run announced: its address and data directory. */
function announcedEmbedded(output: string): { url: string; dataDir: string } {
  const line =
    /tests use the embedded PostgreSQL at (127\.0\.0\.1:\d+) \(.*data in (\S+), removed afterwards\)/.exec(
      output,
    );
  assert.ok(line, `the run names its embedded server:\n${output}`);
  return { url: `postgres://postgres@${line[1]}/postgres`, dataDir: line[2]! };
}

async function assertGone(server: { url: string; dataDir: string }): Promise<void> {
  assert.equal(fs.existsSync(server.dataDir), false, 'the data directory is removed');
  assert.match((await probe(server.url, 1000)) ?? 'answers', /ECONNREFUSED/, 'the server is stopped');
}

after(async () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

test('TEST_DATABASE_URL=embedded: the tests run on an embedded server, failures fail the run, and it is removed', {
  timeout,
}, async () => {
  const run = testCommand('embedded', [`${FIXTURES}/database.fixture.ts`, `${FIXTURES}/failing.fixture.ts`]);
  const code = await run.exited;
  const output = run.output();
  assert.equal(code, 1, output);
  assert.match(output, /tests use the embedded PostgreSQL at 127\.0\.0\.1:\d+ \(TEST_DATABASE_URL=embedded;/);
  assert.match(output, /✔ a test process creates, uses and drops a database on the run’s server/);
  assert.match(output, /✖ a test that fails/);
  assert.match(output, /pass 1\n.*fail 1\n/s);
  await assertGone(announcedEmbedded(output));
});

for (const [how, signal, interrupt] of [
  ['Ctrl-C (SIGINT to the whole process group)', 'SIGINT', (pid: number) => process.kill(-pid, 'SIGINT')],
  ['SIGTERM to the test command alone', 'SIGTERM', (pid: number) => process.kill(pid, 'SIGTERM')],
] as const) {
  test(`interrupted by ${how}: the tests end, the embedded server is stopped and removed`, {
    timeout,
  }, async () => {
    const run = testCommand('embedded', [`${FIXTURES}/waiting.fixture.ts`]);
    await until(() => /waiting in process \d+/.test(run.output()) || run.child.exitCode !== null, 'the test');
    const testPid = Number(/waiting in process (\d+)/.exec(run.output())?.[1]);
    assert.ok(isAlive(testPid), run.output());
    const server = announcedEmbedded(run.output());
    assert.doesNotMatch((await probe(server.url, 1000)) ?? 'answers', /ECONNREFUSED/, 'the server runs');
    interrupt(run.child.pid!);
    assert.equal(await run.exited, 128 + os.constants.signals[signal], run.output());
    await waitDead(testPid, 10_000);
    await assertGone(server);
  });
}

test('TEST_DATABASE_URL naming a server that answers: the tests run there', { timeout }, async () => {
  const run = testCommand(TEST_DATABASE_URL, [`${FIXTURES}/database.fixture.ts`]);
  const code = await run.exited;
  const output = run.output();
  assert.equal(code, 0, output);
  assert.ok(output.includes(`tests use the PostgreSQL server at ${displayUrl(TEST_DATABASE_URL)}\n`), output);
  assert.doesNotMatch(output, /embedded/);
});

test('TEST_DATABASE_URL naming a server that does not answer: the run fails at once, saying so', {
  timeout,
}, async () => {
  const nowhere = await closedAddress();
  const run = testCommand(nowhere, [`${FIXTURES}/database.fixture.ts`]);
  const code = await run.exited;
  const output = run.output();
  assert.equal(code, 1, output);
  assert.equal(
    output,
    `TEST_DATABASE_URL: no PostgreSQL usable at ${nowhere}: connect ECONNREFUSED ${new URL(nowhere).host}\n`,
  );
});

test('a run with no suite is refused with its usage', async () => {
  const child = spawn(process.execPath, ['server/testing/test-run.ts', 'everything'], { cwd: ROOT });
  let output = '';
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(code, 2);
  assert.match(output, /^usage: test-run\.ts <unit\|e2e>/);
});
