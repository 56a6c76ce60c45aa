import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEMO_PASSWORD } from '../../server/demo/accounts.ts';
import { call, signInOver } from '../../server/testing/processes.ts';
import { summarise } from '../cases/client.ts';
import { spawnServing, startBenchServer } from '../server.ts';
import { prepareHall } from './setup.ts';

/**
 * Calling screens under load: 300 screens (plain HTTP Server-Sent Event clients) on one hall's
 * stream while 20 windows each call one ticket a second through the API and mark it done. Per call,
 * the delay from sending the call until each screen has it (p50/p95/p99 over every screen × call)
 * and the server's RSS every 30 s; beside it, the same traffic from a bare node:http SSE server
 * fed by a timer (the floor: no database, no framework).
 * Usage: npm run bench:screens [-- --minutes N] [--screens N] [--windows N] [--floor-minutes N]
 */
const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const minutes = option('minutes', 10);
const screens = option('screens', 300);
const windows = option('windows', 20);
const floorMinutes = option('floor-minutes', minutes);
const THREADS = 4;
const SAMPLE_MS = 30_000;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

type Finished = { received: Map<string, number[]> | null; delays: number[]; drops: number };

/** Screens spread over worker threads, so that reading 300 streams does not delay the clock of the calls. */
async function openScreens(url: string, floor: boolean) {
  const workers = Array.from({ length: THREADS }, (_, i) => {
    const count = Math.floor(screens / THREADS) + (i < screens % THREADS ? 1 : 0);
    return new Worker(new URL('./screen-clients.ts', import.meta.url), { workerData: { url, count, floor } });
  });
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('error', reject);
          w.once('message', () => resolve());
        }),
    ),
  );
  return async (): Promise<Finished[]> => {
    const results = await Promise.all(
      workers.map(
        (w) =>
          new Promise<Finished>((resolve) => {
            w.once('message', resolve);
            w.postMessage('finish');
          }),
      ),
    );
    await Promise.all(workers.map((w) => w.terminate()));
    return results;
  };
}

const rssMb = (pid: number) => {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
};
/** The RSS of `pid` now and every 30 s until stopped. */
function sampleRss(pid: number) {
  const samples: number[] = [rssMb(pid)];
  const timer = setInterval(() => samples.push(rssMb(pid)), SAMPLE_MS);
  return () => {
    clearInterval(timer);
    samples.push(rssMb(pid));
    return samples;
  };
}

const fmt = (n: number) => (Number.isNaN(n) ? '-' : n.toFixed(1));
const cell = (s: string | number, width = 9) => String(s).padStart(width);
function row(name: string, calls: number, values: number[], missed: number, drops: number) {
  const s = summarise(values);
  console.log(
    `${name.padEnd(34)}${cell(calls)}${cell(s.n, 10)}${cell(missed)}${cell(drops)}${cell(fmt(s.p50))}${cell(fmt(s.p95))}${cell(fmt(s.p99))}${cell(fmt(s.max))}`,
  );
}

console.log(
  `${screens} screens, ${windows} windows calling one ticket a second each, ${minutes} min (floor ${floorMinutes} min)`,
);
const server = await startBenchServer();
let serverRss: number[] = [];
const sent = new Map<string, number>();
const callLatency: number[] = [];
let failures = 0;
let busyTicks = 0;
let finished: Finished[] = [];
try {
  const { hallId, windowIds } = await prepareHall(
    server.db.db,
    windows,
    Math.ceil(windows * minutes * 60 * 1.1) + 100,
  );
  const clerk = await signInOver(server.url, '/api/auth/login', {
    username: 'clerk',
    password: DEMO_PASSWORD,
  });
  const { lastEventId } = (await (
    await fetch(`${server.url}/api/tickets/halls/${hallId}/screen`)
  ).json()) as {
    lastEventId: number;
  };
  const finish = await openScreens(
    `${server.url}/api/tickets/halls/${hallId}/stream?after=${lastEventId}`,
    false,
  );
  console.log(`${screens} screens connected; calling…`);
  const stopRss = sampleRss(server.pid);
  const started = now();
  const until = started + minutes * 60_000;
  /** One window: a call each second on its own beat (a beat is let go while the last call is still out). */
  const windowLoop = async (w: number) => {
    for (let beat = 0; ; beat++) {
      const due = started + (w * 1000) / windows + beat * 1000;
      if (due >= until) return;
      await sleep(due - now());
      if (now() - due > 1000) {
        busyTicks += 1;
        continue;
      }
      const at = now();
      const res = await call(clerk, 'POST', `/api/tickets/windows/${windowIds[w]}/call`);
      const ticket = (res.body as { ticket?: { id: string; code: string } | null } | null)?.ticket;
      callLatency.push(now() - at);
      if (res.status !== 200 || !ticket) {
        failures += 1;
        continue;
      }
      sent.set(ticket.code, at);
      const done = await call(clerk, 'POST', `/api/tickets/${ticket.id}/done`);
      if (done.status !== 200) failures += 1;
    }
  };
  await Promise.all(windowIds.map((_, w) => windowLoop(w)));
  await sleep(3000);
  serverRss = stopRss();
  finished = await finish();
} finally {
  await server.stop();
}

const delays: number[] = [];
let missed = 0;
for (const [code, at] of sent) {
  let got = 0;
  for (const f of finished)
    for (const t of f.received?.get(code) ?? []) {
      delays.push(t - at);
      got += 1;
    }
  missed += screens - got;
}
const serverDrops = finished.reduce((n, f) => n + f.drops, 0);

// The floor: the same traffic from a timer in a bare node:http server.
const floor = await spawnServing(
  path.join(import.meta.dirname, 'floor-sse.ts'),
  { WINDOWS: String(windows) },
  '/health',
);
let floorRss: number[] = [];
let floorFinished: Finished[] = [];
try {
  const finish = await openScreens(`${floor.url}/stream`, true);
  const stopRss = sampleRss(floor.pid);
  await sleep(floorMinutes * 60_000);
  floorRss = stopRss();
  floorFinished = await finish();
} finally {
  await floor.stop();
}
const floorDelays = floorFinished.flatMap((f) => f.delays);

console.log(`\ndelay until a screen has the call, ms (every screen × call)`);
console.log(
  `${''.padEnd(34)}${cell('calls')}${cell('pairs', 10)}${cell('missed')}${cell('dropped')}${cell('p50')}${cell('p95')}${cell('p99')}${cell('max')}`,
);
row('server: call sent → screen', sent.size, delays, missed, serverDrops);
row(
  'floor: timer → screen',
  Math.round(floorDelays.length / screens),
  floorDelays,
  0,
  floorFinished.reduce((n, f) => n + f.drops, 0),
);
const c = summarise(callLatency);
console.log(
  `\nPOST …/call answered: p50 ${fmt(c.p50)} ms, p95 ${fmt(c.p95)} ms, p99 ${fmt(c.p99)} ms; failed calls ${failures}; beats let go (a window's call still out) ${busyTicks}`,
);
console.log(`server RSS every 30 s, MB: ${serverRss.join(' ')}`);
console.log(`floor RSS every 30 s, MB:  ${floorRss.join(' ')}`);
