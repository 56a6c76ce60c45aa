import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildStaff, FACTORY_AUDIT, signIn } from '../testing/factories.ts';
import { markNoShow } from './booking.ts';
import { bookableDays, buildBookingHall } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

const book = (who: Browser, payload: Record<string, unknown>) =>
  who.request({ method: 'POST', url: '/api/appointments', payload });

test('two no-shows in a month suspend booking at the hall for 30 days, with the reason shown', async () => {
  const { hall, manager, category } = await buildBookingHall(t.app, t.db.db);
  const days = await bookableDays(t.app, hall.id);
  const applicant = await buildApplicant(t.db.db);
  const person = await signIn(t.app, applicant);
  const clerkAccount = await buildStaff(t.db.db, {
    role: 'window_clerk',
    organisationId: hall.organisationId,
  });
  const clerk = await signIn(t.app, clerkAccount);
  const first = (await book(person, { categoryId: category.id, day: days[0]!.day, start: '09:00' })).json();
  const second = (await book(person, { categoryId: category.id, day: days[1]!.day, start: '09:00' })).json();

  // Not before the slot starts, and never by the person or another hall's staff.
  const early = await clerk.request({ method: 'POST', url: `/api/appointments/${first.id}/no-show` });
  assert.equal(early.statusCode, 400);
  assert.equal(
    (await person.request({ method: 'POST', url: `/api/appointments/${first.id}/no-show` })).statusCode,
    403,
  );
  const outsider = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  assert.equal(
    (await outsider.request({ method: 'POST', url: `/api/appointments/${first.id}/no-show` })).statusCode,
    404,
  );

  const clerkActor = {
    accountId: clerkAccount.id,
    kind: 'staff' as const,
    login: clerkAccount.login,
    displayName: clerkAccount.displayName,
    organisationId: hall.organisationId,
    grants: [{ role: 'window_clerk' as const, organisationId: hall.organisationId, regionPath: null }],
  };
  const after = (iso: string) => new Date(new Date(iso).getTime() + 3_600_000);
  await markNoShow({
    db: t.db.db,
    actor: clerkActor,
    audit: FACTORY_AUDIT,
    id: first.id,
    now: after(first.startsAt),
  });
  // One no-show: booking still works.
  const third = await book(person, { categoryId: category.id, day: days[2]!.day, start: '09:00' });
  assert.equal(third.statusCode, 201, third.body);
  await markNoShow({
    db: t.db.db,
    actor: clerkActor,
    audit: FACTORY_AUDIT,
    id: second.id,
    now: after(second.startsAt),
  });

  const refused = await book(person, { categoryId: category.id, day: days[3]!.day, start: '09:00' });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().error.code, 'appointment.suspended');
  assert.match(
    refused.json().error.message,
    /预约资格已暂停至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}，原因：近一个月内 2 次预约未按时到场（爽约）/,
  );
  const en = await person.request({
    method: 'POST',
    url: '/api/appointments',
    payload: { categoryId: category.id, day: days[3]!.day, start: '09:00' },
    headers: { 'accept-language': 'en' },
  });
  assert.match(en.json().error.message, /suspended until .*2 missed bookings \(no-shows\) in a month/);
  const mine = (await person.request({ method: 'GET', url: '/api/appointments/mine' })).json();
  assert.equal(mine.suspensions.length, 1);
  assert.equal(mine.suspensions[0].hallName, hall.name);
  const days30 =
    (new Date(mine.suspensions[0].until).getTime() - new Date(second.startsAt).getTime()) / 86_400_000;
  assert.ok(days30 > 29.9 && days30 < 30.2, String(days30));
  // Another hall is not affected.
  const other = await buildBookingHall(t.app, t.db.db);
  const otherDays = await bookableDays(t.app, other.hall.id);
  assert.equal(
    (await book(person, { categoryId: other.category.id, day: otherDays[0]!.day, start: '09:00' }))
      .statusCode,
    201,
  );
  void manager;
});

test('five cancellations in a month suspend booking', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db);
  const [day] = await bookableDays(t.app, hall.id);
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  for (let i = 0; i < 5; i += 1) {
    const booked = await book(person, { categoryId: category.id, day: day!.day, start: '10:00' });
    assert.equal(booked.statusCode, 201, `booking ${i + 1}: ${booked.body}`);
    const cancelled = await person.request({
      method: 'POST',
      url: `/api/appointments/${booked.json().id}/cancel`,
    });
    assert.equal(cancelled.statusCode, 200);
  }
  const refused = await book(person, { categoryId: category.id, day: day!.day, start: '10:00' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.json().error.message, /原因：近一个月内取消预约 5 次/);
});
