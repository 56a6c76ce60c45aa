import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { bookableDays, buildBookingHall } from '../appointments/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildIdNumber, buildKiosk, buildMatter } from '../testing/factories.ts';
import { hostileJson, hostileString } from '../testing/fuzz/values.ts';
import { idCard, type Kiosk, kioskOf } from './testing.ts';

/**
 * Property test of booking at the kiosk (POST /api/kiosk/appointments) and of a matter's booking
 * halls (GET /api/appointments/matters/:id/halls) with random ids, days, times, bodies and tokens,
 * at a kiosk whose card was read or not: never a 5xx, a 4xx names a code, a booking is only ever
 * made in the kiosk's own hall for the card's holder.
 */

let t: TestApp;
let token: string;
let ids: Record<string, string>;
let days: string[];
let read: Kiosk;
let bare: Kiosk;

before(async () => {
  t = await createTestApp();
  const here = await buildBookingHall(t.app, t.db.db, { capacity: 3 });
  const other = await buildBookingHall(t.app, t.db.db, { capacity: 3 });
  token = (await buildKiosk(t.db.db, { hallId: here.hall.id })).token;
  days = (await bookableDays(t.app, here.hall.id)).map((d) => d.day);
  const matter = await buildMatter(t.db.db);
  ids = { category: here.category.id, foreign: other.category.id, hall: here.hall.id, matter: matter.id };
  read = kioskOf(t.app, token);
  const idNumber = buildIdNumber();
  const identified = await read.identify(idCard('冯强', idNumber));
  assert.equal(identified.statusCode, 200, identified.body);
  bare = kioskOf(t.app, token);
});
after(() => t?.close());

const named = ['category', 'foreign', 'hall', 'matter'] as const;
const id = () => fc.oneof(fc.constantFrom(...named), fc.uuid(), hostileString(40));
const value = (v: string) =>
  (named as readonly string[]).includes(v) ? ids[v]! : v === 'd0' ? days[0]! : v === 'd1' ? days[1]! : v;
const enc = (v: string) =>
  [...Buffer.from(value(v))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** A string as the bytes a hostile client could send in a header (control characters replaced). */
const headerValue = (v: string) =>
  [...Buffer.from(v).toString('latin1')].map((c) => (c < ' ' || c === '\x7f' ? '_' : c)).join('');

const requestArb = fc.oneof(
  fc.record({
    kind: fc.constant('book' as const),
    categoryId: id(),
    day: fc.oneof(fc.constantFrom('d0', 'd1', '2026-02-30', '2099-12-31'), hostileString(20)),
    start: fc.oneof(fc.constantFrom('09:00', '09:30', '16:30', '24:00', '9:00'), hostileString(10)),
    extra: fc.option(hostileJson),
    body: fc.option(hostileJson, { freq: 8 }),
    token: fc.oneof(fc.constant('device'), fc.constant('none'), hostileString(60)),
  }),
  fc.record({ kind: fc.constant('matterHalls' as const), matterId: id() }),
);

test('random kiosk bookings and matter halls: never a 5xx; bookings only in the kiosk’s hall for the card’s holder', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestArb, fc.constantFrom('read', 'bare', 'nobody'), async (r, as) => {
      let res: Awaited<ReturnType<Kiosk['request']>>;
      if (r.kind === 'matterHalls') {
        res = await t.app.inject({
          method: 'GET',
          url: `/api/appointments/matters/${enc(r.matterId)}/halls`,
        });
        if (res.statusCode === 200) assert.equal(value(r.matterId), ids.matter);
      } else {
        const headers =
          r.token === 'device' ? {} : { 'x-kiosk-token': r.token === 'none' ? '' : headerValue(r.token) };
        const payload = r.body ?? {
          categoryId: value(r.categoryId),
          day: value(r.day),
          start: r.start,
          ...(r.extra === null ? {} : { extra: r.extra }),
        };
        const options = { method: 'POST' as const, url: '/api/kiosk/appointments', payload, headers };
        res =
          as === 'nobody'
            ? await t.app.inject(options)
            : await (as === 'read' ? read : bare).request(options);
        if (res.statusCode === 201) {
          assert.equal(as, 'read', 'only after the card was read');
          assert.equal(res.json().hallId, ids.hall);
          assert.equal(res.json().channel, 'kiosk');
          assert.equal(res.json().name, '冯强');
        }
      }
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
    }),
    { numRuns: 300, seed: 20261206 },
  );
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
});
