import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildStaff } from '../testing/factories.ts';

const LIMIT = 4096;

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: String(LIMIT) } });
  // The account the hostile sign-ins below aim at.
  await buildStaff(t.db.db, { role: 'system_admin', login: 'admin', password: 'demo1234' });
});
after(async () => {
  await t.close();
});

type Call = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: string | object;
  headers?: Record<string, string>;
};

async function call({ method = 'POST', url, payload, headers = {} }: Call) {
  const body = typeof payload === 'object' ? JSON.stringify(payload) : payload;
  return t.app.inject({
    method,
    url,
    payload: body,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
  });
}

/** Asserts an error answer: its status, code, field and Chinese message; then the English one. */
async function expectError(
  request: Call,
  expected: { status: number; code: string; field?: string; zh: RegExp; en: RegExp },
): Promise<void> {
  const zh = await call(request);
  assert.equal(zh.statusCode, expected.status, zh.body);
  const error = zh.json().error;
  assert.equal(error.code, expected.code);
  assert.equal(error.field, expected.field);
  assert.match(error.message, expected.zh);
  assert.match(error.message, /[\u4e00-\u9fff]/, 'the default message is in Chinese');
  assert.equal(typeof error.requestId, 'string');
  const en = await call({ ...request, headers: { ...request.headers, 'accept-language': 'en-GB,en;q=0.8' } });
  assert.equal(en.statusCode, expected.status);
  assert.match(en.json().error.message, expected.en);
  assert.doesNotMatch(en.json().error.message, /[\u4e00-\u9fff]/, 'the English message has no Chinese');
}

const LOGIN = '/api/auth/login';

test('an unknown body field is a 400 naming the field', async () => {
  await expectError(
    { url: LOGIN, payload: { username: 'admin', password: 'demo1234', isAdmin: true } },
    { status: 400, code: 'request.invalid', field: 'isAdmin', zh: /isAdmin 不是可接受的字段/, en: /isAdmin/ },
  );
});

test('a field of the wrong type is a 400 naming the field', async () => {
  await expectError(
    { url: LOGIN, payload: { username: { $ne: null }, password: 'demo1234' } },
    {
      status: 400,
      code: 'request.invalid',
      field: 'username',
      zh: /username 类型不正确/,
      en: /must be string/,
    },
  );
  // JSON bodies are not converted: a number or a one-element array is not a string.
  for (const username of [12345678, ['admin'], true]) {
    await expectError(
      { url: LOGIN, payload: { username, password: 'demo1234' } },
      {
        status: 400,
        code: 'request.invalid',
        field: 'username',
        zh: /username 类型不正确/,
        en: /must be string/,
      },
    );
  }
  await expectError(
    { method: 'GET', url: '/api/audit?limit=many' },
    { status: 400, code: 'request.invalid', field: 'limit', zh: /limit 类型不正确/, en: /limit/ },
  );
});

test('a missing required field is a 400 naming the field', async () => {
  await expectError(
    { url: LOGIN, payload: { username: 'admin' } },
    { status: 400, code: 'request.invalid', field: 'password', zh: /password 为必填项/, en: /password/ },
  );
});

test('malformed, empty and non-object JSON bodies are 400s naming the body', async () => {
  await expectError(
    { url: LOGIN, payload: '{"username": "admin", "password": ' },
    { status: 400, code: 'request.invalid', field: 'body', zh: /body 不是有效的 JSON/, en: /not valid JSON/ },
  );
  await expectError(
    { url: LOGIN, payload: '' },
    { status: 400, code: 'request.invalid', field: 'body', zh: /body/, en: /body/ },
  );
  for (const payload of ['[]', '"admin"', 'null', '42']) {
    const res = await call({ url: LOGIN, payload });
    assert.equal(res.statusCode, 400, `${payload}: ${res.body}`);
    assert.equal(res.json().error.code, 'request.invalid');
  }
});

