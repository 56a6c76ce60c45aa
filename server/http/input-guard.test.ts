import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { findFault, MAX_JSON_DEPTH } from './input-guard.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

const nested = (levels: number, inner: unknown = 1): unknown => {
  let value = inner;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
};

test('findFault: nesting up to the limit passes, one level more is named where it starts', () => {
  assert.equal(findFault({ a: nested(MAX_JSON_DEPTH - 1) }), null);
  assert.deepEqual(findFault({ a: nested(MAX_JSON_DEPTH) }), {
    path: ['a', ...Array(MAX_JSON_DEPTH - 1).fill('0')].join('.'),
    fault: 'depth',
  });
  assert.equal(findFault(nested(MAX_JSON_DEPTH)), null);
  assert.equal(findFault(nested(MAX_JSON_DEPTH + 1))?.fault, 'depth');
  assert.equal(findFault(nested(1_000_000))?.fault, 'depth', 'no stack overflow');
});

test('findFault: NUL characters and unpaired surrogates in values and keys, with their path', () => {
  assert.deepEqual(findFault({ items: [{ note: 'ok' }, { note: 'a\u0000b' }] }), {
    path: 'items.1.note',
    fault: 'nul',
  });
  assert.deepEqual(findFault({ form: { name: '\ud800' } }), { path: 'form.name', fault: 'surrogate' });
  assert.deepEqual(findFault({ form: { 'x\udc00': 1 } }), { path: 'form.x\ufffd', fault: 'surrogate' });
  assert.deepEqual(findFault({ 'a\u0000': 'b' }), { path: 'a\u0000', fault: 'nul' });
  assert.deepEqual(findFault({ q: ['fine', '\udfff'] }), { path: 'q.1', fault: 'surrogate' });
  assert.deepEqual(findFault('text\u0000'), { path: '', fault: 'nul' });
  assert.equal(findFault({ emoji: '😀 张三', n: 1, t: true, z: null, list: [] }), null);
});

const post = (url: string, payload: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

test('JSON nested thousands of levels deep is a 400 naming the field on any route, not a stack overflow', async () => {
  for (const url of ['/api/auth/login', '/api/organisations', '/api/no-such-thing']) {
    const res = await post(url, `{"username":${deep(8000)},"password":"x"}`);
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    const { error } = res.json();
    assert.equal(error.code, 'request.invalid');
    assert.match(error.field, /^username(\.0)+$/);
    assert.match(error.message, /嵌套超过 64 层/);
  }
  const top = await post('/api/auth/login', deep(200_000));
  assert.equal(top.statusCode, 400, top.body);
  assert.match(top.json().error.message, /nested|嵌套/);
  const health = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(health.statusCode, 200, 'the server still answers');
});
