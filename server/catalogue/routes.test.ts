import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { sampleBasicMatter, sampleDocument } from './testing.ts';

let t: TestApp;
const departments: Record<string, string> = {};
let editor: Browser;
let admin: Browser;
let approver: Browser;
let basicMatterId: string;

before(async () => {
  t = await createTestApp();
  for (const name of ['市场监管局', '公安局', '税务局'])
    departments[name] = (await buildOrganisation(t.db.db)).id;
  const market = departments.市场监管局!;
  editor = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'catalogue_editor', organisationId: market }),
  );
  admin = await signIn(t.app, await buildStaff(t.db.db, { role: 'system_admin' }));
  approver = await signIn(t.app, await buildStaff(t.db.db, { role: 'catalogue_reviewer' }));
  const res = await editor.request({
    method: 'POST',
    url: '/api/catalogue/basic-matters',
    payload: sampleBasicMatter(),
  });
  assert.equal(res.statusCode, 201, res.body);
  basicMatterId = res.json().id;
});

after(async () => {
  await t?.close();
});

let serial = 0;
const newImplementation = (who: Browser, department: string, document = sampleDocument()) =>
  who.request({
    method: 'POST',
    url: '/api/catalogue/implementations',
    payload: {
      basicMatterId,
      code: `11610100MB${String(++serial).padStart(8, '0')}000101234000`,
      organisationId: departments[department],
      regionCode: '610100',
      document,
    },
  });

const act = (who: Browser, id: string, verb: string, payload?: object) =>
  who.request({ method: 'POST', url: `/api/catalogue/implementations/${id}/${verb}`, payload });

test('bad input is a 400 naming the field', async () => {
  const badCode = await editor.request({
    method: 'POST',
    url: '/api/catalogue/basic-matters',
    payload: sampleBasicMatter({ code: 'SP-001' }),
  });
  assert.equal(badCode.statusCode, 400);
  assert.equal(badCode.json().error.field, 'code');

  const tooLong = await newImplementation(
    editor,
    '市场监管局',
    sampleDocument({ promisedLimit: { value: 30, unit: 'working_days' } }),
  );
  assert.equal(tooLong.statusCode, 400);
  assert.equal(tooLong.json().error.field, 'document.promisedLimit');
  assert.match(tooLong.json().error.message, /承诺时限不能超过法定时限/);

  const unknown = await editor.request({
    method: 'POST',
    url: '/api/catalogue/implementations',
    payload: {
      basicMatterId,
      code: '11610100MB99999999000101234000',
      organisationId: '00000000-0000-4000-8000-000000000042',
      regionCode: '610100',
      document: sampleDocument(),
    },
  });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.field, 'organisationId');

  const dup = await editor.request({
    method: 'POST',
    url: '/api/catalogue/basic-matters',
    payload: sampleBasicMatter(),
  });
  assert.equal(dup.statusCode, 409);
});

test('an editor works on his own department only; the centre reviewer approves', async () => {
  const police = await newImplementation(admin, '公安局', sampleDocument({ name: '居民身份证换领' }));
  assert.equal(police.statusCode, 201, police.body);
  const policeId = police.json().id;
  assert.equal((await newImplementation(editor, '公安局')).statusCode, 403, 'not for another department');
  const put = await editor.request({
    method: 'PUT',
    url: `/api/catalogue/implementations/${policeId}/draft`,
    payload: { rev: 1, document: sampleDocument() },
  });
  assert.equal(put.statusCode, 403);
  assert.equal(
    (await editor.request({ method: 'GET', url: `/api/catalogue/implementations/${policeId}` })).statusCode,
    403,
  );
  const editorList = await editor.request({ method: 'GET', url: '/api/catalogue/implementations' });
  assert.ok(!editorList.json().items.some((i: { id: string }) => i.id === policeId), 'not listed for him');

  const own = await newImplementation(editor, '市场监管局');
  assert.equal(own.statusCode, 201, own.body);
  const id = own.json().id;
  assert.equal(own.json().draft.status, 'draft');
  const submitted = await act(editor, id, 'submit', { rev: 1 });
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.equal(submitted.json().status, 'under_review');

  const selfApproval = await act(editor, id, 'approve', {});
  assert.equal(selfApproval.statusCode, 403, 'editors do not approve');
  const queue = await approver.request({
    method: 'GET',
    url: '/api/catalogue/implementations?status=under_review',
  });
  assert.deepEqual(
    queue.json().items.map((i: { id: string }) => i.id),
    [id],
  );
  const approved = await act(approver, id, 'approve', { comment: '要素齐全，同意发布' });
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().status, 'published');
  const detail = await editor.request({ method: 'GET', url: `/api/catalogue/implementations/${id}` });
  assert.equal(detail.json().published.versionNo, 1);
  assert.equal(detail.json().draft, null);
  assert.equal(detail.json().versions[0].reviewComment, '要素齐全，同意发布');
});

