import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { XLSX_TYPE } from '../catalogue/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildStaff, signIn } from '../testing/factories.ts';

let t: TestApp;
let admin: Browser;

before(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, await buildStaff(t.db.db, { role: 'system_admin' }));
});
after(async () => t?.close());

const IMPORTS = [
  '/api/registries/persons/import',
  '/api/registries/companies/import',
  '/api/catalogue/import',
];

test('an import sent JSON, text or nothing instead of a file is a 400 naming the file', async () => {
  const bodies = [
    { headers: { 'content-type': 'application/json' }, payload: '{}' },
    { headers: { 'content-type': 'application/json' }, payload: '[1,2]' },
    { headers: { 'content-type': 'text/plain' }, payload: 'a,b,c' },
    { headers: {}, payload: undefined },
  ];
  for (const url of IMPORTS) {
    for (const body of bodies) {
      const res = await admin.request({ method: 'POST', url, ...body });
      assert.equal(res.statusCode, 400, `${url} ${body.payload}: ${res.body}`);
      assert.equal(res.json().error.code, 'request.invalid');
      assert.equal(res.json().error.field, 'file');
      assert.match(res.json().error.message, /file 应为.*文件/);
    }
  }
  const en = await admin.request({
    method: 'POST',
    url: IMPORTS[0]!,
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    payload: '{}',
  });
  assert.match(en.json().error.message, /file must be a CSV or Excel \(\.xlsx\) file/);
});

test('an import without a session or permission is refused, whatever it sends', async () => {
  const big = Buffer.alloc(2 * 1024 * 1024);
  for (const url of IMPORTS) {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': XLSX_TYPE },
      payload: big,
    });
    assert.equal(res.statusCode, 401, `${url}: ${res.body}`);
  }
  const clerk = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  const res = await clerk.request({
    method: 'POST',
    url: IMPORTS[0]!,
    headers: { 'content-type': 'text/csv' },
    payload: '{}',
  });
  assert.equal(res.statusCode, 403, res.body);
});
