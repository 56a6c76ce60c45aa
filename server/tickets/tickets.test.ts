import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildKiosk, buildStaff, signIn } from '../testing/factories.ts';
import { buildTicketHall, ok } from './testing.ts';

/** Tickets and calling in one hall, on the real database, as the person, the reception and the clerk see them. */

let t: TestApp;
let h: Awaited<ReturnType<typeof buildTicketHall>>;
let person: Browser;

before(async () => {
  t = await createTestApp();
  h = await buildTicketHall(t.app, t.db.db);
  person = await signIn(t.app, await buildApplicant(t.db.db));
  // One person takes many tickets here: above the default daily limit.
  await t.db.db.execute(
    sql`INSERT INTO ticket_settings (hall_id, daily_limit_per_person) VALUES (${h.hall.id}, 99)`,
  );
});
after(() => t?.close());

const take = (who: Browser, body: Record<string, unknown>, status = 201) =>
  ok(who, 'POST', `/api/tickets/halls/${h.hall.id}/take`, body, status);
const call = (window: string, status = 200) =>
  ok(h.clerk, 'POST', `/api/tickets/windows/${window}/call`, undefined, status);
const step = (id: string, action: string, body?: unknown, status = 200) =>
  ok(h.clerk, 'POST', `/api/tickets/${id}/${action}`, body, status);
/** Serves every ticket still waiting for window `w` so a test starts with an empty queue. */
async function drain(w: string) {
  for (;;) {
    const { ticket } = await call(w);
    if (!ticket) return;
    await step(ticket.id, 'done');
  }
}

test('numbers run per category and day with the category letter; the person reads how many are ahead', async () => {
  const a1 = await take(person, { categoryId: h.categories.a });
  const a2 = await take(h.clerk, { categoryId: h.categories.a });
  const b1 = await take(h.clerk, { categoryId: h.categories.b });
  assert.match(a1.code, /^A\d{3}$/);
  assert.equal(Number(a2.code.slice(1)), Number(a1.code.slice(1)) + 1);
  assert.equal(b1.code.startsWith('B'), true);
  assert.equal(a1.channel, 'phone');
  assert.equal(a2.channel, 'reception');
  const mine = await ok(person, 'GET', `/api/tickets/${a1.id}`);
  const second = await ok(h.clerk, 'GET', `/api/tickets/${a2.id}`);
  assert.equal(second.ahead, mine.ahead + 1);
  await drain(h.windows[0]);
  await drain(h.windows[2]);
});

test('twenty people taking a number at once get twenty consecutive numbers', async () => {
  const taken = await Promise.all(
    Array.from({ length: 20 }, () => take(h.clerk, { categoryId: h.categories.b })),
  );
  const numbers = taken.map((x) => Number(x.code.slice(1))).sort((a, b) => a - b);
  assert.equal(new Set(numbers).size, 20);
  assert.equal(numbers[19]! - numbers[0]!, 19);
  await drain(h.windows[2]);
});

test('only the hall manager sets what a window serves and adds categories', async () => {
  const res = await h.clerk.request({
    method: 'PUT',
    url: `/api/tickets/windows/${h.windows[0]}/categories`,
    payload: { categoryIds: [h.categories.b] },
  });
  assert.equal(res.statusCode, 403);
  const twice = await h.manager.request({
    method: 'POST',
    url: `/api/tickets/halls/${h.hall.id}/categories`,
    payload: { letter: 'A', name: '重复字母' },
  });
  assert.equal(twice.statusCode, 400);
  assert.equal(twice.json().error.field, 'letter');
  const listed = await ok(person, 'GET', `/api/tickets/halls/${h.hall.id}/categories`);
  assert.deepEqual(
    listed.map((c: { letter: string }) => c.letter),
    ['A', 'B'],
  );
});

