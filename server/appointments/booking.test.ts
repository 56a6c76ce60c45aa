import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { addNaturalDays, weekdayOf } from '../../common/working-days.ts';
import type { Browser } from '../accounts/testing.ts';
import { auditRecords } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildIdNumber, buildStaff, FACTORY_AUDIT, signIn } from '../testing/factories.ts';
import { book as bookAt, cancel } from './booking.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { appointmentSettings, appointments } from './tables.ts';
import { addCategory, bookableDays, buildBookingHall, personActor } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

const DEFAULT_HOURS = { open: '09:00', close: '17:00' };
const book = (who: Browser, payload: Record<string, unknown>) =>
  who.request({ method: 'POST', url: '/api/appointments', payload });

test('a manager sets hours with an extra Saturday; the days offered are 1 to 5 working days ahead', async () => {
  const { hall, manager } = await buildBookingHall(t.app, t.db.db);
  const today = todayInChina();
  // The first Saturday more than a day ahead, opened as an extra day.
  let saturday = addNaturalDays(today, 2);
  while (weekdayOf(saturday) !== 6) saturday = addNaturalDays(saturday, 1);
  const settings = {
    weekdays: {
      1: DEFAULT_HOURS,
      2: DEFAULT_HOURS,
      3: DEFAULT_HOURS,
      4: DEFAULT_HOURS,
      5: { open: '09:00', close: '19:30' },
    },
    extraDays: [{ day: saturday, open: '09:00', close: '12:00' }],
    slotMinutes: 30,
    minDaysAhead: 1,
    maxDaysAhead: 5,
    cancelHoursBefore: 2,
    noShowLimit: 2,
    cancelLimit: 5,
    suspendDays: 30,
  };
  const put = await manager.request({
    method: 'PUT',
    url: `/api/appointments/halls/${hall.id}/settings`,
    payload: settings,
  });
  assert.equal(put.statusCode, 200, put.body);
  const days = await bookableDays(t.app, hall.id);
  assert.ok(days.length >= 5 && days.length <= 6, JSON.stringify(days));
  assert.ok(days.every((d) => d.day > today));
  const workdays = days.filter((d) => !d.extra);
  assert.equal(workdays.length, 5, 'five working days are offered');
  for (const d of workdays) assert.ok(d.weekday <= 5 || d.extra);
  const friday = workdays.find((d) => d.weekday === 5);
  if (friday) assert.equal(friday.close, '19:30', 'extended hours on Friday');
  if (saturday < workdays.at(-1)!.day) {
    const extra = days.find((d) => d.day === saturday);
    assert.deepEqual(extra && { open: extra.open, close: extra.close, extra: extra.extra }, {
      open: '09:00',
      close: '12:00',
      extra: true,
    });
  }
  // Closing before opening is refused, naming the place.
  const bad = await manager.request({
    method: 'PUT',
    url: `/api/appointments/halls/${hall.id}/settings`,
    payload: { ...settings, weekdays: { 1: { open: '17:00', close: '09:00' } } },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'weekdays/1/close');
});

test('only the managers of the hall set its hours and categories', async () => {
  const { hall } = await buildBookingHall(t.app, t.db.db);
  const other = await buildBookingHall(t.app, t.db.db);
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  for (const who of [other.manager, person]) {
    const res = await who.request({
      method: 'POST',
      url: `/api/appointments/halls/${hall.id}/categories`,
      payload: { name: '不动产登记', capacity: 5 },
    });
    assert.equal(res.statusCode, 403, res.body);
  }
  // Without a session the body is not even read: 401, whatever it holds.
  const unread = await t.app.inject({
    method: 'POST',
    url: '/api/appointments',
    payload: { nonsense: true },
  });
  assert.equal(unread.statusCode, 401);
  // A system administrator of the hall's region may, as for the hall itself.
  const admin = await signIn(t.app, await buildStaff(t.db.db, { role: 'system_admin' }));
  const byAdmin = await admin.request({
    method: 'POST',
    url: `/api/appointments/halls/${hall.id}/categories`,
    payload: { name: '公安户政', capacity: 2 },
  });
  assert.equal(byAdmin.statusCode, 201, byAdmin.body);
  // The managers read the set-up: the default rules and every category, a stopped one too.
  const stop = await (
    await signIn(
      t.app,
      await buildStaff(t.db.db, { role: 'hall_manager', organisationId: hall.organisationId }),
    )
  ).request({
    method: 'PUT',
    url: `/api/appointments/categories/${byAdmin.json().id}`,
    payload: { name: '公安户政', capacity: 2, active: false },
  });
  assert.equal(stop.statusCode, 200, stop.body);
  const setup = await admin.request({ method: 'GET', url: `/api/appointments/halls/${hall.id}/setup` });
  assert.equal(setup.statusCode, 200, setup.body);
  assert.equal(setup.json().settings.maxDaysAhead, 5);
  assert.equal(setup.json().settings.cancelHoursBefore, 2);
  assert.deepEqual(
    setup.json().categories.map((c: { name: string; active: boolean }) => [c.name, c.active]),
    [
      ['综合窗口', true],
      ['公安户政', false],
    ],
  );
  assert.equal(
    (await person.request({ method: 'GET', url: `/api/appointments/halls/${hall.id}/setup` })).statusCode,
    403,
  );
  // A stopped category is not offered.
  const offered = (await t.app.inject({ method: 'GET', url: '/api/appointments/halls' })).json();
  const listed = offered.find((h: { id: string }) => h.id === hall.id);
  assert.deepEqual(
    listed.categories.map((c: { name: string }) => c.name),
    ['综合窗口'],
  );
  const anon = await t.app.inject({
    method: 'POST',
    url: `/api/appointments/halls/${hall.id}/categories`,
    payload: { name: 'x', capacity: 1 },
  });
  assert.ok([401, 403].includes(anon.statusCode));
});

test('a person books a slot in their real name; the places left go down; a second booking of the matter that day is refused', async () => {
  const { hall, manager, category } = await buildBookingHall(t.app, t.db.db, { capacity: 3 });
  const applicant = await buildApplicant(t.db.db, { displayName: '张三' });
  const person = await signIn(t.app, applicant);
  const [first, second] = await bookableDays(t.app, hall.id);
  const slots = await t.app.inject({
    method: 'GET',
    url: `/api/appointments/slots?categoryId=${category.id}&day=${first!.day}`,
  });
  assert.equal(slots.statusCode, 200, slots.body);
  const list = slots.json().slots as { start: string; left: number; capacity: number }[];
  assert.equal(list[0]!.start, '09:00');
  assert.equal(list.length, 16, '09:00–17:00 in 30-minute slots');
  assert.equal(list[0]!.left, 3);

  const res = await book(person, { categoryId: category.id, day: first!.day, start: '09:30' });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().name, '张三');
  assert.equal(res.json().hallName, hall.name);
  assert.equal(res.json().status, 'booked');
  const after1 = await t.app.inject({
    method: 'GET',
    url: `/api/appointments/slots?categoryId=${category.id}&day=${first!.day}`,
  });
  assert.equal(after1.json().slots.find((s: { start: string }) => s.start === '09:30').left, 2);

  const again = await book(person, { categoryId: category.id, day: first!.day, start: '10:00' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'appointment.duplicate');
  assert.match(again.json().error.message, /每人每天只能预约一次/);
  const en = await person.request({
    method: 'POST',
    url: '/api/appointments',
    payload: { categoryId: category.id, day: first!.day, start: '10:00' },
    headers: { 'accept-language': 'en' },
  });
  assert.match(en.json().error.message, /one booking per matter per day/);
  // Another day, or another matter the same day, is fine.
  assert.equal(
    (await book(person, { categoryId: category.id, day: second!.day, start: '10:00' })).statusCode,
    201,
  );
  const other = await addCategory(manager, hall.id, '社保医保', 2);
  assert.equal(
    (await book(person, { categoryId: other.id, day: first!.day, start: '09:30' })).statusCode,
    201,
  );

  const mine = await person.request({ method: 'GET', url: '/api/appointments/mine' });
  assert.equal(mine.json().appointments.length, 3);
});

test('a full slot, a day too soon or too far and a time the hall is closed are each refused with the reason', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db, { capacity: 1 });
  const days = await bookableDays(t.app, hall.id);
  const a = await signIn(t.app, await buildApplicant(t.db.db));
  const b = await signIn(t.app, await buildApplicant(t.db.db));
  assert.equal(
    (await book(a, { categoryId: category.id, day: days[0]!.day, start: '14:00' })).statusCode,
    201,
  );
  const full = await book(b, { categoryId: category.id, day: days[0]!.day, start: '14:00' });
  assert.equal(full.statusCode, 409);
  assert.equal(full.json().error.code, 'appointment.full');
  assert.match(full.json().error.message, /已约满/);

  const today = await book(b, { categoryId: category.id, day: todayInChina(), start: '14:00' });
  assert.equal(today.statusCode, 400);
  assert.equal(today.json().error.code, 'appointment.too_early');
  assert.equal(today.json().error.field, 'day');
  const far = await book(b, {
    categoryId: category.id,
    day: addNaturalDays(days.at(-1)!.day, 7),
    start: '14:00',
  });
  assert.equal(far.statusCode, 400);
  assert.equal(far.json().error.code, 'appointment.too_late');
  const night = await book(b, { categoryId: category.id, day: days[0]!.day, start: '20:00' });
  assert.equal(night.statusCode, 400);
  assert.equal(night.json().error.code, 'appointment.closed');
  const odd = await book(b, { categoryId: category.id, day: days[0]!.day, start: '09:10' });
  assert.equal(odd.json().error.code, 'appointment.closed');
});

