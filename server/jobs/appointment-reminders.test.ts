import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { bookableDays, buildBookingHall } from '../appointments/testing.ts';
import { dispatchQueuedSms, notifications } from '../notifications/index.ts';
import { recordingGateway } from '../notifications/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, signIn } from '../testing/factories.ts';
import { startAppointmentReminders } from './appointment-reminders.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

test('reminders by SMS the day before and 1 hour before, each queued once however often the job runs', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db);
  const [day] = await bookableDays(t.app, hall.id);
  const applicant = await buildApplicant(t.db.db, { phone: '13800138000' });
  const person = await signIn(t.app, applicant);
  const booked = (
    await person.request({
      method: 'POST',
      url: '/api/appointments',
      payload: { categoryId: category.id, day: day!.day, start: '10:30' },
    })
  ).json();
  const startsAt = new Date(booked.startsAt).getTime();
  let now = new Date(startsAt - 30 * 3_600_000);
  const job = startAppointmentReminders({ db: t.db.db, intervalSeconds: 0, now: () => now, log: () => {} });
  const { gateway, texts } = recordingGateway();
  const send = () => dispatchQueuedSms({ db: t.db.db, sms: gateway });

  // 30 hours before: nothing yet.
  assert.deepEqual(await job.runOnce(), { ran: true, dayBefore: 0, hourBefore: 0 });
  now = new Date(startsAt - 20 * 3_600_000);
  assert.deepEqual(await job.runOnce(), { ran: true, dayBefore: 1, hourBefore: 0 });
  assert.deepEqual(await job.runOnce(), { ran: true, dayBefore: 0, hourBefore: 0 });
  await send();
  assert.equal(texts.length, 1);
  assert.match(texts[0]!, new RegExp(`预约提醒.*${hall.name}“综合窗口”将于 ${day!.day} 10:30 开始`));

  now = new Date(startsAt - 50 * 60_000);
  assert.deepEqual(await job.runOnce(), { ran: true, dayBefore: 0, hourBefore: 1 });
  assert.deepEqual(await job.runOnce(), { ran: true, dayBefore: 0, hourBefore: 0 });
  await send();
  assert.equal(texts.length, 2);
  const sms = await t.db.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.accountId, applicant.id), eq(notifications.channel, 'sms')));
  assert.equal(sms.length, 2);
  assert.ok(sms.every((s) => s.status === 'sent' && s.address === '13800138000'));
  await job.stop();
});

test('a cancelled booking gets no reminder', async () => {
  const { hall, category } = await buildBookingHall(t.app, t.db.db);
  const [day] = await bookableDays(t.app, hall.id);
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  const booked = (
    await person.request({
      method: 'POST',
      url: '/api/appointments',
      payload: { categoryId: category.id, day: day!.day, start: '11:00' },
    })
  ).json();
  await person.request({ method: 'POST', url: `/api/appointments/${booked.id}/cancel` });
  const now = new Date(new Date(booked.startsAt).getTime() - 10 * 3_600_000);
  const job = startAppointmentReminders({ db: t.db.db, intervalSeconds: 0, now: () => now, log: () => {} });
  assert.deepEqual(await job.runOnce(), { ran: true, dayBefore: 0, hourBefore: 0 });
  await job.stop();
});
