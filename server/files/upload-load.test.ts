/**
 * A 20 MiB upload and download against a real server process: the server keeps answering
 * /api/health meanwhile and its memory barely grows; an anonymous upload is refused before
 * its body is read.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { type Session, signInOver } from '../testing/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MiB = 1024 * 1024;
const SIZE = 20 * MiB;
const CHUNK = 64 * 1024;

let db: TestDatabase;
let dataDir: string;
let server: ChildProcess;
let output = '';
let base: string;
let port: number;
const agent = new http.Agent({ keepAlive: true });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

before(async () => {
  db = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-upload-load-'));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', './server/files/loop-delay-probe.ts', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      BUILD_APP: 'false',
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      SWEEP_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  server.stdout?.on('data', (d) => (output += d));
  server.stderr?.on('data', (d) => (output += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited on start:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not become healthy:\n${output}`);
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
});

after(async () => {
  agent.destroy();
  if (server?.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await db?.drop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Resident memory of the server process, from /proc. */
function serverRss(): number {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** The longest event-loop delay of the server since the previous call (loop-delay-probe.ts). */
function loopDelay(): Promise<number> {
  return new Promise((resolve) => {
    server.once('message', (message: { loopDelayMs: number }) => resolve(message.loopDelayMs));
    server.send('loop-delay');
  });
}

/** GETs /api/health: the time to its answer and, of that, the time its database queries took. */
function health(): Promise<{ ms: number; databaseMs: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/api/health`, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          assert.equal(res.statusCode, 200, body);
          resolve({ ms: performance.now() - started, databaseMs: JSON.parse(body).database.latencyMs });
        });
      })
      .on('error', reject);
  });
}

/** Polls /api/health one request after another until stopped; the slowest answer and the largest RSS seen. */
function watch() {
  let running = true;
  let slowest = { ms: 0, databaseMs: 0 };
  let answers = 0;
  let peakRss = serverRss();
  const done = (async () => {
    while (running) {
      const answer = await health();
      if (answer.ms > slowest.ms) slowest = answer;
      answers += 1;
      peakRss = Math.max(peakRss, serverRss());
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return { slowest, answers, peakRss };
    },
  };
}

type Answer = { status: number; body: string; sentBytes: number; ms: number };

/**
 * POSTs `content` to /api/files in chunks of 64 KiB, a short pause after each, as a slow client
 * would; stops sending when an answer arrives early.
 */
function upload(content: Buffer, session: Session | null, announceLength = true): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let sentBytes = 0;
    let answered = false;
    const request = http.request(`${base}/api/files?name=big.pdf`, {
      method: 'POST',
      headers: {
        'content-type': 'application/pdf',
        ...(announceLength ? { 'content-length': content.length } : {}),
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      },
    });
    request.on('response', (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sentBytes, ms: performance.now() - started });
        if (sentBytes < content.length) request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const next = () => {
      if (answered) return;
      if (sentBytes >= content.length) {
        request.end();
        return;
      }
      const chunk = content.subarray(sentBytes, sentBytes + CHUNK);
      sentBytes += chunk.length;
      const flowing = request.write(chunk);
      const pause = () => setTimeout(next, 1);
      if (flowing) pause();
      else request.once('drain', pause);
    };
    next();
  });
}

/** GETs a file, hashing it as it arrives. */
function download(
  sha256: string,
  session: Session,
): Promise<{ status: number; sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/api/files/${sha256}`, { agent, headers: { cookie: session.cookie } }, (res) => {
        const hash = createHash('sha256');
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          size += chunk.length;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, sha256: hash.digest('hex'), size }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

const bigPdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]);

type Measured = {
  ms: number;
  loopDelayMs: number;
  healthSlowestMs: number;
  healthDatabaseMs: number;
  answers: number;
  rssGrowthMb: number;
};

/**
 * Runs `action` while /api/health is polled, up to three times until every health answer came
 * within 100 ms. On a machine shared with other work, the scheduler can stall any process for a
 * while; a server that blocks its event loop on an upload fails every run. What the test client
 * itself computes (content, hashes) is prepared before the polling starts.
 */
async function bestOfThree<T>(prepare: () => T, action: (prepared: T) => Promise<void>): Promise<Measured[]> {
  const runs: Measured[] = [];
  for (let run = 0; run < 3; run++) {
    const prepared = prepare();
    await new Promise((r) => setTimeout(r, 200));
    const baseline = serverRss();
    await loopDelay();
    const watcher = watch();
    const started = performance.now();
    await action(prepared);
    const ms = performance.now() - started;
    const seen = await watcher.stop();
    const loopDelayMs = await loopDelay();
    runs.push({
      ms: Math.round(ms),
      loopDelayMs: Math.round(loopDelayMs),
      healthSlowestMs: Math.round(seen.slowest.ms),
      healthDatabaseMs: Math.round(seen.slowest.databaseMs),
      answers: seen.answers,
      rssGrowthMb: +((seen.peakRss - baseline) / MiB).toFixed(1),
    });
    if (loopDelayMs < 100 && seen.slowest.ms < 100) break;
  }
  return runs;
}

