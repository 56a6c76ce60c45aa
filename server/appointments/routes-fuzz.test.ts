import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildStaff, signIn } from '../testing/factories.ts';
import { hostileJson, hostileNumber, hostileString } from '../testing/fuzz/values.ts';
import { bookableDays, buildBookingHall } from './testing.ts';

/**
 * Property test of the appointment routes with random ids, days, times and bodies, as a person, a
 * clerk, the hall's manager or nobody: never a 5xx; a 4xx names a code; another person's booking
 * is changed only by the hall's staff.
 */

let t: TestApp;
let who: Record<'person' | 'clerk' | 'manager' | 'stranger', Browser>;
let ids: Record<string, string>;
let days: string[];
let theirs: string;

before(async () => {
  t = await createTestApp();
  const { hall, manager, category } = await buildBookingHall(t.app, t.db.db, { capacity: 2 });
  days = (await bookableDays(t.app, hall.id)).map((d) => d.day);
  const stranger = await signIn(t.app, await buildApplicant(t.db.db));
  who = {
    person: await signIn(t.app, await buildApplicant(t.db.db)),
    clerk: await signIn(
      t.app,
      await buildStaff(t.db.db, { role: 'window_clerk', organisationId: hall.organisationId }),
    ),
    manager,
    stranger,
  };
  const booked = await stranger.request({
    method: 'POST',
    url: '/api/appointments',
    payload: { categoryId: category.id, day: days[0], start: '09:00' },
  });
  theirs = booked.json().id;
  ids = { hall: hall.id, category: category.id, booking: theirs };
});
after(() => t?.close());

const id = () => fc.oneof(fc.constantFrom('hall', 'category', 'booking'), fc.uuid(), hostileString(40));
const day = () =>
  fc.oneof(fc.constantFrom('d0', 'd1', '2026-02-30', '0000-01-01', '2099-12-31'), hostileString(20));
const time = () => fc.oneof(fc.constantFrom('09:00', '09:30', '16:30', '24:00', '9:00'), hostileString(10));
const value = (v: string) =>
  v === 'hall' || v === 'category' || v === 'booking'
    ? ids[v]!
    : v === 'd0'
      ? days[0]!
      : v === 'd1'
        ? days[1]!
        : v;
/** Percent-encoded byte by byte (unpaired surrogates included, as a hostile client might send them). */
const enc = (v: string) =>
  [...Buffer.from(value(v))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const requestArb = fc.oneof(
  fc.record({
    kind: fc.constant('book' as const),
    categoryId: id(),
    day: day(),
    start: time(),
    extra: fc.option(hostileJson),
  }),
  fc.record({ kind: fc.constant('slots' as const), categoryId: id(), day: day() }),
  fc.record({ kind: fc.constant('days' as const), hallId: id() }),
  fc.record({ kind: fc.constant('setup' as const), hallId: id() }),
  fc.record({ kind: fc.constant('cancel' as const), bookingId: id() }),
  fc.record({ kind: fc.constant('noShow' as const), bookingId: id() }),
  fc.record({
    kind: fc.constant('category' as const),
    hallId: id(),
    name: hostileString(80),
    capacity: hostileNumber,
  }),
  fc.record({
    kind: fc.constant('settings' as const),
    hallId: id(),
    open: time(),
    close: time(),
    slotMinutes: hostileNumber,
    body: fc.option(hostileJson),
  }),
);

test('random appointment requests: never a 5xx, and only the hall’s staff change another person’s booking', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestArb, fc.constantFrom('person', 'clerk', 'manager', 'nobody'), async (r, as) => {
      const send = (options: Parameters<Browser['request']>[0]) =>
        as === 'nobody' ? t.app.inject(options) : who[as as keyof typeof who].request(options);
      let res: Awaited<ReturnType<Browser['request']>>;
      switch (r.kind) {
        case 'book':
          res = await send({
            method: 'POST',
            url: '/api/appointments',
            payload: {
              categoryId: value(r.categoryId),
              day: value(r.day),
              start: r.start,
              ...(r.extra === null ? {} : { extra: r.extra }),
            },
          });
          break;
        case 'slots':
          res = await send({
            method: 'GET',
            url: `/api/appointments/slots?categoryId=${enc(r.categoryId)}&day=${enc(r.day)}`,
          });
          break;
        case 'days':
          res = await send({ method: 'GET', url: `/api/appointments/halls/${enc(r.hallId)}/days` });
          break;
        case 'setup':
          res = await send({ method: 'GET', url: `/api/appointments/halls/${enc(r.hallId)}/setup` });
          if (res.statusCode === 200) assert.equal(as, 'manager', 'only the hall’s manager reads its set-up');
          break;
        case 'cancel':
          res = await send({ method: 'POST', url: `/api/appointments/${enc(r.bookingId)}/cancel` });
          break;
        case 'noShow':
          res = await send({ method: 'POST', url: `/api/appointments/${enc(r.bookingId)}/no-show` });
          break;
        case 'category':
          res = await send({
            method: 'POST',
            url: `/api/appointments/halls/${enc(r.hallId)}/categories`,
            payload: { name: r.name, capacity: r.capacity },
          });
          break;
        default:
          res = await send({
            method: 'PUT',
            url: `/api/appointments/halls/${enc(r.hallId)}/settings`,
            payload: r.body ?? {
              weekdays: { 1: { open: r.open, close: r.close } },
              extraDays: [],
              slotMinutes: r.slotMinutes,
              minDaysAhead: 1,
              maxDaysAhead: 5,
              cancelHoursBefore: 2,
              noShowLimit: 2,
              cancelLimit: 5,
              suspendDays: 30,
            },
          });
      }
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
      if ((r.kind === 'cancel' || r.kind === 'noShow') && res.statusCode === 200)
        assert.ok(as === 'clerk' || as === 'manager', `${as} changed another person’s booking`);
    }),
    { numRuns: 300, seed: 20261206 },
  );
  // The runs reached handlers, not only the schema: some 2xx and some refusals by rule.
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
});
