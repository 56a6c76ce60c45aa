import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts } from '../accounts/index.ts';
import { appointments } from '../appointments/index.ts';
import { addCategory, bookableDays, buildBookingHall } from '../appointments/testing.ts';
import { auditRecords } from '../audit/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildIdNumber, buildKiosk, signIn } from '../testing/factories.ts';
import { idCard, type Kiosk, kioskOf } from './testing.ts';

let t: TestApp;
let hall: Awaited<ReturnType<typeof buildBookingHall>>;
let token: string;
let days: string[];

before(async () => {
  t = await createTestApp();
  hall = await buildBookingHall(t.app, t.db.db, { capacity: 2 });
  token = (await buildKiosk(t.db.db, { hallId: hall.hall.id })).token;
  days = (await bookableDays(t.app, hall.hall.id)).map((d) => d.day);
});
after(() => t?.close());

/** The ID card of a new resident, as the reader reads it. */
const card = (name: string) => idCard(name, buildIdNumber());

const bookAt = (kiosk: Kiosk, payload: Record<string, unknown>) =>
  kiosk.request({ method: 'POST', url: '/api/kiosk/appointments', payload });

test('the person whose ID card the kiosk read books a slot of the hall; the channel is the kiosk', async () => {
  const kiosk = kioskOf(t.app, token);
  const read = card('赵敏');
  assert.equal((await kiosk.identify(read)).statusCode, 200);
  const res = await bookAt(kiosk, { categoryId: hall.category.id, day: days[0], start: '10:00' });
  assert.equal(res.statusCode, 201, res.body);
  const booked = res.json();
  assert.equal(booked.channel, 'kiosk');
  assert.equal(booked.name, '赵敏');
  assert.equal(booked.hallId, hall.hall.id);
  const [person] = await t.db.db.select().from(accounts).where(eq(accounts.login, read.idNumber));
  const [row] = await t.db.db.select().from(appointments).where(eq(appointments.id, booked.id));
  assert.equal(row!.accountId, person!.id, 'booked for the card holder');
  assert.equal(row!.bookedBy, person!.id);
  const [audit] = await t.db.db.select().from(auditRecords).where(eq(auditRecords.targetId, booked.id));
  assert.equal(audit!.action, 'appointment.book');
  assert.equal((audit!.summary as { channel: string }).channel, 'kiosk');

  const mine = await kiosk.request({ method: 'GET', url: '/api/appointments/mine' });
  assert.deepEqual(
    mine.json().appointments.map((a: { id: string }) => a.id),
    [booked.id],
    'the kiosk lists the person’s bookings',
  );
  const cancelled = await kiosk.request({ method: 'POST', url: `/api/appointments/${booked.id}/cancel` });
  assert.equal(cancelled.statusCode, 200, cancelled.body);
  assert.equal(cancelled.json().status, 'cancelled');
});

test('a kiosk session booking through /api/appointments is recorded as the kiosk’s too, in its hall only', async () => {
  const kiosk = kioskOf(t.app, token);
  assert.equal((await kiosk.identify(card('陈晨'))).statusCode, 200);
  const res = await kiosk.request({
    method: 'POST',
    url: '/api/appointments',
    payload: { categoryId: hall.category.id, day: days[2], start: '15:00' },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().channel, 'kiosk');
  const other = await buildBookingHall(t.app, t.db.db);
  const foreign = await kiosk.request({
    method: 'POST',
    url: '/api/appointments',
    payload: { categoryId: other.category.id, day: days[2], start: '15:00' },
  });
  assert.equal(foreign.statusCode, 404);
});

test('without a card read, with another kiosk’s session or without the device token: a 401, nothing booked', async () => {
  const payload = { categoryId: hall.category.id, day: days[0], start: '11:00' };
  const bare = kioskOf(t.app, token);
  const none = await bookAt(bare, payload);
  assert.equal(none.statusCode, 401, none.body);

  const elsewhere = kioskOf(t.app, (await buildKiosk(t.db.db)).token);
  assert.equal((await elsewhere.identify(card('钱进'))).statusCode, 200);
  const session = elsewhere.session!;
  const crossed = await t.app.inject({
    method: 'POST',
    url: '/api/kiosk/appointments',
    payload,
    cookies: { yw_session: session.cookie },
    headers: { 'x-kiosk-token': token, 'x-csrf-token': session.csrfToken },
  });
  assert.equal(crossed.statusCode, 401, 'a session of another kiosk does not book here');
  const noToken = await t.app.inject({
    method: 'POST',
    url: '/api/kiosk/appointments',
    payload,
    cookies: { yw_session: session.cookie },
    headers: { 'x-csrf-token': session.csrfToken },
  });
  assert.equal(noToken.statusCode, 401);

  const online = await signIn(t.app, await buildApplicant(t.db.db));
  const withoutKiosk = await online.request({
    method: 'POST',
    url: '/api/kiosk/appointments',
    payload,
    headers: { 'x-kiosk-token': token },
  });
  assert.equal(withoutKiosk.statusCode, 401, 'a session signed in online is not the kiosk’s person');
  const left = await t.db.db.select().from(appointments).where(eq(appointments.start, '11:00'));
  assert.equal(left.length, 0);
});

test('another hall’s category is a 404 at the kiosk; a bad body names the field', async () => {
  const kiosk = kioskOf(t.app, token);
  assert.equal((await kiosk.identify(card('孙丽'))).statusCode, 200);
  const other = await buildBookingHall(t.app, t.db.db);
  const foreign = await bookAt(kiosk, { categoryId: other.category.id, day: days[0], start: '09:00' });
  assert.equal(foreign.statusCode, 404, foreign.body);
  assert.equal(foreign.json().error.field, 'categoryId');
  const phone = await bookAt(kiosk, {
    categoryId: hall.category.id,
    day: days[0],
    start: '09:00',
    idNumber: buildIdNumber(),
  });
  assert.equal(phone.statusCode, 400, 'no booking for someone else at the kiosk');
  const badTime = await bookAt(kiosk, { categoryId: hall.category.id, day: days[0], start: '9:00' });
  assert.equal(badTime.statusCode, 400);
  assert.match(badTime.json().error.message, /start/);
  const stopped = await addCategory(hall.manager, hall.hall.id, '社保医保', 1);
  await hall.manager.request({
    method: 'PUT',
    url: `/api/appointments/categories/${stopped.id}`,
    payload: { name: '社保医保', capacity: 1, active: false },
  });
  const inactive = await bookAt(kiosk, { categoryId: stopped.id, day: days[0], start: '09:00' });
  assert.equal(inactive.statusCode, 404);
});

test('the slot’s places hold at the kiosk as online: the third person of a two-place slot is refused', async () => {
  const payload = { categoryId: hall.category.id, day: days[1], start: '14:00' };
  const results = [];
  for (const name of ['周一', '吴二', '郑三']) {
    const kiosk = kioskOf(t.app, token);
    assert.equal((await kiosk.identify(card(name))).statusCode, 200);
    results.push(await bookAt(kiosk, payload));
  }
  assert.deepEqual(
    results.map((r) => r.statusCode),
    [201, 201, 409],
  );
  assert.equal(results[2]!.json().error.code, 'appointment.full');
});