test('a 20 MiB upload and its download leave /api/health fast and the server memory flat', async (t) => {
  const session = await signInOver(base, '/api/auth/applicant-login', {
    kind: 'person',
    login: '11010519491231002X',
    password: 'demo1234',
  });
  // Warm the code paths up with a small upload first, so the baseline holds them.
  const warm = await upload(Buffer.from('%PDF-1.7\nwarm up\n'), session);
  assert.equal(warm.status, 200, warm.body);

  let stored = '';
  const uploads = await bestOfThree(
    () => {
      const content = bigPdf();
      return { content, sha256: createHash('sha256').update(content).digest('hex') };
    },
    async ({ content, sha256 }) => {
      const answer = await upload(content, session);
      assert.equal(answer.status, 200, answer.body);
      assert.deepEqual(JSON.parse(answer.body), { sha256, mediaType: 'application/pdf', size: SIZE });
      stored = sha256;
    },
  );
  t.diagnostic(`uploads of 20 MiB: ${JSON.stringify(uploads)}`);
  for (const run of uploads) {
    assert.ok(run.ms > 200, `the upload took a while (${run.ms} ms), for health to be polled during it`);
    assert.ok(run.answers >= 10, `health answered ${run.answers} times meanwhile`);
    assert.ok(run.rssGrowthMb < 50, `RSS grew by ${run.rssGrowthMb} MB`);
    assert.ok(run.healthSlowestMs < 2000, `health answered within ${run.healthSlowestMs} ms: never frozen`);
  }
  assert.ok(
    uploads.some((run) => run.loopDelayMs < 100 && run.healthSlowestMs < 100),
    'every health answer within 100 ms during an upload',
  );

  const downloads = await bestOfThree(
    () => stored,
    async (sha256) => {
      assert.deepEqual(await download(sha256, session), { status: 200, sha256, size: SIZE });
    },
  );
  t.diagnostic(`downloads of 20 MiB: ${JSON.stringify(downloads)}`);
  for (const run of downloads) {
    assert.ok(run.rssGrowthMb < 50, 'the download is streamed, not loaded');
    assert.ok(run.healthSlowestMs < 2000, `health answered within ${run.healthSlowestMs} ms: never frozen`);
  }
  assert.ok(
    downloads.some((run) => run.loopDelayMs < 100 && run.healthSlowestMs < 100),
    'every health answer within 100 ms during a download',
  );
});

test('an anonymous 20 MiB upload is refused with 401 before its body is read', async (t) => {
  const baseline = serverRss();
  const answer = await upload(bigPdf(), null);
  assert.equal(answer.status, 401, answer.body);
  assert.equal(JSON.parse(answer.body).error.code, 'auth.required');
  t.diagnostic(
    `anonymous upload answered after ${answer.sentBytes} bytes were sent, in ${Math.round(answer.ms)} ms`,
  );
  assert.ok(answer.sentBytes < 4 * MiB, `answered after ${answer.sentBytes} bytes were sent`);
  assert.ok(answer.ms < 1000, `answered in ${answer.ms} ms`);
  assert.ok(serverRss() - baseline < 10 * MiB, 'no memory taken for the body');
  const health = await fetch(`${base}/api/health`);
  assert.equal(health.status, 200);
});

test('a signed-in upload over the limit is refused with 413 as soon as it passes the limit', async () => {
  const session = await signInOver(base, '/api/auth/applicant-login', {
    kind: 'person',
    login: '11010519491231002X',
    password: 'demo1234',
  });
  const announced = await upload(Buffer.concat([bigPdf(), Buffer.alloc(1)]), session);
  assert.equal(announced.status, 413, announced.body);
  assert.equal(JSON.parse(announced.body).error.code, 'files.too_large');
  assert.ok(announced.sentBytes < 4 * MiB, 'refused from the announced length, before the body');
  const streamed = await upload(Buffer.concat([bigPdf(), Buffer.alloc(MiB)]), session, false);
  assert.equal(streamed.status, 413, streamed.body);
  assert.equal(JSON.parse(streamed.body).error.code, 'files.too_large');
  assert.ok(streamed.sentBytes > SIZE, 'a body of unannounced length is refused once past the limit');
  const health = await fetch(`${base}/api/health`);
  assert.equal(health.status, 200);
  assert.deepEqual(fs.readdirSync(path.join(dataDir, 'files', '.incoming')), [], 'no temporary file left');
});
