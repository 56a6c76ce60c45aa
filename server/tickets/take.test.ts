import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { idCard, kioskOf } from '../kiosk/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildKiosk, signIn } from '../testing/factories.ts';
import { buildTicketHall, ok } from './testing.ts';

/** Taking a ticket: bookings checking in, the daily limit per person, reception for a named person, my tickets. */

let t: TestApp;
let h: Awaited<ReturnType<typeof buildTicketHall>>;

before(async () => {
  t = await createTestApp();
  h = await buildTicketHall(t.app, t.db.db);
});
after(() => t?.close());

const takeUrl = (hallId = h.hall.id) => `/api/tickets/halls/${hallId}/take`;

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await t.db.db.execute(query)).rows[0] as T;
}

/** An appointment category of the hall, linked to ticket category `linkTo` when given. */
async function appointmentCategory(hallId: string, linkTo?: string) {
  const cat = await one<{ id: string }>(
    sql`INSERT INTO appointment_categories (hall_id, name, capacity) VALUES (${hallId}, '不动产登记', 5) RETURNING id`,
  );
  if (linkTo)
    await t.db.db.execute(
      sql`UPDATE ticket_categories SET appointment_category_id = ${cat.id} WHERE id = ${linkTo}`,
    );
  return cat.id;
}

/** A booking of today, starting `hours` from now (later today unless negative). */
async function booking(hallId: string, categoryId: string, accountId: string, start = '23:30') {
  return (
    await one<{ id: string }>(
      sql`INSERT INTO appointments (hall_id, category_id, day, start, starts_at, account_id, name, channel, booked_by)
          VALUES (${hallId}, ${categoryId}, (now() AT TIME ZONE 'Asia/Shanghai')::date, ${start}, now() + interval '1 hour',
                  ${accountId}, '预约人', 'online', ${accountId})
          RETURNING id`,
    )
  ).id;
}

const statusOf = async (id: string) =>
  (await one<{ status: string }>(sql`SELECT status FROM appointments WHERE id = ${id}`)).status;

test('a booking for later today checks in to its linked category and is marked attended', async () => {
  const booker = await buildApplicant(t.db.db);
  const phone = await signIn(t.app, booker);
  const cat = await appointmentCategory(h.hall.id, h.categories.b);
  const id = await booking(h.hall.id, cat, booker.id);
  const listed = await ok(phone, 'GET', `/api/tickets/halls/${h.hall.id}/checkin`);
  assert.deepEqual(
    listed.map((b: { id: string; ticketCategoryId: string }) => [b.id, b.ticketCategoryId]),
    [[id, h.categories.b]],
  );
  const ticket = await ok(phone, 'POST', takeUrl(), { appointmentId: id }, 201);
  assert.match(ticket.code, /^B\d{3}$/);
  assert.equal(ticket.priority, 'booking');
  assert.equal(await statusOf(id), 'attended');
  assert.deepEqual(await ok(phone, 'GET', `/api/tickets/halls/${h.hall.id}/checkin`), []);
  const again = await phone.request({ method: 'POST', url: takeUrl(), payload: { appointmentId: id } });
  assert.equal(again.statusCode, 400);
  assert.equal(again.json().error.field, 'appointmentId');
});

test('a category other than the booking’s is a 400; another person’s or another hall’s booking a 404', async () => {
  const booker = await buildApplicant(t.db.db);
  const phone = await signIn(t.app, booker);
  const cat = await appointmentCategory(h.hall.id, h.categories.b);
  const id = await booking(h.hall.id, cat, booker.id);
  const wrong = await phone.request({
    method: 'POST',
    url: takeUrl(),
    payload: { appointmentId: id, categoryId: h.categories.a },
  });
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.field, 'categoryId');
  const stranger = await signIn(t.app, await buildApplicant(t.db.db));
  await ok(stranger, 'POST', takeUrl(), { appointmentId: id }, 404);
  const other = await buildTicketHall(t.app, t.db.db);
  await ok(phone, 'POST', takeUrl(other.hall.id), { appointmentId: id, categoryId: other.categories.a }, 404);
  assert.deepEqual(await ok(phone, 'GET', `/api/tickets/halls/${other.hall.id}/checkin`), []);
  assert.equal(await statusOf(id), 'booked');
});

