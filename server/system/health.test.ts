import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

test('health reports a reachable database and current migrations', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/health' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.status, 'ok');
  assert.equal(body.database.reachable, true);
  assert.equal(body.migrations.current, true);
  assert.ok(body.migrations.applied >= 2);
});

test('unknown API paths answer 404 in Chinese by default and in English on request', async () => {
  const zh = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
  assert.equal(zh.statusCode, 404);
  assert.equal(zh.json().error.code, 'request.not_found');
  assert.equal(zh.json().error.message, '未找到该接口');
  const en = await t.app.inject({
    method: 'GET',
    url: '/api/no-such-thing',
    headers: { 'accept-language': 'en-US,en;q=0.9' },
  });
  assert.equal(en.json().error.message, 'No such endpoint');
});

test('OpenAPI document is served', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  assert.equal(res.statusCode, 200);
  assert.ok(res.json().paths['/api/health']);
});
