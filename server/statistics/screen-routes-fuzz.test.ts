import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { ensureRegion } from '../testing/factories.ts';
import { hostileString } from '../testing/fuzz/values.ts';

/**
 * Property test of the big screen's public routes with random regions, over real HTTP: never a 5xx;
 * a malformed region a 400 and an unknown one a 404, both naming `region`; a stream that opens is an
 * event stream of a region that exists.
 */

let t: TestApp;
let base: string;
const REAL = ['610100', '610102', '610103', '610102001'];

before(async () => {
  t = await createTestApp();
  await ensureRegion(t.db.db, '610100');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
after(() => t?.close());

const enc = (v: string) => [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const region = fc.oneof(
  fc.constantFrom(...REAL),
  digits(6),
  digits(9),
  digits(12),
  fc.constantFrom('', '6101', '6101000', '610100 ', '０６１０１００', '-610100', '610100/610102'),
  hostileString(30),
);

test('random screen and stream requests: never a 5xx; a bad region a 400 or 404 naming it', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('', '/stream'), fc.option(region), async (path, code) => {
      const query = code === null ? '' : `?region=${enc(code)}`;
      const abort = new AbortController();
      const res = await fetch(`${base}/api/screen${path}${query}`, { signal: abort.signal });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      try {
        assert.ok(res.status < 500, `${path} ${query}: ${res.status}`);
        if (res.status === 400 || res.status === 404)
          assert.equal(((await res.json()) as { error: { field: string } }).error.field, 'region', query);
        if (res.status === 200 && path === '/stream')
          assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
        if (res.status === 200 && code !== null) assert.ok(REAL.includes(code), `${code} answered`);
      } finally {
        abort.abort();
      }
    }),
    { numRuns: 200, seed: 20261218 },
  );
  assert.ok(statuses.has(200) && statuses.has(400) && statuses.has(404), JSON.stringify([...statuses]));
});