test('nobody approves a version he submitted himself', async () => {
  const created = await newImplementation(admin, '税务局');
  const id = created.json().id;
  assert.equal((await act(admin, id, 'submit', { rev: 1 })).statusCode, 200);
  const own = await act(admin, id, 'approve', {});
  assert.equal(own.statusCode, 403);
  assert.equal(own.json().error.code, 'catalogue.own_submission');
  const other = await act(approver, id, 'approve');
  assert.equal(other.statusCode, 200, other.body);
});

test('versions over HTTP: stale rev, one open draft, diff, and an incomplete draft refused with the list', async () => {
  const created = await newImplementation(editor, '市场监管局');
  const id = created.json().id;
  await act(editor, id, 'submit', { rev: 1 });
  await act(approver, id, 'approve', {});

  const draft = await act(editor, id, 'draft');
  assert.equal(draft.statusCode, 201);
  assert.equal(draft.json().versionNo, 2);
  assert.equal((await act(editor, id, 'draft')).statusCode, 409);

  const document = sampleDocument({ complaint: '', keywords: [] });
  document.materials[1]!.gapAllowed = true;
  const saved = await editor.request({
    method: 'PUT',
    url: `/api/catalogue/implementations/${id}/draft`,
    payload: { rev: draft.json().rev, document },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const stale = await editor.request({
    method: 'PUT',
    url: `/api/catalogue/implementations/${id}/draft`,
    payload: { rev: draft.json().rev, document: sampleDocument() },
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'resource.conflict');

  const diff = await editor.request({
    method: 'GET',
    url: `/api/catalogue/implementations/${id}/diff?from=1&to=2`,
  });
  assert.deepEqual(diff.json(), [
    { path: 'complaint', before: '12345', after: '' },
    { path: 'keywords', before: ['开饭店', '餐饮', '食品经营'], after: [] },
    { path: 'materials[key=yyzz].gapAllowed', before: false, after: true },
  ]);

  const completeness = await editor.request({
    method: 'GET',
    url: `/api/catalogue/implementations/${id}/completeness`,
  });
  assert.equal(completeness.json().complete, false);
  const refused = await act(editor, id, 'submit', { rev: saved.json().rev });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().error.code, 'catalogue.incomplete');
  assert.deepEqual(
    refused.json().error.details.missing.map((m: { field: string }) => m.field),
    ['document.complaint', 'document.keywords'],
  );
  assert.match(refused.json().error.message, /未填写监督投诉方式/);

  const v1 = await editor.request({ method: 'GET', url: `/api/catalogue/implementations/${id}/versions/1` });
  assert.equal(v1.json().status, 'published', 'the public version is untouched');
  assert.equal(v1.json().document.complaint, '12345');
});

test('signed-out and unrelated staff are kept out', async () => {
  const anonymous = await t.app.inject({ method: 'GET', url: '/api/catalogue/implementations' });
  assert.equal(anonymous.statusCode, 401);
  const clerk = await signIn(t.app, await buildStaff(t.db.db, { role: 'window_clerk' }));
  assert.equal(
    (await clerk.request({ method: 'GET', url: '/api/catalogue/implementations' })).statusCode,
    403,
  );
  assert.equal((await clerk.request({ method: 'GET', url: '/api/catalogue/basic-matters' })).statusCode, 403);
  const badId = await editor.request({ method: 'GET', url: '/api/catalogue/implementations/not-a-uuid' });
  assert.equal(badId.statusCode, 400);
});
