import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { hostileString } from '../testing/fuzz/values.ts';
import { buildTicketHall, ok } from './testing.ts';

/**
 * Property test of the calling screen's public routes with random hall ids, `after` values and
 * Last-Event-ID headers, over real HTTP: never a 5xx, a 4xx names a code, and a stream that opens
 * is an event stream.
 */

let t: TestApp;
let base: string;
let hallId: string;

before(async () => {
  t = await createTestApp();
  const h = await buildTicketHall(t.app, t.db.db);
  hallId = h.hall.id;
  await ok(h.clerk, 'POST', `/api/tickets/halls/${hallId}/take`, { categoryId: h.categories.a }, 201);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
after(() => t?.close());

const enc = (v: string) => [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const hall = fc.oneof(fc.constant('hall'), fc.uuid(), hostileString(40));
const number = fc.oneof(
  fc.nat().map(String),
  fc.constantFrom('-1', '1.5', '1e3', '', '99999999999999999999', 'abc'),
  hostileString(12),
);
/** Header values as a browser may send them: visible ASCII only. */
const header = fc.oneof(
  fc.nat().map(String),
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
);

test('random screen and stream requests: never a 5xx; an unknown hall a 404, a bad position a 400', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('screen', 'stream'),
      hall,
      fc.option(number),
      fc.option(header),
      async (path, h, afterValue, lastEventId) => {
        const id = h === 'hall' ? hallId : h;
        const query = afterValue === null ? '' : `?after=${enc(afterValue)}`;
        const abort = new AbortController();
        const res = await fetch(`${base}/api/tickets/halls/${enc(id)}/${path}${query}`, {
          headers: lastEventId === null ? {} : { 'last-event-id': lastEventId },
          signal: abort.signal,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        try {
          assert.ok(res.status < 500, `${path} ${id} ${query} ${lastEventId}: ${res.status}`);
          if (res.status >= 400) assert.ok(((await res.json()) as { error: { code: string } }).error.code);
          if (res.status === 200 && path === 'stream')
            assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
          if (res.status === 200) assert.equal(id, hallId);
        } finally {
          abort.abort();
        }
      },
    ),
    { numRuns: 200, seed: 20261206 },
  );
  assert.ok(statuses.has(200) && statuses.has(400) && statuses.has(404), JSON.stringify([...statuses]));
});
