import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildKiosk, signIn } from '../testing/factories.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileJson, hostileString } from '../testing/fuzz/values.ts';
import { buildTicketHall } from './testing.ts';

/**
 * Property test of taking a ticket (with a booking, a name and a phone), today's bookings to check
 * in, my tickets and the kiosk's check-in list, under random ids, bodies and tokens, as a person,
 * the booking's holder, a clerk, a clerk of another hall or nobody: never a 5xx, a 4xx names a
 * code; only the holder sees the booking, and it checks in to the holder's ticket only.
 */

let t: TestApp;
let who: Record<'person' | 'holder' | 'clerk' | 'otherClerk', Browser>;
let ids: Record<string, string>;

before(async () => {
  t = await createTestApp();
  const h = await buildTicketHall(t.app, t.db.db);
  const other = await buildTicketHall(t.app, t.db.db);
  const holder = await buildApplicant(t.db.db);
  const { rows } = await t.db.db.execute(
    sql`WITH c AS (INSERT INTO appointment_categories (hall_id, name, capacity) VALUES (${h.hall.id}, '综合', 5) RETURNING id)
        INSERT INTO appointments (hall_id, category_id, day, start, starts_at, account_id, name, channel, booked_by)
        SELECT ${h.hall.id}, c.id, (now() AT TIME ZONE 'Asia/Shanghai')::date, '23:30', now(), ${holder.id}, '预约人', 'online', ${holder.id}
        FROM c RETURNING id`,
  );
  who = {
    person: await signIn(t.app, await buildApplicant(t.db.db)),
    holder: await signIn(t.app, holder),
    clerk: h.clerk,
    otherClerk: other.clerk,
  };
  const kiosk = await buildKiosk(t.db.db, { hallId: h.hall.id });
  ids = {
    hall: h.hall.id,
    otherHall: other.hall.id,
    catA: h.categories.a,
    booking: (rows[0] as { id: string }).id,
    token: kiosk.token,
    holder: holder.id,
  };
});
after(() => t?.close());

const NAMES = ['hall', 'otherHall', 'catA', 'booking'] as const;
const { id, value, enc } = namedIds(NAMES, () => ids);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const requestArb = fc.oneof(
  fc.record({
    kind: fc.constant('take' as const),
    hallId: id(),
    body: fc.oneof(
      fc.record({
        categoryId: optional(id()),
        appointmentId: optional(id()),
        personName: optional(hostileString(60)),
        phone: optional(fc.oneof(fc.constantFrom('13912345678', '029-8888', ''), hostileString(24))),
        priority: optional(fc.constantFrom('green', 'agent', 'vip')),
      }),
      hostileJson,
    ),
  }),
  fc.record({ kind: fc.constant('checkin' as const), hallId: id() }),
  fc.record({ kind: fc.constant('mine' as const) }),
  fc.record({
    kind: fc.constant('kiosk' as const),
    token: fc.oneof(fc.constant('token'), hostileString(30)),
    body: fc.oneof(fc.record({ categoryId: optional(id()), appointmentId: optional(id()) }), hostileJson),
    read: fc.boolean(),
  }),
);

const resolve = (body: unknown) =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? Object.fromEntries(
        Object.entries(body)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, typeof v === 'string' && k !== 'personName' && k !== 'phone' ? value(v) : v]),
      )
    : body;

test('random take, check-in and my-ticket requests: never a 5xx; a booking checks in to its holder’s ticket only', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom('person', 'holder', 'clerk', 'otherClerk', 'nobody'),
      async (r, as) => {
        const send = sendAs(t.app, who, as);
        let res: Awaited<ReturnType<Browser['request']>>;
        switch (r.kind) {
          case 'take':
            res = await send({
              method: 'POST',
              url: `/api/tickets/halls/${enc(r.hallId)}/take`,
              payload: resolve(r.body) as object,
            });
            break;
          case 'checkin':
            res = await send({ method: 'GET', url: `/api/tickets/halls/${enc(r.hallId)}/checkin` });
            if (res.statusCode === 200 && as !== 'holder')
              assert.ok(!res.body.includes(ids.booking!), 'another person’s booking is not listed');
            break;
          case 'mine':
            res = await send({ method: 'GET', url: '/api/tickets/mine' });
            break;
          default:
            res = await t.app.inject({
              method: r.read ? 'GET' : 'POST',
              url: r.read ? '/api/tickets/kiosk/checkin' : '/api/tickets/kiosk/take',
              headers: { 'x-kiosk-token': value(r.token) },
              ...(r.read ? {} : { payload: resolve(r.body) as object }),
            });
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
      },
    ),
    { numRuns: 300, seed: 20261206 },
  );
  const { rows } = await t.db.db.execute(
    sql`SELECT a.status, t.account_id FROM appointments a LEFT JOIN tickets t ON t.appointment_id = a.id
        WHERE a.id = ${ids.booking}`,
  );
  const row = rows[0] as { status: string; account_id: string | null };
  // Still booked, or checked in (by its holder or the hall's reception) to a ticket of its holder.
  if (row.status !== 'booked') assert.deepEqual([row.status, row.account_id], ['attended', ids.holder]);
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
  assert.ok(statuses.has(400) && statuses.has(404), JSON.stringify([...statuses]));
});