test('a person takes at most the hall’s daily limit of tickets; the next is refused in Chinese', async () => {
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  for (let i = 0; i < 3; i++) await ok(person, 'POST', takeUrl(), { categoryId: h.categories.a }, 201);
  const fourth = await person.request({
    method: 'POST',
    url: takeUrl(),
    payload: { categoryId: h.categories.a },
  });
  assert.equal(fourth.statusCode, 400);
  assert.equal(fourth.json().error.code, 'ticket.daily_limit');
  assert.match(fourth.json().error.message, /今日已取号 3 次，已达上限/);
  // A hall with a limit of 1 refuses the second at once.
  const strict = await buildTicketHall(t.app, t.db.db);
  await t.db.db.execute(
    sql`INSERT INTO ticket_settings (hall_id, daily_limit_per_person) VALUES (${strict.hall.id}, 1)`,
  );
  await ok(person, 'POST', takeUrl(strict.hall.id), { categoryId: strict.categories.a }, 201);
  await ok(person, 'POST', takeUrl(strict.hall.id), { categoryId: strict.categories.a }, 400);
  // The reception desk is not limited by a person's count.
  for (let i = 0; i < 4; i++) await ok(h.clerk, 'POST', takeUrl(), { categoryId: h.categories.a }, 201);
});

test('the reception desk names the person and a phone; a person cannot set them or a priority', async () => {
  const ticket = await ok(
    h.clerk,
    'POST',
    takeUrl(),
    { categoryId: h.categories.a, personName: ' 张秀英 ', phone: '13912345678', priority: 'green' },
    201,
  );
  assert.equal(ticket.channel, 'reception');
  assert.equal(ticket.priority, 'green');
  const row = await one<{ person_name: string; phone: string }>(
    sql`SELECT person_name, phone FROM tickets WHERE id = ${ticket.id}`,
  );
  assert.deepEqual([row.person_name, row.phone], ['张秀英', '13912345678']);
  const badPhone = await h.clerk.request({
    method: 'POST',
    url: takeUrl(),
    payload: { categoryId: h.categories.a, phone: '029-8888' },
  });
  assert.equal(badPhone.statusCode, 400);
  assert.equal(badPhone.json().error.field, 'phone');
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  for (const extra of [{ personName: '张三' }, { phone: '13912345678' }, { priority: 'agent' }]) {
    const res = await person.request({
      method: 'POST',
      url: takeUrl(),
      payload: { categoryId: h.categories.a, ...extra },
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, Object.keys(extra)[0]);
  }
});

test('my tickets of today show how many are ahead and the hall; no one else’s', async () => {
  const me: Browser = await signIn(t.app, await buildApplicant(t.db.db));
  const first = await ok(me, 'POST', takeUrl(), { categoryId: h.categories.b }, 201);
  await ok(h.clerk, 'POST', takeUrl(), { categoryId: h.categories.b }, 201);
  const mine = await ok(me, 'GET', '/api/tickets/mine');
  assert.deepEqual(
    mine.map((x: { id: string }) => x.id),
    [first.id],
  );
  assert.equal(mine[0].hallName, h.hall.name);
  assert.equal(typeof mine[0].ahead, 'number');
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/tickets/mine' })).statusCode, 401);
});

test('at the kiosk the person whose card was read sees and checks in today’s booking', async () => {
  const booker = await buildApplicant(t.db.db);
  const cat = await appointmentCategory(h.hall.id, h.categories.b);
  const id = await booking(h.hall.id, cat, booker.id);
  const device = await buildKiosk(t.db.db, { hallId: h.hall.id });
  const kiosk = kioskOf(t.app, device.token);
  // Without a card read: a plain ticket only.
  assert.equal((await kiosk.request({ method: 'GET', url: '/api/tickets/kiosk/checkin' })).statusCode, 401);
  const plain = await kiosk.request({
    method: 'POST',
    url: '/api/tickets/kiosk/take',
    payload: { categoryId: h.categories.a, priority: 'green' },
  });
  assert.equal(plain.statusCode, 400);
  await t.db.db.execute(sql`UPDATE accounts SET display_name = '王建国' WHERE id = ${booker.id}`);
  const read = await kiosk.identify(idCard('王建国', booker.login));
  assert.equal(read.statusCode, 200, read.body);
  const listed = await kiosk.request({ method: 'GET', url: '/api/tickets/kiosk/checkin' });
  assert.deepEqual(
    listed.json().map((b: { id: string }) => b.id),
    [id],
  );
  const taken = await kiosk.request({
    method: 'POST',
    url: '/api/tickets/kiosk/take',
    payload: { appointmentId: id },
  });
  assert.equal(taken.statusCode, 201, taken.body);
  assert.equal(taken.json().channel, 'kiosk');
  const named = await one<{ person_name: string }>(
    sql`SELECT person_name FROM tickets WHERE id = ${taken.json().id}`,
  );
  assert.equal(named.person_name, '王建国', 'the ticket carries the name the ID card read');
  assert.match(taken.json().code, /^B/);
  assert.equal(await statusOf(id), 'attended');
});
