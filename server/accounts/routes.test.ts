import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listOrganisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { auditTrail, type Browser, makeStaff, signInAs, TEST_PASSWORD } from './testing.ts';

let t: TestApp;
let admin: Browser;
const org: Record<string, string> = {};
const staffId: Record<string, string> = {};

before(async () => {
  t = await createTestApp({ demo: true });
  const { items } = await listOrganisations({ db: t.db.db, filter: { limit: 100 } });
  for (const o of items) {
    org[o.name] = o.id;
    if (o.shortName) org[o.shortName] = o.id;
  }
  admin = await signInAs(t.app, 'admin', 'demo1234');
  const list = await admin.request({ method: 'GET', url: '/api/accounts?limit=100' });
  for (const a of list.json().items) staffId[a.login] = a.id;
});
after(async () => {
  await t.close();
});

/** The id of a demo organisation by full or short name. */
function orgId(name: string): string {
  const id = org[name];
  assert.ok(id, `demo organisation ${name}`);
  return id;
}

type Listed = { login: string; phone: string | null };
const logins = (res: { json: () => { items: Listed[] } }) =>
  res
    .json()
    .items.map((a) => a.login)
    .sort();

test('a system administrator lists the staff of his region with phones masked, and filters them', async () => {
  const all = await admin.request({ method: 'GET', url: '/api/accounts' });
  assert.equal(all.statusCode, 200);
  assert.deepEqual(logins(all), [
    'admin',
    'agent',
    'approver',
    'clerk',
    'editor',
    'head',
    'hotline',
    'manager',
    'reviewer',
    'supervisor',
    'urban',
  ]);
  const clerk = all.json().items.find((a: Listed) => a.login === 'clerk');
  assert.equal(clerk.phone, '138****1003');
  assert.equal(clerk.roles[0].role, 'window_clerk');
  const byRole = await admin.request({ method: 'GET', url: '/api/accounts?role=window_clerk' });
  assert.deepEqual(logins(byRole), ['clerk']);
  const byName = await admin.request({ method: 'GET', url: `/api/accounts?q=${encodeURIComponent('张')}` });
  assert.deepEqual(logins(byName), ['clerk']);
  const byOrg = await admin.request({
    method: 'GET',
    url: `/api/accounts?organisationId=${orgId('市场监管局')}`,
  });
  assert.deepEqual(logins(byOrg), ['editor', 'head', 'reviewer']);
});

test('a department head reads only his department; a supervisor reads the region; neither manages', async () => {
  const head = await signInAs(t.app, 'head', 'demo1234');
  assert.deepEqual(logins(await head.request({ method: 'GET', url: '/api/accounts' })), [
    'editor',
    'head',
    'reviewer',
  ]);
  const other = await head.request({
    method: 'GET',
    url: `/api/accounts?organisationId=${orgId('西安市政务服务中心')}`,
  });
  assert.equal(other.statusCode, 403);
  assert.equal(
    (await head.request({ method: 'GET', url: `/api/accounts/${staffId.clerk}` })).statusCode,
    403,
  );
  assert.equal(
    (await head.request({ method: 'GET', url: `/api/accounts/${staffId.reviewer}` })).statusCode,
    200,
  );
  const supervisor = await signInAs(t.app, 'supervisor', 'demo1234');
  assert.equal((await supervisor.request({ method: 'GET', url: '/api/accounts' })).json().total, 11);
  for (const who of [head, supervisor]) {
    const res = await who.request({ method: 'POST', url: `/api/accounts/${staffId.clerk}/unlock` });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'auth.forbidden');
  }
});

test('a clerk may not list accounts; without signing in it is a 401', async () => {
  const clerk = await signInAs(t.app, 'clerk', 'demo1234');
  assert.equal((await clerk.request({ method: 'GET', url: '/api/accounts' })).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode, 401);
  assert.equal(
    (await t.app.inject({ method: 'GET', url: `/api/accounts/${staffId.clerk}` })).statusCode,
    401,
  );
});