test('a person cancels their own booking and the place is free again; another person’s booking is a 404', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db, { capacity: 1 });
  const [day] = await bookableDays(t.app, hall.id);
  const owner = await signIn(t.app, await buildApplicant(t.db.db));
  const stranger = await signIn(t.app, await buildApplicant(t.db.db));
  const booked = (await book(owner, { categoryId: category.id, day: day!.day, start: '11:00' })).json();
  const theirs = await stranger.request({ method: 'POST', url: `/api/appointments/${booked.id}/cancel` });
  assert.equal(theirs.statusCode, 404);
  const otherClerk = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  assert.equal(
    (await otherClerk.request({ method: 'POST', url: `/api/appointments/${booked.id}/cancel` })).statusCode,
    404,
  );
  const res = await owner.request({ method: 'POST', url: `/api/appointments/${booked.id}/cancel` });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'cancelled');
  const twice = await owner.request({ method: 'POST', url: `/api/appointments/${booked.id}/cancel` });
  assert.equal(twice.statusCode, 409);
  // The freed place can be taken by someone else.
  assert.equal(
    (await book(stranger, { categoryId: category.id, day: day!.day, start: '11:00' })).statusCode,
    201,
  );
});

test('cancelling less than 2 hours before the start is refused with the deadline', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db);
  const [day] = await bookableDays(t.app, hall.id);
  const applicant = await buildApplicant(t.db.db);
  const owner = await signIn(t.app, applicant);
  const booked = (await book(owner, { categoryId: category.id, day: day!.day, start: '10:00' })).json();
  const startsAt = new Date(booked.startsAt);
  await assert.rejects(
    cancel({
      db: t.db.db,
      actor: personActor(applicant.id),
      audit: FACTORY_AUDIT,
      id: booked.id,
      now: new Date(startsAt.getTime() - 3_600_000),
    }),
    (e: { code: string; params: Record<string, unknown> }) =>
      e.code === 'appointment.cancel_too_late' && e.params.deadline === `${day!.day} 08:00`,
  );
  const row = (await t.db.db.select().from(appointments).where(eq(appointments.id, booked.id)))[0]!;
  assert.equal(row.status, 'booked');
});

