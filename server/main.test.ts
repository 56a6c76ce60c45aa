import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { freePort } from './testing/ports.ts';
import { isAlive, postmasterPid, serverEnv, waitDead } from './testing/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

test('`npm start` at a terminal: one readable line per request, and Ctrl-C stops it in order without errors', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-main-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // A process group of its own, as a terminal gives the command it runs: Ctrl-C signals the whole group.
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: ROOT,
    detached: true,
    env: serverEnv(dataDir, port, {
      DEMO_DATA: 'false',
      LOG_FORMAT: 'pretty',
      LOG_LEVEL: 'info',
      SWEEP_INTERVAL_SECONDS: '1',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const deadline = Date.now() + 180_000;
    while (!/ready in \d+ ms/.test(output)) {
      assert.equal(child.exitCode, null, `the server exited on start:\n${output}`);
      assert.ok(Date.now() < deadline, `the server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const postgres = postmasterPid(dataDir);
    assert.ok(postgres, 'the embedded database runs');

    // Several requests at once leave several idle connections in the pool.
    const health = await Promise.all(Array.from({ length: 6 }, () => fetch(`${base}/api/health`)));
    assert.ok(health.every((r) => r.status === 200));
    await fetch(`${base}/api/progress?caseNo=610100-20260101-000001&code=QUERYCODE42`);
    await new Promise((r) => setTimeout(r, 300));

    process.kill(-child.pid!, 'SIGINT');
    const code = await exited;
    const lines = output.split('\n');
    assert.equal(code, 0, output);
    assert.equal(lines.filter((l) => /INFO: GET \/api\/health 200 \d+ ms$/.test(l)).length, 6, output);
    assert.ok(
      lines.some((l) => /INFO: GET \/api\/progress 4\d\d \d+ ms$/.test(l)),
      output,
    );
    assert.doesNotMatch(output, /QUERYCODE42/, 'the query string is not logged');
    assert.doesNotMatch(output, /incoming request|request completed|"level"/, 'no JSON request lines');
    assert.doesNotMatch(output, /connection lost|terminating connection|error/i, output);
    assert.match(output, /SIGINT received, stopping\n\[yiwang\] stopped\n/);
    assert.ok(!isAlive(postgres), 'the embedded database has stopped');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    const left = postmasterPid(dataDir);
    if (left) {
      process.kill(left, 'SIGQUIT');
      await waitDead(left).catch(() => process.kill(left, 'SIGKILL'));
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
