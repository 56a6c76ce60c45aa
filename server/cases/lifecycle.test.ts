import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { clockStart } from '../calendar/index.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, ON_THE_SPOT, publishMatter, uploadedMaterial } from './testing.ts';

let t: TestApp;
let dataDir: string;
let food: string;
let immediate: string;
let clerk: Browser;
let reviewer: Browser;
let head: Browser;
let person: Browser;
let company: Browser;

async function applicantSignIn(kind: 'person' | 'company', login: string): Promise<Browser> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/applicant-login',
    payload: { kind, login, password: DEMO_PASSWORD },
  });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'yw_session')!.value;
  const csrfToken = res.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (o) =>
      t.app.inject({
        ...o,
        cookies: { yw_session: cookie },
        headers: { 'x-csrf-token': csrfToken, ...o.headers },
      }),
  };
}

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-lifecycle-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  const [market] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM organisations WHERE short_name = '市场监管局'")
  ).rows;
  food = await publishMatter(t.db.db, market!.id, FOOD_LICENCE);
  immediate = await publishMatter(t.db.db, market!.id, ON_THE_SPOT);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  head = await signInAs(t.app, 'head', DEMO_PASSWORD);
  person = await applicantSignIn('person', '11010519491231002X');
  company = await applicantSignIn('company', '91350100M000100Y43');
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Case = { id: string; version: number; status: string; [k: string]: unknown };

async function act(who: Browser, c: Case, action: string, body: Record<string, unknown> = {}, status = 200) {
  const res = await who.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });
  assert.equal(res.statusCode, status, `${action}: ${res.body}`);
  return res.json() as Case;
}

/** A file `by` uploaded for the material. */
const material = (by: Browser, key: string, n: number) => uploadedMaterial(by, key, `${key} ${n}`);

test('online: 补正 with one complete list, resubmitted, accepted, approved, concluded within the limit', async () => {
  const application = {
    implementationId: food,
    formData: { shopName: '闽江小馆' },
    materials: [await material(company, 'sqs', 1)],
  };
  const submitted = await company.request({
    method: 'POST',
    url: '/api/cases',
    headers: { 'idempotency-key': 'online-0001' },
    payload: application,
  });
  assert.equal(submitted.statusCode, 201, submitted.body);
  let c = submitted.json() as Case;
  assert.match(c.caseNo as string, /^610100-\d{8}-\d{6}$/);
  assert.equal(c.status, 'submitted');
  assert.equal(c.visits, 0);
  const again = await company.request({
    method: 'POST',
    url: '/api/cases',
    headers: { 'idempotency-key': 'online-0001' },
    payload: application,
  });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().id, c.id, 'the same key and request return the same case');

  const problems = [
    { materialKey: 'sqs', problem: '申请书未签字' },
    { materialKey: 'zscl', problem: '缺少经营场所使用证明' },
  ];
  c = await act(reviewer, c, 'request-supplement', { problems });
  assert.equal(c.status, 'needs_supplement');
  c = await act(company, c, 'resubmit', {
    materials: [await material(company, 'sqs', 2), await material(company, 'zscl', 3)],
  });
  assert.equal(c.status, 'submitted');
  c = await act(reviewer, c, 'accept');
  assert.equal(c.status, 'accepted');
  assert.ok(
    c.promisedDeadline && c.legalDeadline && (c.promisedDeadline as string) <= (c.legalDeadline as string),
  );
  c = await act(reviewer, c, 'start-review');
  c = await act(head, c, 'approve', { reason: '材料齐全，符合条件' });
  c = await act(reviewer, c, 'conclude');
  assert.equal(c.status, 'concluded');
  assert.equal(c.workingDaysUsed, 0);
  const timeline = (c.timeline as { action: string; details: { problems?: unknown } }[]).map((e) => e.action);
  assert.deepEqual(timeline, [
    'submit',
    'request_supplement',
    'resubmit',
    'accept',
    'start_review',
    'approve',
    'conclude',
  ]);
  const notice = (c.timeline as { action: string; details: { problems?: unknown } }[])[1]!;
  assert.deepEqual(notice.details.problems, problems, 'the one-time list is kept on the timeline');
  assert.equal(c.visits, 0, 'an online case needs no visit');
});

