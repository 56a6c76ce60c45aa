import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { auditTrail } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const register = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/register', payload, headers });

test('a person registers with a valid ID number, is signed in and sees it masked', async () => {
  const res = await register({
    kind: 'person',
    login: '11010519491231002x',
    displayName: '王秀英',
    password: 'secret-pass',
    phone: '13912345678',
  });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().user.login, '110105********002X');
  assert.equal(res.json().user.kind, 'person');
  const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { yw_session: cookie } });
  assert.equal(me.json().user.displayName, '王秀英');
  const signIn = await t.app.inject({
    method: 'POST',
    url: '/api/auth/applicant-login',
    payload: { kind: 'person', login: '11010519491231002X', password: 'secret-pass' },
  });
  assert.equal(signIn.statusCode, 200);
  const [record] = await auditTrail(t.db.db, 'account.register');
  assert.equal(record?.actorName, '王秀英');
  assert.deepEqual(record?.summary, { kind: 'person', login: '110105********002X', displayName: '王秀英' });
});

test('an applicant sees its own phone on record with /auth/me, to prefill an application', async () => {
  const res = await register({
    kind: 'company',
    login: '91610102MA00000394',
    displayName: '北京某某有限公司',
    password: 'secret-pass',
    phone: '13800001111',
  });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().user.phone, '13800001111');
  const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { yw_session: cookie } });
  assert.equal(me.json().user.phone, '13800001111');
});

test('a wrong check digit in the ID number is a 400 naming the field', async () => {
  const res = await register({
    kind: 'person',
    login: '110105194912310021',
    displayName: '某人',
    password: 'secret-pass',
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'validation.id_number');
  assert.equal(res.json().error.field, 'login');
  assert.match(res.json().error.message, /居民身份证号码/);
  const en = await register(
    { kind: 'person', login: '110105194912310021', displayName: '某人', password: 'secret-pass' },
    { 'accept-language': 'en' },
  );
  assert.match(en.json().error.message, /not a valid resident ID number/);
});

test('companies register with a valid credit code, including one whose check character is 0', async () => {
  for (const [login, name] of [
    ['91350100M000100Y43', '福州某某科技有限公司'],
    ['91610102MA00000280', '西安某某商贸有限公司'],
  ]) {
    const res = await register({ kind: 'company', login, displayName: name, password: 'secret-pass' });
    assert.equal(res.statusCode, 201, `${login}: ${res.body}`);
    assert.equal(res.json().user.login, login);
  }
});

test('a malformed credit code is a 400 naming the field', async () => {
  const res = await register({
    kind: 'company',
    login: '91350100M000100Y44',
    displayName: '某公司',
    password: 'secret-pass',
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.code, 'validation.credit_code');
  assert.equal(res.json().error.field, 'login');
});

test('registering the same ID number twice is a 409', async () => {
  const payload = {
    kind: 'person',
    login: '11010519491231002X',
    displayName: '又一人',
    password: 'secret-pass',
  };
  const res = await register(payload);
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'resource.duplicate');
});

test('short passwords, bad phone numbers, unknown fields and a staff kind are refused with the field named', async () => {
  const base = { kind: 'person', login: '11010519491231002X', displayName: '某人', password: 'secret-pass' };
  const cases: [Record<string, unknown>, string][] = [
    [{ ...base, password: 'short' }, 'password'],
    [{ ...base, phone: '12345' }, 'phone'],
    [{ ...base, role: 'system_admin' }, 'role'],
    [{ ...base, kind: 'staff' }, 'kind'],
    [{ ...base, displayName: '   ' }, 'displayName'],
  ];
  for (const [payload, field] of cases) {
    const res = await register(payload);
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
    assert.equal(res.json().error.field, field);
  }
});