test('an administrator creates a staff account with a role; it is audited and can sign in', async () => {
  const res = await admin.request({
    method: 'POST',
    url: '/api/accounts',
    payload: {
      login: 'Window.Two',
      displayName: '马丽',
      password: 'first-password',
      organisationId: orgId('西安市政务服务中心'),
      phone: '13700001234',
      roles: [{ role: 'window_clerk', organisationId: orgId('西安市政务服务中心') }],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const created = res.json();
  assert.equal(created.login, 'window.two');
  assert.equal(created.phone, '137****1234');
  assert.equal(created.roles[0].role, 'window_clerk');
  const trail = await auditTrail(t.db.db, 'account.');
  assert.ok(
    trail.some((r) => r.action === 'account.create' && r.targetId === created.id && r.actorName === '王建国'),
  );
  assert.ok(trail.some((r) => r.action === 'account.grant_role' && r.targetId === created.id));
  assert.ok(trail.every((r) => !JSON.stringify(r.summary).includes('first-password')));
  const signedIn = await signInAs(t.app, 'window.two', 'first-password');
  const me = await signedIn.request({ method: 'GET', url: '/api/auth/me' });
  assert.equal(me.json().user.roles[0].organisationName, '西安市政务服务中心');
  staffId['window.two'] = created.id;
});

test('creating a staff account: duplicate, bad user name, unknown organisation, short password', async () => {
  const base = {
    login: 'someone',
    displayName: '某人',
    password: 'long-enough',
    organisationId: orgId('教育局'),
  };
  const cases: [Record<string, unknown>, number, string][] = [
    [{ ...base, login: 'clerk' }, 409, 'login'],
    [{ ...base, login: 'Bad Name!' }, 400, 'login'],
    [{ ...base, organisationId: '00000000-0000-4000-8000-000000000000' }, 400, 'organisationId'],
    [{ ...base, password: 'short' }, 400, 'password'],
    [{ ...base, roles: [{ role: 'supervisor' }] }, 400, 'roles.0.regionCode'],
  ];
  for (const [payload, status, field] of cases) {
    const res = await admin.request({ method: 'POST', url: '/api/accounts', payload });
    assert.equal(res.statusCode, status, JSON.stringify(payload));
    assert.equal(res.json().error.field, field);
  }
});

test('updates carry the version: the change is audited with before and after, a stale version is a 409', async () => {
  const current = (await admin.request({ method: 'GET', url: `/api/accounts/${staffId.agent}` })).json();
  const res = await admin.request({
    method: 'PATCH',
    url: `/api/accounts/${staffId.agent}`,
    payload: { version: current.version, displayName: '周晓梅' },
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().displayName, '周晓梅');
  assert.equal(res.json().version, current.version + 1);
  const [update] = (await auditTrail(t.db.db, 'account.update')).slice(-1);
  assert.deepEqual(update?.summary, { before: { displayName: '周小梅' }, after: { displayName: '周晓梅' } });
  const stale = await admin.request({
    method: 'PATCH',
    url: `/api/accounts/${staffId.agent}`,
    payload: { version: current.version, displayName: '周小梅' },
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'resource.conflict');
});

test('deactivation signs the account out and keeps it out until it is activated again', async () => {
  const user = await signInAs(t.app, 'window.two', 'first-password');
  const res = await admin.request({
    method: 'POST',
    url: `/api/accounts/${staffId['window.two']}/deactivate`,
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().active, false);
  assert.equal((await user.request({ method: 'GET', url: '/api/auth/me' })).statusCode, 401);
  await assert.rejects(signInAs(t.app, 'window.two', 'first-password'), /401/);
  await admin.request({ method: 'POST', url: `/api/accounts/${staffId['window.two']}/activate` });
  await signInAs(t.app, 'window.two', 'first-password');
  const trail = await auditTrail(t.db.db, 'account.');
  assert.ok(trail.some((r) => r.action === 'account.deactivate' && r.targetId === staffId['window.two']));
});

test('a password reset replaces the password and is audited without it', async () => {
  const res = await admin.request({
    method: 'POST',
    url: `/api/accounts/${staffId['window.two']}/reset-password`,
    payload: { password: 'second-password' },
  });
  assert.equal(res.statusCode, 200);
  await assert.rejects(signInAs(t.app, 'window.two', 'first-password'), /401/);
  await signInAs(t.app, 'window.two', 'second-password');
  const [reset] = (await auditTrail(t.db.db, 'account.reset_password')).slice(-1);
  assert.deepEqual(reset?.summary, { passwordReset: true });
});

test('an administrator unlocks a locked account', async () => {
  const { login, id } = await makeStaff({ db: t.db.db, organisationId: orgId('民政局') });
  for (let i = 0; i < t.config.signIn.maxFailures; i++) {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: login, password: 'nope' },
    });
  }
  await assert.rejects(signInAs(t.app, login), /429/);
  const listed = (await admin.request({ method: 'GET', url: `/api/accounts/${id}` })).json();
  assert.ok(listed.lockedUntil, 'shown as locked');
  assert.equal((await admin.request({ method: 'POST', url: `/api/accounts/${id}/unlock` })).statusCode, 200);
  await signInAs(t.app, login, TEST_PASSWORD);
});

test('role assignments: the shape is checked, duplicates refused, removal audited', async () => {
  const id = staffId['window.two']!;
  const grant = (payload: Record<string, unknown>) =>
    admin.request({ method: 'POST', url: `/api/accounts/${id}/roles`, payload });
  const bad: [Record<string, unknown>, number, string, string][] = [
    [{ role: 'supervisor' }, 400, 'validation.field', 'regionCode'],
    [{ role: 'supervisor', regionCode: '610199' }, 400, 'validation.region_code', 'regionCode'],
    [{ role: 'window_clerk', regionCode: '610100' }, 400, 'validation.field', 'regionCode'],
    [{ role: 'window_clerk' }, 400, 'validation.field', 'organisationId'],
    [{ role: 'applicant' }, 400, 'validation.field', 'role'],
    [{ role: 'mayor', organisationId: orgId('教育局') }, 400, 'request.invalid', 'role'],
    [
      { role: 'window_clerk', organisationId: orgId('西安市政务服务中心') },
      409,
      'resource.duplicate',
      'role',
    ],
  ];
  for (const [payload, status, code, field] of bad) {
    const res = await grant(payload);
    assert.equal(res.statusCode, status, JSON.stringify(payload));
    assert.equal(res.json().error.code, code);
    assert.equal(res.json().error.field, field);
  }
  const added = await grant({ role: 'supervisor', regionCode: '610102' });
  assert.equal(added.statusCode, 201);
  const user = await signInAs(t.app, 'window.two', 'second-password');
  const roles = (await user.request({ method: 'GET', url: '/api/auth/me' })).json().user.roles;
  assert.deepEqual(
    roles.map((r: { role: string; regionName: string }) => [r.role, r.regionName]),
    [
      ['window_clerk', '西安市'],
      ['supervisor', '新城区'],
    ],
  );
  const removed = await admin.request({
    method: 'DELETE',
    url: `/api/accounts/${id}/roles/${added.json().id}`,
  });
  assert.equal(removed.statusCode, 204);
  const [revoke] = (await auditTrail(t.db.db, 'account.revoke_role')).slice(-1);
  assert.equal(revoke?.targetId, id);
});

test('an administrator of another district can neither see nor grant in 西安市 beyond his district', async () => {
  const { login } = await makeStaff({
    db: t.db.db,
    organisationId: orgId('碑林区政务服务中心'),
    roles: [{ role: 'system_admin', regionCode: '610103' }],
  });
  const beilin = await signInAs(t.app, login);
  assert.deepEqual(logins(await beilin.request({ method: 'GET', url: '/api/accounts' })), [login]);
  assert.equal(
    (await beilin.request({ method: 'GET', url: `/api/accounts/${staffId.clerk}` })).statusCode,
    403,
  );
  const create = await beilin.request({
    method: 'POST',
    url: '/api/accounts',
    payload: {
      login: 'intruder',
      displayName: '某人',
      password: 'long-enough',
      organisationId: orgId('教育局'),
    },
  });
  assert.equal(create.statusCode, 403);
  const self = (await beilin.request({ method: 'GET', url: '/api/auth/me' })).json().user.id;
  const widen = await beilin.request({
    method: 'POST',
    url: `/api/accounts/${self}/roles`,
    payload: { role: 'system_admin', regionCode: '610100' },
  });
  assert.equal(widen.statusCode, 403, 'nobody grants more than he holds');
});