test('counter with 容缺: result held until supplied, then concluded and posted; one visit in all', async () => {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'company', login: '91350100M000100Y43', displayName: '福州闽江数字科技有限公司' },
      materials: [await material(clerk, 'sqs', 4)],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  let c = res.json() as Case;
  assert.equal(c.channel, 'counter');
  assert.equal(c.visits, 1, 'handing in at the counter is one visit');
  await act(clerk, c, 'accept-with-gaps', { gaps: ['sqs'], gapDeadline: '2999-01-01' }, 400);
  c = await act(clerk, c, 'accept-with-gaps', { gaps: ['zscl'], gapDeadline: '2999-01-01' });
  assert.equal(c.status, 'accepted_with_gaps');
  c = await act(reviewer, c, 'start-review');
  c = await act(head, c, 'approve');
  const held = await reviewer.request({
    method: 'POST',
    url: `/api/cases/${c.id}/conclude`,
    payload: { version: c.version },
  });
  assert.equal(held.statusCode, 409);
  assert.equal(held.json().error.code, 'case.result_held');
  c = await act(company, c, 'supply-gap', { materials: [await material(company, 'zscl', 5)] });
  assert.deepEqual(c.gaps, []);
  assert.equal(c.visits, 1, 'supplied online: no visit');
  c = await act(reviewer, c, 'conclude');
  c = await act(reviewer, c, 'deliver', {
    method: 'post',
    address: { recipient: '林总', phone: '13900000000', address: '西安市新城区西一路1号' },
  });
  assert.equal(c.status, 'delivered');
  assert.match(c.trackingNo as string, /^SB\d{9}CN$/);
  assert.equal(c.visits, 1, 'postal delivery adds no visit: one visit in all');
});

test('即办件 at the window: accepted, approved and concluded in the same visit', async () => {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: immediate,
      applicant: { kind: 'person', login: '610102198001010023', displayName: '王秀英' },
      materials: [await material(clerk, 'sqs', 6)],
    },
  });
  let c = res.json() as Case;
  c = await act(clerk, c, 'accept');
  assert.equal(
    c.promisedDeadline,
    await clockStart({ db: t.db.db, day: c.acceptedOn as string }),
    'due the day it is accepted, or the next working day when accepted on a day off',
  );
  c = await act(clerk, c, 'approve');
  c = await act(clerk, c, 'conclude');
  c = await act(clerk, c, 'deliver', { method: 'window_pickup', sameVisit: true });
  assert.equal(c.status, 'delivered');
  assert.equal(c.visits, 1);
  const walkIn = await t.app.inject({
    method: 'POST',
    url: '/api/auth/applicant-login',
    payload: { kind: 'person', login: '610102198001010023', password: '!' },
  });
  assert.equal(walkIn.statusCode, 401, 'the account made at the counter has no password to sign in with');
});

test('告知承诺: approved on the spot, revoked at verification, the next attempt barred with the reason', async () => {
  const first = (
    await company.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;
  let c = await act(reviewer, first, 'approve-on-promise', { promise: '本企业承诺所填信息真实有效' });
  assert.equal(c.status, 'approved_on_promise');
  assert.equal(c.onPromise, true);
  c = await act(head, c, 'revoke', { reason: '现场核查经营场所与承诺不符' });
  assert.equal(c.status, 'revoked');
  const next = (
    await company.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;
  const barred = await reviewer.request({
    method: 'POST',
    url: `/api/cases/${next.id}/approve-on-promise`,
    payload: { version: next.version, promise: '再次承诺' },
  });
  assert.equal(barred.statusCode, 409);
  assert.equal(barred.json().error.code, 'case.promise_barred');
  assert.match(barred.json().error.message, /现场核查经营场所与承诺不符/);
});

test('stale version → 409 resource.conflict; disallowed transition → 409 with a stable code', async () => {
  const c = (
    await person.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;
  const accepted = await act(reviewer, c, 'accept');
  const stale = await reviewer.request({
    method: 'POST',
    url: `/api/cases/${c.id}/start-review`,
    payload: { version: c.version },
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'resource.conflict');
  const wrong = await reviewer.request({
    method: 'POST',
    url: `/api/cases/${c.id}/conclude`,
    payload: { version: accepted.version },
  });
  assert.equal(wrong.statusCode, 409);
  assert.equal(wrong.json().error.code, 'case.transition_not_allowed');
  assert.match(wrong.json().error.message, /已受理.*办结/);
});

test('public progress: case number + code; a wrong code is the same 404 as an unknown number', async () => {
  const c = (
    await person.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;
  const ok = await t.app.inject({
    method: 'GET',
    url: `/api/progress?caseNo=${c.caseNo}&code=${c.queryCode}`,
  });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().status, 'submitted');
  assert.equal(ok.json().applicantId, undefined);
  const wrong = await t.app.inject({ method: 'GET', url: `/api/progress?caseNo=${c.caseNo}&code=AAAAAA` });
  const unknown = await t.app.inject({
    method: 'GET',
    url: '/api/progress?caseNo=610100-20000101-000001&code=AAAAAA',
  });
  assert.equal(wrong.statusCode, 404);
  assert.deepEqual(wrong.json().error.message, unknown.json().error.message);
});