test('绿色通道 and 帮办代办 are called first, then a booking of today checked in, then by number', async () => {
  const booker = await buildApplicant(t.db.db);
  const [cat] = (
    await t.db.db.execute(
      sql`INSERT INTO appointment_categories (hall_id, name, capacity) VALUES (${h.hall.id}, '综合受理', 5) RETURNING id`,
    )
  ).rows as { id: string }[];
  const [booking] = (
    await t.db.db.execute(
      sql`INSERT INTO appointments (hall_id, category_id, day, start, starts_at, account_id, name, channel, booked_by)
          VALUES (${h.hall.id}, ${cat!.id}, (now() AT TIME ZONE 'Asia/Shanghai')::date, '09:00', now(), ${booker.id}, '预约人', 'online', ${booker.id})
          RETURNING id`,
    )
  ).rows as { id: string }[];
  const plain = await take(h.clerk, { categoryId: h.categories.a });
  const bookerBrowser = await signIn(t.app, booker);
  // Another person cannot check in this booking.
  await take(person, { categoryId: h.categories.a, appointmentId: booking!.id }, 404);
  const booked = await take(bookerBrowser, { categoryId: h.categories.a, appointmentId: booking!.id });
  assert.equal(booked.priority, 'booking');
  await take(bookerBrowser, { categoryId: h.categories.a, appointmentId: booking!.id }, 400);
  const agent = await take(h.clerk, { categoryId: h.categories.a, priority: 'agent' });
  const green = await take(h.clerk, { categoryId: h.categories.a, priority: 'green' });
  const res = await person.request({
    method: 'POST',
    url: `/api/tickets/halls/${h.hall.id}/take`,
    payload: { categoryId: h.categories.a, priority: 'green' },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.field, 'priority');
  const order: string[] = [];
  for (let i = 0; i < 4; i++) {
    const { ticket } = await call(h.windows[0]);
    order.push(ticket.id);
    await step(ticket.id, 'done');
  }
  assert.deepEqual(order, [agent.id, green.id, booked.id, plain.id]);
});

test('a window calls only the categories it serves; the person reads the window once called', async () => {
  const b = await take(person, { categoryId: h.categories.b });
  assert.equal((await call(h.windows[0])).ticket, null);
  const { ticket } = await call(h.windows[2]);
  assert.equal(ticket.id, b.id);
  const seen = await ok(person, 'GET', `/api/tickets/${b.id}`);
  assert.equal(seen.status, 'called');
  assert.equal(seen.windowNumber, '3');
  assert.equal(seen.ahead, null);
  // A window serves one ticket at a time.
  await call(h.windows[2], 409);
  const done = await step(b.id, 'done');
  assert.equal(done.status, 'done');
  assert.equal(typeof done.waitSeconds, 'number');
  assert.equal(typeof done.handleSeconds, 'number');
  const kinds = (
    await t.db.db.execute(
      sql`SELECT kind, window_id FROM ticket_events WHERE ticket_id = ${b.id} ORDER BY id`,
    )
  ).rows as { kind: string; window_id: string | null }[];
  assert.deepEqual(
    kinds.map((k) => k.kind),
    ['taken', 'called', 'done'],
  );
  assert.equal(kinds[1]!.window_id, h.windows[2]);
});

test('two windows calling at once never get the same ticket', async () => {
  const taken = new Set<string>();
  for (let i = 0; i < 20; i++) taken.add((await take(h.clerk, { categoryId: h.categories.a })).id);
  const called: string[] = [];
  for (let round = 0; round < 10; round++) {
    const results = await Promise.all([call(h.windows[0]), call(h.windows[1])]);
    for (const { ticket } of results) {
      called.push(ticket.id);
      await step(ticket.id, 'done');
    }
  }
  assert.equal(new Set(called).size, 20);
  assert.deepEqual(new Set(called), taken);
});

test('eight windows calling at once each get a different ticket, and the rest stay waiting', async () => {
  const big = await buildTicketHall(t.app, t.db.db, 9);
  const serving = big.allWindows.filter((_, i) => i !== 2);
  const taken: string[] = [];
  for (let i = 0; i < 12; i++)
    taken.push(
      (
        await ok(
          big.clerk,
          'POST',
          `/api/tickets/halls/${big.hall.id}/take`,
          { categoryId: big.categories.a },
          201,
        )
      ).id,
    );
  const results = await Promise.all(
    serving.map((w) => ok(big.clerk, 'POST', `/api/tickets/windows/${w}/call`)),
  );
  const called = results.map((r) => r.ticket.id as string);
  assert.equal(new Set(called).size, 8);
  // Priority equal: the eight lowest numbers are called.
  assert.deepEqual(new Set(called), new Set(taken.slice(0, 8)));
  const waiting = (
    await t.db.db.execute(
      sql`SELECT count(*)::int AS n FROM tickets WHERE hall_id = ${big.hall.id} AND status = 'waiting'`,
    )
  ).rows[0] as { n: number };
  assert.equal(waiting.n, 4);
});

test('recall, skip (back once), no-show and transfer to a category or a window', async () => {
  const x = await take(person, { categoryId: h.categories.a });
  await call(h.windows[0]);
  assert.equal((await step(x.id, 'recall')).status, 'called');
  assert.equal((await step(x.id, 'skip')).status, 'skipped');
  const back = await step(x.id, 'return');
  assert.equal(back.status, 'waiting');
  assert.equal(back.returned, true);
  await call(h.windows[0]);
  await step(x.id, 'skip');
  const again = await h.clerk.request({ method: 'POST', url: `/api/tickets/${x.id}/return` });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'ticket.state');

  const y = await take(person, { categoryId: h.categories.a });
  await call(h.windows[0]);
  const moved = await step(y.id, 'transfer', { categoryId: h.categories.b });
  assert.equal(moved.status, 'waiting');
  assert.equal(moved.code, y.code);
  assert.equal((await call(h.windows[2])).ticket.id, y.id);
  await step(y.id, 'transfer', { windowId: h.windows[1] });
  assert.equal((await call(h.windows[0])).ticket, null);
  assert.equal((await call(h.windows[1])).ticket.id, y.id);
  assert.equal((await step(y.id, 'no-show')).status, 'no_show');
  await step(y.id, 'done', undefined, 409);
  const bad = await h.clerk.request({ method: 'POST', url: `/api/tickets/${y.id}/transfer`, payload: {} });
  assert.equal(bad.statusCode, 400);
});

