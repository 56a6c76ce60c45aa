import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../../common/roles.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildMatter, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';

let t: TestApp;
const who: Record<string, Browser> = {};
let implementation: string;

before(async () => {
  t = await createTestApp();
  const department = await buildOrganisation(t.db.db);
  const roles: [string, Role, string?][] = [
    ['admin', 'system_admin'],
    ['clerk', 'window_clerk'],
    ['editor', 'catalogue_editor', department.id],
    ['head', 'department_head', department.id],
  ];
  for (const [login, role, organisationId] of roles)
    who[login] = await signIn(t.app, await buildStaff(t.db.db, { role, organisationId }));
  implementation = (await buildMatter(t.db.db, { departmentId: department.id })).id;
});
after(async () => {
  await t?.close();
});

/** Numbers a query string can spell that no database integer holds: 1e400 is read as Infinity. */
const HUGE = ['1e400', '99999999999999999999', '2147483648'];

const LISTS: [string, string][] = [
  ['admin', '/api/accounts'],
  ['admin', '/api/organisations'],
  ['admin', '/api/registries/persons'],
  ['clerk', '/api/cases'],
  ['editor', '/api/catalogue/basic-matters'],
  ['editor', '/api/catalogue/implementations'],
  ['head', '/api/certificates'],
  ['head', '/api/credit-records'],
];

test('an offset beyond any list is a 400 naming offset', async () => {
  for (const [login, url] of LISTS) {
    for (const offset of HUGE) {
      const res = await who[login]!.request({ method: 'GET', url: `${url}?offset=${offset}` });
      assert.equal(res.statusCode, 400, `${url}?offset=${offset}: ${res.body}`);
      assert.equal(res.json().error.field, 'offset', res.body);
    }
    const fine = await who[login]!.request({ method: 'GET', url: `${url}?offset=1000` });
    assert.equal(fine.statusCode, 200, `${url}: ${fine.body}`);
  }
});

test('a version number beyond what the database holds is a 400 naming it', async () => {
  for (const n of HUGE) {
    const version = await who.editor!.request({
      method: 'GET',
      url: `/api/catalogue/implementations/${implementation}/versions/${n}`,
    });
    assert.equal(version.statusCode, 400, version.body);
    assert.equal(version.json().error.field, 'versionNo', version.body);
    const diff = await who.editor!.request({
      method: 'GET',
      url: `/api/catalogue/implementations/${implementation}/diff?from=${n}&to=1`,
    });
    assert.equal(diff.statusCode, 400, diff.body);
    assert.equal(diff.json().error.field, 'from', diff.body);
  }
  const missing = await who.editor!.request({
    method: 'GET',
    url: `/api/catalogue/implementations/${implementation}/versions/2147483647`,
  });
  assert.equal(missing.statusCode, 404, missing.body);
});