test('a prototype-poisoning body is refused', async () => {
  const res = await call({
    url: LOGIN,
    payload: '{"username":"admin","password":"demo1234","__proto__":{"isAdmin":true}}',
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.code, 'request.invalid');
});

test('a body over BODY_LIMIT_BYTES is a 413', async () => {
  await expectError(
    { url: LOGIN, payload: { username: 'admin', password: 'x'.repeat(LIMIT * 2) } },
    { status: 413, code: 'request.body_too_large', zh: /请求内容过大/, en: /too large/ },
  );
});

test('a body that is not JSON is a 415, or a 400 naming the body when sent as text', async () => {
  await expectError(
    {
      url: LOGIN,
      payload: 'username=admin&password=demo1234',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
    { status: 415, code: 'request.unsupported_media_type', zh: /不支持的内容类型/, en: /Unsupported/ },
  );
  await expectError(
    { url: LOGIN, payload: 'username=admin&password=demo1234', headers: { 'content-type': 'text/plain' } },
    { status: 400, code: 'request.invalid', field: 'body', zh: /body 类型不正确/, en: /body/ },
  );
});

test('a bad id in a path or query is a 400 naming it, not a 404 or a 500', async () => {
  await expectError(
    { method: 'GET', url: '/api/organisations/not-a-uuid' },
    { status: 400, code: 'request.invalid', field: 'id', zh: /id 格式不正确/, en: /id/ },
  );
  await expectError(
    { method: 'GET', url: "/api/audit?actorId=1'%20OR%201=1" },
    { status: 400, code: 'request.invalid', field: 'actorId', zh: /actorId 格式不正确/, en: /actorId/ },
  );
});

test('a malformed or overlong URL is a 400 in the usual error shape, with the usual headers', async () => {
  await expectError(
    { method: 'GET', url: '/api/organisations/%E0%A4%A' },
    { status: 400, code: 'request.invalid', field: 'url', zh: /url 不是有效的网址/, en: /not a valid URL/ },
  );
  await expectError(
    { method: 'GET', url: `/api/organisations/${'a'.repeat(500)}` },
    { status: 400, code: 'request.invalid', field: 'url', zh: /url 中的参数过长/, en: /too long/ },
  );
  const res = await call({
    method: 'GET',
    url: '/api/organisations/%E0%A4%A',
    headers: { 'x-request-id': 'bad-url-1' },
  });
  assert.equal(res.json().error.requestId, 'bad-url-1');
  assert.equal(res.headers['x-request-id'], 'bad-url-1');
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
});

test('a NUL character anywhere in the input is a 400 naming the field, not a database error', async () => {
  await expectError(
    { url: LOGIN, payload: { username: 'ad\u0000min', password: 'demo1234' } },
    { status: 400, code: 'request.invalid', field: 'username', zh: /username 含有不允许的空字符/, en: /NUL/ },
  );
  await expectError(
    { method: 'GET', url: '/api/organisations?q=a%00b' },
    { status: 400, code: 'request.invalid', field: 'q', zh: /q 含有不允许的空字符/, en: /NUL/ },
  );
  await expectError(
    { method: 'GET', url: '/api/regions/6101%0000' },
    { status: 400, code: 'request.invalid', field: 'code', zh: /code/, en: /NUL/ },
  );
  const nested = await call({
    url: '/api/auth/register',
    payload: { kind: 'person', login: 'x', password: 'y', displayName: '张\u0000三' },
  });
  assert.equal(nested.statusCode, 400);
  assert.equal(nested.json().error.field, 'displayName');
});

test('an unknown query parameter is a 400 naming it', async () => {
  await expectError(
    { method: 'GET', url: '/api/audit?sort=seq' },
    { status: 400, code: 'request.invalid', field: 'sort', zh: /sort/, en: /sort/ },
  );
});

test('garbage in any shape never causes a 500', async () => {
  const bodies = [
    '{',
    '{"a":',
    '\u0000',
    '{"username":"\ud800","password":"x"}',
    JSON.stringify({ username: 'a'.repeat(3000), password: 'b' }),
    JSON.stringify({ username: ['admin'], password: ['demo1234'] }),
    JSON.stringify({ username: null, password: null }),
    JSON.stringify({ kind: 'robot', login: 1, password: true }),
    JSON.stringify({ constructor: { prototype: { x: 1 } } }),
  ];
  const urls = [LOGIN, '/api/auth/applicant-login', '/api/organisations', '/api/regions'];
  for (const url of urls) {
    for (const payload of bodies) {
      for (const method of ['POST', 'PATCH', 'PUT'] as const) {
        const res = await call({ method, url, payload });
        assert.ok(
          res.statusCode < 500,
          `${method} ${url} ${payload.slice(0, 40)} → ${res.statusCode} ${res.body}`,
        );
      }
    }
  }
  for (const url of [
    '/api/audit?from=yesterday',
    '/api/audit?limit=-1',
    '/api/audit?limit=1e9',
    '/api/audit?offset=abc',
    '/api/organisations/%00',
    '/api/regions/%E0%A4%A',
    '/api/organisations?limit=abc',
  ]) {
    const res = await call({ method: 'GET', url });
    assert.ok(res.statusCode < 500, `GET ${url} → ${res.statusCode} ${res.body}`);
  }
});

test('security headers are sent on API answers and error answers', async () => {
  for (const url of ['/api/health', '/api/no-such-thing']) {
    const res = await call({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy'] ?? '');
    assert.match(csp, /default-src 'self'/, url);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.match(csp, /object-src 'none'/, url);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.ok(res.headers['x-frame-options'], 'x-frame-options');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['x-powered-by'], undefined);
  }
});

test('the request id is echoed when given, made up when not, and appears in error bodies', async () => {
  const given = await call({
    method: 'GET',
    url: '/api/health',
    headers: { 'x-request-id': 'trace-42.a_b' },
  });
  assert.equal(given.headers['x-request-id'], 'trace-42.a_b');
  const made = await call({ method: 'GET', url: '/api/health' });
  assert.match(String(made.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  const unsafe = await call({
    method: 'GET',
    url: '/api/no-such-thing',
    headers: { 'x-request-id': 'evil\r\nset-cookie: x=1' },
  });
  const id = String(unsafe.headers['x-request-id']);
  assert.match(id, /^[0-9a-f-]{36}$/, 'an unsafe request id is replaced');
  assert.equal(unsafe.json().error.requestId, id);
});

test('a state-changing request with a session but without the CSRF token is refused', async () => {
  const login = await call({ url: LOGIN, payload: { username: 'admin', password: 'demo1234' } });
  assert.equal(login.statusCode, 200, login.body);
  const cookie = login.cookies.find((c) => c.name === 'yw_session');
  assert.ok(cookie);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  const res = await call({
    url: '/api/auth/logout',
    payload: {},
    headers: { cookie: `yw_session=${cookie.value}` },
  });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.code, 'auth.csrf_invalid');
  assert.match(res.json().error.message, /页面已过期/);
});

test('an unpaired surrogate in a JSON string or key is a 400 naming the field, never reaching the database', async () => {
  await expectError(
    { url: LOGIN, payload: '{"username":"\\ud800","password":"demo1234"}' },
    {
      status: 400,
      code: 'request.invalid',
      field: 'username',
      zh: /username 含有无效的字符/,
      en: /surrogate/,
    },
  );
  const nested = await call({
    url: '/api/auth/register',
    payload: '{"kind":"person","login":"x","password":"y","displayName":"张\\udfff三"}',
  });
  assert.equal(nested.statusCode, 400, nested.body);
  assert.equal(nested.json().error.field, 'displayName');
  const key = await call({ url: '/api/organisations', payload: '{"name":{"a":[1,{"b\\udc00":2}]}}' });
  assert.equal(key.statusCode, 400, key.body);
  assert.equal(key.json().error.field, 'name.a.1.b\ufffd');
  const paired = await call({ url: LOGIN, payload: '{"username":"\\ud83d\\ude00","password":"wrong"}' });
  assert.equal(paired.statusCode, 401, `a paired surrogate (an emoji) is fine: ${paired.body}`);
});

test('a text body with a NUL is a 400 naming the body', async () => {
  const res = await call({ url: LOGIN, payload: 'a\u0000b', headers: { 'content-type': 'text/plain' } });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.field, 'body');
});