test('a clerk books by phone for a caller named by ID number; the booking is in the caller’s name and list', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db);
  const [day] = await bookableDays(t.app, hall.id);
  const clerk = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'window_clerk', organisationId: hall.organisationId }),
  );
  const caller = await buildApplicant(t.db.db, { displayName: '李四' });
  const res = await book(clerk, {
    categoryId: category.id,
    day: day!.day,
    start: '15:00',
    idNumber: caller.login,
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().name, '李四');
  assert.equal(res.json().channel, 'phone');
  const [audit] = await t.db.db.select().from(auditRecords).where(eq(auditRecords.targetId, res.json().id));
  assert.equal(audit!.action, 'appointment.book');
  assert.equal((audit!.summary as { channel: string }).channel, 'phone');
  const mine = await (await signIn(t.app, caller)).request({ method: 'GET', url: '/api/appointments/mine' });
  assert.deepEqual(
    mine.json().appointments.map((a: { id: string }) => a.id),
    [res.json().id],
  );
  // A caller without an account needs a name; then an account is made for them.
  const unnamed = await book(clerk, {
    categoryId: category.id,
    day: day!.day,
    start: '15:00',
    idNumber: buildIdNumber(),
  });
  assert.equal(unnamed.statusCode, 400);
  assert.equal(unnamed.json().error.field, 'name');
  const named = await book(clerk, {
    categoryId: category.id,
    day: day!.day,
    start: '15:00',
    idNumber: buildIdNumber(),
    name: '王五',
  });
  assert.equal(named.statusCode, 201, named.body);
  assert.equal(named.json().name, '王五');
  // Without an ID number, or at another hall, or an applicant naming someone else: refused.
  const noId = await book(clerk, { categoryId: category.id, day: day!.day, start: '15:00' });
  assert.equal(noId.statusCode, 400);
  assert.equal(noId.json().error.field, 'idNumber');
  const elsewhere = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  assert.equal(
    (
      await book(elsewhere, {
        categoryId: category.id,
        day: day!.day,
        start: '15:00',
        idNumber: caller.login,
      })
    ).statusCode,
    403,
  );
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  const forOther = await book(person, {
    categoryId: category.id,
    day: day!.day,
    start: '15:00',
    idNumber: caller.login,
  });
  assert.equal(forOther.statusCode, 400);
  assert.equal(forOther.json().error.field, 'idNumber');
  // The clerk sees the day's bookings of the hall.
  const list = await clerk.request({
    method: 'GET',
    url: `/api/appointments/halls/${hall.id}/bookings?day=${day!.day}`,
  });
  assert.equal(list.statusCode, 200);
  assert.equal(list.json().length, 2);
  assert.equal(
    (
      await person.request({
        method: 'GET',
        url: `/api/appointments/halls/${hall.id}/bookings?day=${day!.day}`,
      })
    ).statusCode,
    403,
  );
});

test('with same-day booking allowed, a slot that has already started is refused', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db);
  const applicant = await buildApplicant(t.db.db);
  const morning = new Date('2026-12-08T01:10:00Z'); // Tuesday 09:10 in China
  await t.db.db.insert(appointmentSettings).values({ hallId: hall.id, ...DEFAULT_SETTINGS, minDaysAhead: 0 });
  const input = { categoryId: category.id, day: '2026-12-08', start: '09:00' };
  await assert.rejects(
    bookAt({ db: t.db.db, actor: personActor(applicant.id), audit: FACTORY_AUDIT, input, now: morning }),
    (e: { code: string }) => e.code === 'appointment.closed',
  );
  const later = await bookAt({
    db: t.db.db,
    actor: personActor(applicant.id),
    audit: FACTORY_AUDIT,
    input: { ...input, start: '09:30' },
    now: morning,
  });
  assert.equal(later.status, 'booked');
});