test('a paused window calls no one until resumed', async () => {
  const z = await take(person, { categoryId: h.categories.a });
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[1]}/pause`);
  const paused = await h.clerk.request({ method: 'POST', url: `/api/tickets/windows/${h.windows[1]}/call` });
  assert.equal(paused.statusCode, 409);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[1]}/resume`);
  assert.equal((await call(h.windows[1])).ticket.id, z.id);
  await step(z.id, 'done');
});

test('at the kiosk a ticket is taken with the device token', async () => {
  const kiosk = await buildKiosk(t.db.db, { hallId: h.hall.id });
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/tickets/kiosk/take',
    headers: { 'x-kiosk-token': kiosk.token },
    payload: { categoryId: h.categories.b },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().channel, 'kiosk');
  const none = await t.app.inject({
    method: 'POST',
    url: '/api/tickets/kiosk/take',
    payload: { categoryId: h.categories.b },
  });
  assert.equal(none.statusCode, 401);
  await drain(h.windows[2]);
});

test("another hall's staff and another person get a 404 for a ticket or window", async () => {
  const mine = await take(person, { categoryId: h.categories.a });
  const other = await buildTicketHall(t.app, t.db.db);
  const stranger = await signIn(t.app, await buildApplicant(t.db.db));
  for (const [who, url] of [
    [other.clerk, `/api/tickets/${mine.id}`],
    [stranger, `/api/tickets/${mine.id}`],
  ] as const)
    assert.equal((await who.request({ method: 'GET', url })).statusCode, 404);
  for (const url of [`/api/tickets/${mine.id}/done`, `/api/tickets/windows/${h.windows[0]}/call`])
    assert.equal((await other.clerk.request({ method: 'POST', url })).statusCode, 404);
  // Their category is not this hall's.
  await take(person, { categoryId: other.categories.a }, 404);
  const outsider = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  assert.equal(
    (
      await outsider.request({
        method: 'PUT',
        url: `/api/tickets/windows/${h.windows[0]}/categories`,
        payload: { categoryIds: [] },
      })
    ).statusCode,
    404,
  );
  await drain(h.windows[0]);
});
