import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant, uploadedMaterial } from './testing.ts';

let t: TestApp;
let dataDir: string;
let food: string;
let clerk: Browser;
let reviewer: Browser;
let person: Browser;
let company: Browser;

const PERSON = '11010519491231002X';
const COMPANY = '91350100M000100Y43';

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-listing-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  const [market] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM organisations WHERE short_name = '市场监管局'")
  ).rows;
  food = await publishMatter(t.db.db, market!.id, { ...FOOD_LICENCE, name: '食品经营许可（测试）' });
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  person = await signInApplicant(t.app, 'person', PERSON);
  company = await signInApplicant(t.app, 'company', COMPANY);
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Case = { id: string; caseNo: string; version: number; status: string; [k: string]: unknown };

async function act(who: Browser, c: Case, action: string, body: Record<string, unknown> = {}, status = 200) {
  const res = await who.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });
  assert.equal(res.statusCode, status, `${action}: ${res.body}`);
  return res.json() as Case;
}

async function applyOnline(who: Browser): Promise<Case> {
  const res = await who.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food, materials: [await uploadedMaterial(who, 'sqs')] },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Case;
}

async function applyAtCounter(): Promise<Case> {
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'company', login: COMPANY, displayName: '福州闽江数字科技有限公司' },
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as Case;
}

async function queue(who: Browser): Promise<Case[]> {
  const res = await who.request({ method: 'GET', url: '/api/cases?queue=true&limit=200' });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as Case[];
}

test('lists name the matter and the applicant, with a person’s ID number masked', async () => {
  const mine = await applyOnline(person);
  const res = await reviewer.request({ method: 'GET', url: '/api/cases?limit=200' });
  const item = (res.json().items as Case[]).find((c) => c.id === mine.id)!;
  assert.equal(item.matterName, '食品经营许可（测试）');
  assert.equal(item.applicantName, '李秀兰');
  assert.equal(item.applicantLogin, '110105********002X');
  assert.ok(!res.body.includes(PERSON), 'the full ID number is in no list');

  const own = await person.request({ method: 'GET', url: '/api/cases' });
  assert.equal((own.json().items as Case[])[0]!.matterName, '食品经营许可（测试）');
});

test('the detail names the applicant, and the timeline names who acted in which role', async () => {
  let c = await applyOnline(company);
  assert.equal(c.applicantName, '福州闽江数字科技有限公司');
  c = await act(reviewer, c, 'accept');
  const timeline = c.timeline as { action: string; actorName: string | null; actorRole: string | null }[];
  assert.deepEqual(
    timeline.map((e) => [e.action, e.actorName, e.actorRole]),
    [
      ['submit', '福州闽江数字科技有限公司', 'applicant'],
      ['accept', '刘洋', 'department_reviewer'],
    ],
  );
});

test('the result held names the missing material by its name in the version', async () => {
  let c = await applyAtCounter();
  c = await act(clerk, c, 'accept-with-gaps', { gaps: ['zscl'], gapDeadline: '2999-01-01' });
  c = await act(reviewer, c, 'start-review');
  c = await act(reviewer, c, 'approve');
  const held = await reviewer.request({
    method: 'POST',
    url: `/api/cases/${c.id}/conclude`,
    payload: { version: c.version },
  });
  assert.equal(held.statusCode, 409);
  assert.equal(held.json().error.code, 'case.result_held');
  assert.equal(held.json().error.message, '容缺材料尚未补齐（经营场所使用证明），办理结果暂缓出具');
});

test('the review queue: online applications awaiting 受理 first by submission, then open cases by deadline', async () => {
  const accepted = await act(reviewer, await applyOnline(company), 'accept');
  const first = await applyOnline(company);
  const second = await applyOnline(person);
  const atCounter = await applyAtCounter();
  const onPromise = await act(clerk, await applyAtCounter(), 'approve-on-promise', {
    promise: '本企业承诺所填信息真实有效',
  });

  const items = await queue(reviewer);
  const ids = items.map((c) => c.id);
  const submitted = items.filter((c) => c.status === 'submitted');
  assert.ok(submitted.length >= 2);
  assert.ok(
    submitted.every((c) => c.channel === 'online'),
    'counter cases are pre-reviewed at the counter',
  );
  assert.ok(!ids.includes(atCounter.id));
  assert.deepEqual(
    items.slice(0, submitted.length).map((c) => c.status),
    submitted.map(() => 'submitted'),
    'the applications awaiting 受理 come first',
  );
  assert.ok(ids.indexOf(first.id) < ids.indexOf(second.id), 'the earlier submission first');
  const times = submitted.map((c) => Date.parse(c.submittedAt as string));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
  );
  assert.ok(ids.includes(accepted.id));
  assert.ok(ids.includes(onPromise.id), '告知承诺 approvals wait for verification');
  const deadlines = items.slice(submitted.length).map((c) => (c.promisedDeadline as string | null) ?? '9999');
  assert.deepEqual(deadlines, [...deadlines].sort());

  const whole = await reviewer.request({ method: 'GET', url: '/api/cases?queue=true&limit=200' });
  assert.equal(whole.json().total, items.length, 'the total counts both parts of the queue');
  const paged: string[] = [];
  for (let offset = 0; offset < items.length; offset += 3) {
    const page = await reviewer.request({
      method: 'GET',
      url: `/api/cases?queue=true&limit=3&offset=${offset}`,
    });
    assert.equal(page.json().total, items.length);
    paged.push(...(page.json().items as Case[]).map((c) => c.id));
  }
  assert.deepEqual(paged, ids, 'pages of three follow the same order, across the two parts');

  const filtered = await reviewer.request({ method: 'GET', url: '/api/cases?queue=true&status=accepted' });
  assert.ok((filtered.json().items as Case[]).every((c) => c.status === 'accepted'));
});
