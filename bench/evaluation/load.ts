import { type Summary, summarise } from '../cases/client.ts';

/** One call's outcome: whether it answered as expected (else what it answered), and how long it took. */
export type Call = { ok: boolean; ms: number; note?: string };

export type Measured = Summary & { failed: number; firstFailure?: string; wall: number; perSecond: number };

/**
 * Calls `call(0)`, `call(1)`, … from `concurrency` workers at once, each starting its next call when
 * its last answered, until `count` calls were made or `seconds` passed.
 */
export async function measure(options: {
  concurrency: number;
  count: number;
  seconds: number;
  call: (i: number) => Promise<Call>;
}): Promise<Measured> {
  const { concurrency, count, call } = options;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const ms: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && performance.now() < until) {
        const outcome = await call(next++).catch((e: Error): Call => ({ ok: false, ms: 0, note: e.message }));
        ms.push(outcome.ms);
        if (!outcome.ok) {
          failed++;
          firstFailure ??= outcome.note;
        }
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  return { ...summarise(ms), failed, firstFailure, wall, perSecond: ms.length / wall };
}

/** Times a promise as a Call. */
export async function timed(work: () => Promise<boolean | string>): Promise<Call> {
  const t0 = performance.now();
  const result = await work();
  return result === true
    ? { ok: true, ms: performance.now() - t0 }
    : { ok: false, ms: performance.now() - t0, note: String(result) };
}

const cell = (v: string | number, w = 9) => String(v).padStart(w);
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** Prints measured rows as a table. */
export function printTable(title: string, rows: [string, Measured][]): void {
  console.log(`\n${title}\n`);
  console.log(
    `${'phase'.padEnd(44)}${cell('n', 7)}${cell('failed', 7)}${cell('p50 ms')}${cell('p95 ms')}${cell('p99 ms')}${cell('max ms')}${cell('req/s')}`,
  );
  for (const [name, m] of rows) {
    console.log(
      `${name.padEnd(44)}${cell(m.n, 7)}${cell(m.failed, 7)}${cell(fmt(m.p50))}${cell(fmt(m.p95))}${cell(fmt(m.p99))}${cell(fmt(m.max))}${cell(m.perSecond.toFixed(0))}`,
    );
    if (m.firstFailure) console.log(`  first failure: ${m.firstFailure.slice(0, 200)}`);
  }
}
