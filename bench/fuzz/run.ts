/**
 * The long fuzz run: `npm run bench:fuzz -- [--runs 300] [--seed 1] [--only <regexp>]`. Sends
 * hostile requests to every route of the OpenAPI document in a fresh test database with the demo
 * data, prints each route's status counts and every 5xx, and exits 1 when there was any.
 */
import { parseArgs } from 'node:util';
import { fuzzApi, summarise } from '../../server/testing/fuzz/run.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error(
    'usage: npm run bench:fuzz -- [--runs <requests per route>] [--seed <integer>] [--only <regexp>]',
  );
  process.exit(2);
}

const started = performance.now();
const histogram = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');

console.log(`fuzz: ${runs} requests per route, seed ${seed}`);
const results = await fuzzApi({
  runs,
  seed,
  only: values.only ? new RegExp(values.only) : undefined,
  onFurnished: (pools) =>
    console.log(
      `real values to name: ${Object.entries(pools)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}\n`,
    ),
  onRoute: (r, i, total) => {
    const mark = r.failures.length > 0 ? '  <-- 5xx' : '';
    console.log(
      `[${String(i + 1).padStart(3)}/${total}] ${r.route.padEnd(58)} reached ${String(r.reached).padStart(4)}/${r.sent}  ${histogram(r.statuses)}${mark}`,
    );
    for (const f of r.failures) console.log(`      ${f.status}  ${f.request}\n            ${f.response}`);
  },
});
const summary = summarise(results);
console.log(
  `\n${summary.routes} routes, ${summary.sent} requests in ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
    `${summary.reached} (${((100 * summary.reached) / Math.max(1, summary.sent)).toFixed(1)} %) reached a handler`,
);
console.log(`statuses: ${histogram(summary.statuses)}`);
if (summary.failures.length > 0) {
  console.log(`\n${summary.failures.length} requests answered with 5xx or not at all:`);
  for (const f of summary.failures)
    console.log(`\n${f.status} ${f.route}\n  request:  ${f.request}\n  response: ${f.response}`);
}
process.exit(summary.failures.length > 0 ? 1 : 0);
