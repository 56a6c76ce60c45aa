import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from '../../accounts/testing.ts';
import { FOOD_LICENCE, PNG } from '../../cases/testing.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { buildApplicant, buildMatter, buildStaff, signIn } from '../../testing/factories.ts';
import { PUBLIC_CACHE } from './cache-control.ts';

let t: TestApp;
let dataDir: string;
let person: Browser;
let food: string;

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-cache-control-'));
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  food = (await buildMatter(t.db.db, { document: FOOD_LICENCE })).id;
  person = await signIn(t.app, await buildApplicant(t.db.db));
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const cacheControl = (res: { headers: Record<string, unknown> }) => String(res.headers['cache-control']);

test('answers with personal data are kept by no cache: the signed-in user, a case, errors', async () => {
  const me = await person.request({ method: 'GET', url: '/api/auth/me' });
  assert.equal(me.statusCode, 200, me.body);
  assert.equal(cacheControl(me), 'no-store');

  const filed = await person.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const page = await person.request({ method: 'GET', url: `/api/cases/${filed.json().id}` });
  assert.equal(page.statusCode, 200, page.body);
  assert.equal(cacheControl(page), 'no-store');
  assert.equal(cacheControl(filed), 'no-store');

  const staff = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  const list = await staff.request({ method: 'GET', url: '/api/cases' });
  assert.equal(cacheControl(list), 'no-store');
  const anonymous = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(cacheControl(anonymous), 'no-store');
});

test('a downloaded file is private and not stored, not cached for a year', async () => {
  const content = Buffer.concat([PNG, Buffer.from('cache-control')]);
  const uploaded = await person.request({
    method: 'POST',
    url: '/api/files',
    headers: { 'content-type': 'image/png' },
    payload: content,
  });
  assert.equal(uploaded.statusCode, 200, uploaded.body);
  const res = await person.request({ method: 'GET', url: `/api/files/${uploaded.json().sha256}` });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.rawPayload, content);
  assert.equal(cacheControl(res), 'private, no-store');
});

test('the public catalogue may still be cached', async () => {
  for (const url of [
    `/api/catalogue/search?q=${encodeURIComponent('食品')}`,
    `/api/catalogue/guides/${food}`,
    '/api/catalogue/themes',
  ]) {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    assert.match(cacheControl(res), /^public, max-age=\d+$/, url);
  }
  const missing = await t.app.inject({ method: 'GET', url: `/api/catalogue/guides/${crypto.randomUUID()}` });
  assert.equal(missing.statusCode, 404);
  assert.equal(cacheControl(missing), 'no-store', 'an error answer is not kept');
});

test('the published seal keys and the audit checkpoints may be cached, their errors not', async () => {
  for (const url of ['/api/certificates/keys', '/api/audit/checkpoints']) {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    assert.equal(cacheControl(res), PUBLIC_CACHE, url);
  }
  for (const url of ['/api/certificates/keys?organisationId=1', '/api/audit/checkpoints?limit=0']) {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    assert.equal(cacheControl(res), 'no-store', url);
  }
  const log = await t.app.inject({ method: 'GET', url: '/api/audit/checkpoints/log' });
  assert.equal(log.statusCode, 200);
  assert.equal(cacheControl(log), 'no-store', 'the whole log is read fresh');
});
