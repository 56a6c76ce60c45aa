import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../../common/roles.ts';
import { auditTrail, type Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildStaff, signIn } from '../testing/factories.ts';
import { seedNationalCalendar } from './manage.ts';
import { workingDeadline } from './service.ts';

let t: TestApp;
let admin: Browser;
before(async () => {
  t = await createTestApp();
  await seedNationalCalendar({ db: t.db.db });
  admin = await signIn(t.app, await buildStaff(t.db.db, { role: 'system_admin' }));
});
after(async () => {
  await t.close();
});

test('the administrator sees the holidays and adjusted working days of a year', async () => {
  const res = await admin.request({ method: 'GET', url: '/api/calendar?year=2026' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.nationalCovered, true);
  const spring = body.items.filter((d: { name: string }) => d.name === '春节');
  assert.deepEqual(
    spring.map((d: { day: string }) => d.day),
    [15, 16, 17, 18, 19, 20, 21, 22, 23].map((d) => `2026-02-${d}`),
  );
  assert.deepEqual(
    body.items.filter((d: { workday: boolean }) => d.workday).map((d: { day: string }) => d.day),
    ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  );

  const next = await admin.request({ method: 'GET', url: '/api/calendar?year=2027' });
  assert.deepEqual(next.json(), { year: 2027, nationalCovered: false, items: [] });
});

test('only system administrators manage the calendar', async () => {
  const anonymous = await t.app.inject({ method: 'GET', url: '/api/calendar' });
  assert.equal(anonymous.statusCode, 401);
  for (const login of ['window_clerk', 'hall_manager', 'supervisor'] as Role[]) {
    const staff = await signIn(t.app, await buildStaff(t.db.db, { role: login }));
    const read = await staff.request({ method: 'GET', url: '/api/calendar' });
    assert.equal(read.statusCode, 403, login);
    const write = await staff.request({
      method: 'PUT',
      url: '/api/calendar/2026-03-09',
      payload: { workday: false, name: '放假' },
    });
    assert.equal(write.json().error.code, 'auth.forbidden', login);
  }
});

test('a local override changes deadlines, is audited, and can be removed', async () => {
  const put = await admin.request({
    method: 'PUT',
    url: '/api/calendar/2026-03-09',
    payload: { workday: false, name: '地方节日放假' },
  });
  assert.equal(put.statusCode, 200, put.body);
  const { updatedAt, ...entry } = put.json<Record<string, unknown>>();
  assert.match(String(updatedAt), /^\d{4}-\d{2}-\d{2}T/);
  assert.deepEqual(entry, {
    day: '2026-03-09',
    weekday: 1,
    workday: false,
    name: '地方节日放假',
    source: 'local',
  });
  const deadline = () => workingDeadline({ db: t.db.db, from: '2026-03-06', days: 1, unit: 'working_days' });
  assert.equal(await deadline(), '2026-03-10');

  const list = await admin.request({ method: 'GET', url: '/api/calendar?year=2026' });
  assert.equal(list.json().items.find((d: { day: string }) => d.day === '2026-03-09')?.source, 'local');

  const del = await admin.request({ method: 'DELETE', url: '/api/calendar/2026-03-09' });
  assert.equal(del.statusCode, 204);
  assert.equal(await deadline(), '2026-03-09');
  const again = await admin.request({ method: 'DELETE', url: '/api/calendar/2026-03-09' });
  assert.equal(again.statusCode, 404);
  assert.equal(again.json().error.code, 'resource.not_found');

  const trail = await auditTrail(t.db.db, 'calendar.');
  assert.deepEqual(
    trail.map((r) => [r.action, r.targetId]),
    [
      ['calendar.set_local', '2026-03-09'],
      ['calendar.remove_local', '2026-03-09'],
    ],
  );
  assert.ok(
    trail.every((r) => r.actorId !== null && r.role === 'system_admin'),
    'the administrator is recorded',
  );
});

test('bad input is a 400 naming the field; writes need the CSRF token', async () => {
  const badDay = await admin.request({
    method: 'PUT',
    url: '/api/calendar/2026-02-30',
    payload: { workday: true, name: '调整' },
  });
  assert.equal(badDay.statusCode, 400);
  assert.match(badDay.json().error.message, /day/);
  const extra = await admin.request({
    method: 'PUT',
    url: '/api/calendar/2026-03-09',
    payload: { workday: true, name: '调整', source: 'national' },
  });
  assert.equal(extra.statusCode, 400);
  const noName = await admin.request({
    method: 'PUT',
    url: '/api/calendar/2026-03-09',
    payload: { workday: true },
  });
  assert.equal(noName.statusCode, 400);
  const noCsrf = await t.app.inject({
    method: 'PUT',
    url: '/api/calendar/2026-03-09',
    cookies: { yw_session: admin.cookie },
    payload: { workday: false, name: '放假' },
  });
  assert.equal(noCsrf.statusCode, 403);
  assert.equal(noCsrf.json().error.code, 'auth.csrf_invalid');
});
