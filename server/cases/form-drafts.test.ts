import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltAccount,
  type BuiltMatter,
  buildCompany,
  buildMatter,
  buildStaff,
  signIn,
} from '../testing/factories.ts';
import { FOOD_FORM_BOUND, FOOD_FORM_MATERIALS } from './form-testing.ts';

/** Drafts of an application form: saved as one types, resumed on another device, the caller's only. */

let t: TestApp;
let matter: BuiltMatter;
let plain: BuiltMatter;
let owner: BuiltAccount;
let phone: Browser;

before(async () => {
  t = await createTestApp();
  const db = t.db.db;
  matter = await buildMatter(db, { document: { form: FOOD_FORM_BOUND, materials: FOOD_FORM_MATERIALS } });
  plain = await buildMatter(db);
  owner = await buildCompany(db);
  phone = await signIn(t.app, owner);
});
after(() => t?.close());

const url = (m: { id: string } = matter) => `/api/cases/drafts/${m.id}`;
const put = (who: Browser, values: unknown, m: { id: string } = matter) =>
  who.request({ method: 'PUT', url: url(m), payload: { values } });

test('a draft saved on the phone is resumed from another session of the same account', async () => {
  const none = await phone.request({ method: 'GET', url: url() });
  assert.equal(none.statusCode, 200, none.body);
  assert.equal(none.json(), null, 'no draft yet');
  const half = { entityName: '西安秦味餐饮', items: ['hot'], people: [{ name: '李四' }], phone: null };
  const saved = await put(phone, half);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.json().values, half, 'an unfinished form is kept as it is');
  const laptop = await signIn(t.app, owner);
  const resumed = await laptop.request({ method: 'GET', url: url() });
  assert.equal(resumed.statusCode, 200, resumed.body);
  assert.equal(resumed.json().implementationId, matter.id);
  assert.deepEqual(resumed.json().values, half);
  const later = await put(laptop, { ...half, category: 'restaurant' });
  assert.equal(later.statusCode, 200, later.body);
  const back = await phone.request({ method: 'GET', url: url() });
  assert.equal(back.json().values.category, 'restaurant', 'the latest save wins, one draft per matter');
});

test('another account never sees the draft; staff have no drafts; no session is a 401', async () => {
  const other = await signIn(t.app, await buildCompany(t.db.db));
  const theirs = await other.request({ method: 'GET', url: url() });
  assert.equal(theirs.statusCode, 200, theirs.body);
  assert.equal(theirs.json(), null);
  const clerk = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  assert.equal((await clerk.request({ method: 'GET', url: url() })).statusCode, 403);
  assert.equal((await put(clerk, {})).statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: url() })).statusCode, 401);
  const mine = await phone.request({ method: 'GET', url: url() });
  assert.notEqual(mine.json(), null, 'the owner’s draft is still there');
});

test('a draft too large or too deep, for a matter not published or without a form, is a 4xx naming the field', async () => {
  const large = await put(phone, { remark: 'x'.repeat(300 * 1024) });
  assert.equal(large.statusCode, 400, large.body);
  assert.equal(large.json().error.field, 'values');
  const deep = await put(phone, { people: [{ name: [[['a']]] }] });
  assert.equal(deep.statusCode, 400, deep.body);
  assert.equal(deep.json().error.field, 'values/people');
  const nowhere = await put(phone, {}, { id: '00000000-0000-4000-8000-000000000000' });
  assert.equal(nowhere.statusCode, 404, nowhere.body);
  const formless = await put(phone, {}, plain);
  assert.equal(formless.statusCode, 400, formless.body);
  assert.equal(formless.json().error.field, 'implementationId');
  const notAnId = await phone.request({ method: 'GET', url: '/api/cases/drafts/abc' });
  assert.equal(notAnId.statusCode, 400);
});

test('filing the application deletes its draft; DELETE removes one too', async () => {
  await put(phone, { entityName: '草稿' });
  const filed = await phone.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: matter.id,
      form: {
        entityName: owner.displayName,
        creditCode: owner.login,
        representative: '王新任',
        representativeId: '610102198506120033',
        phone: '13800138000',
        premises: '西安市新城区东大街8号',
        region: '610102',
        category: 'restaurant',
        items: ['hot'],
        people: [{ name: '李四', idNumber: '610102198506120033' }],
      },
    },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const gone = await phone.request({ method: 'GET', url: url() });
  assert.equal(gone.json(), null, 'the draft ended with the filing');
  await put(phone, { entityName: '再来一次' });
  const deleted = await phone.request({ method: 'DELETE', url: url() });
  assert.equal(deleted.statusCode, 204, deleted.body);
  assert.equal((await phone.request({ method: 'GET', url: url() })).json(), null);
});
