import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Browser, makeStaff, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, PDF, publishMatter, signInApplicant } from './testing.ts';

let t: TestApp;
let dataDir: string;
let market: string;
let food: string;
let reviewer: Browser;
let head: Browser;
let company: Browser;
let serial = 0;

type Case = { id: string; version: number; status: string; assigneeId: string | null };

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-start-review-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  market = (await t.db.pool.query("SELECT id FROM organisations WHERE short_name = '市场监管局'")).rows[0].id;
  food = await publishMatter(t.db.db, market, FOOD_LICENCE);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  head = await signInAs(t.app, 'head', DEMO_PASSWORD);
  company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
});
after(async () => {
  await t?.close();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** An online application of the demo company, accepted by the department: ready for review. */
async function acceptedCase(): Promise<Case> {
  const upload = await company.request({
    method: 'POST',
    url: '/api/files?name=sqs.pdf',
    headers: { 'content-type': 'application/pdf' },
    payload: PDF(`start review ${++serial}`),
  });
  assert.equal(upload.statusCode, 200, upload.body);
  const submitted = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      materials: [{ key: 'sqs', sha256: upload.json().sha256, fileName: '申请书.pdf' }],
    },
  });
  assert.equal(submitted.statusCode, 201, submitted.body);
  const c = submitted.json() as Case;
  const accepted = await reviewer.request({
    method: 'POST',
    url: `/api/cases/${c.id}/accept`,
    payload: { version: c.version },
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  return accepted.json();
}

const startReview = (by: Browser, c: Case, assigneeId?: string) =>
  by.request({
    method: 'POST',
    url: `/api/cases/${c.id}/start-review`,
    payload: { version: c.version, ...(assigneeId ? { assigneeId } : {}) },
  });

const accountId = async (login: string): Promise<string> =>
  (await t.db.pool.query('SELECT id FROM accounts WHERE login = $1', [login])).rows[0].id;

test('a review cannot be assigned to an account that does not exist: 400 naming assigneeId', async () => {
  const c = await acceptedCase();
  const res = await startReview(head, c, crypto.randomUUID());
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.field, 'assigneeId');
});

test('a review cannot be assigned to someone who is not a reviewer of the department', async () => {
  const c = await acceptedCase();
  const outsiders = [await accountId('clerk'), await accountId('11010519491231002X')];
  const otherDepartment = (await t.db.pool.query("SELECT id FROM organisations WHERE short_name = '公安局'"))
    .rows[0].id;
  const elsewhere = await makeStaff({
    db: t.db.db,
    organisationId: otherDepartment,
    roles: [{ role: 'department_reviewer', organisationId: otherDepartment }],
  });
  for (const assigneeId of [...outsiders, elsewhere.id]) {
    const res = await startReview(head, c, assigneeId);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'case.assignee_not_reviewer');
    assert.equal(res.json().error.field, 'assigneeId');
  }
  const unchanged = (await reviewer.request({ method: 'GET', url: `/api/cases/${c.id}` })).json();
  assert.equal(unchanged.status, 'accepted');
});

test('the department head assigns the review to a reviewer of the department; without one it is the one who starts', async () => {
  const assigned = await startReview(head, await acceptedCase(), await accountId('reviewer'));
  assert.equal(assigned.statusCode, 200, assigned.body);
  assert.equal(assigned.json().status, 'in_review');
  assert.equal(assigned.json().assigneeId, await accountId('reviewer'));
  const own = await startReview(reviewer, await acceptedCase());
  assert.equal(own.statusCode, 200, own.body);
  assert.equal(own.json().assigneeId, await accountId('reviewer'));
});
