import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fuzzApi, summarise } from '../testing/fuzz/run.ts';

/**
 * Hostile requests to every route of the OpenAPI document (fast-check, fixed seed): wrong types,
 * NUL characters, lone surrogates, huge numbers and strings, deep nesting, arrays for objects,
 * malformed JSON, wrong content types, random bytes, odd path and query values, each from a caller
 * who may use the route. None may be answered with a 5xx. `npm run bench:fuzz` runs the same with
 * many more requests per route.
 */
const RUNS = 10;
const SEED = 20261213;

test(`no route answers ${RUNS} hostile requests with a 5xx`, { timeout: 600_000 }, async (t) => {
  let pools: Record<string, number> = {};
  const results = await fuzzApi({
    runs: RUNS,
    seed: SEED,
    onFurnished: (counts) => {
      pools = counts;
    },
  });
  const summary = summarise(results);
  const statuses = Object.entries(summary.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  t.diagnostic(
    `${summary.routes} routes, ${summary.sent} requests, ${summary.reached} reached a handler: ${statuses}`,
  );

  assert.ok(summary.routes >= 100, `only ${summary.routes} routes in the OpenAPI document`);
  // The paths and bodies name real things: cases at several stages, their files, a certificate and its grant.
  for (const kind of [
    'case',
    'attachment',
    'certificate',
    'authorisation',
    'account',
    'assignment',
    'device',
  ]) {
    assert.ok((pools[kind] ?? 0) > 0, `no ${kind} to name: ${JSON.stringify(pools)}`);
  }
  assert.equal(summary.sent, summary.routes * RUNS);
  assert.deepEqual(
    summary.failures.map((f) => `${f.status} ${f.request}`),
    [],
    summary.failures
      .slice(0, 20)
      .map((f) => `\n${f.status} ${f.route}\n  request:  ${f.request}\n  response: ${f.response}`)
      .join(''),
  );
  // The requests must get past validation and the permission check often enough to test the handlers.
  assert.ok(
    summary.reached / summary.sent > 0.4,
    `only ${summary.reached} of ${summary.sent} reached a handler`,
  );
  const unreached = results.filter((r) => r.reached === 0).map((r) => r.route);
  assert.ok(
    unreached.length <= results.length / 10,
    `no request reached the handler of ${unreached.join(', ')}`,
  );
});
