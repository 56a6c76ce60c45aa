import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditTrail, type Browser, makeStaff, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant } from './testing.ts';

let t: TestApp;
let food: string;
const who: Record<string, Browser> = {};

before(async () => {
  t = await createTestApp({ demo: true });
  const db = t.db.db;
  const org = async (shortName: string) =>
    (await db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
  const police = await org('公安局');
  const district = await org('新城区政务服务中心');
  food = await publishMatter(db, await org('市场监管局'), FOOD_LICENCE);
  for (const login of ['reviewer', 'head', 'supervisor', 'admin']) {
    who[login] = await signInAs(t.app, login, DEMO_PASSWORD);
  }
  who.company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  const otherHead = await makeStaff({
    db,
    organisationId: police,
    roles: [{ role: 'department_head', organisationId: police }],
  });
  const districtSupervisor = await makeStaff({
    db,
    organisationId: district,
    roles: [{ role: 'supervisor', regionCode: '610102' }],
  });
  who.otherHead = await signInAs(t.app, otherHead.login);
  who.districtSupervisor = await signInAs(t.app, districtSupervisor.login);
});
after(async () => {
  await t?.close();
});

type Case = { id: string; version: number; status: string; caseNo: string };
type Credit = {
  id: string;
  caseNo: string;
  applicantName: string;
  matterName: string;
  reason: string;
  liftedAt: string | null;
  liftReason: string | null;
  liftedByName: string | null;
};

async function act(b: Browser, c: Case, action: string, body: Record<string, unknown> = {}) {
  return b.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });
}

const apply = async () =>
  (
    await who.company!.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;

const records = async (b: Browser, state = 'open') => {
  const res = await b.request({ method: 'GET', url: `/api/credit-records?state=${state}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items as Credit[];
};

const lift = (b: Browser, id: string, reason: string) =>
  b.request({ method: 'POST', url: `/api/credit-records/${id}/lift`, payload: { reason } });

test('信用修复: a false promise bars the company; the head lifts the record; the next 告知承诺 is allowed again', async () => {
  const first = await apply();
  let res = await act(who.reviewer!, first, 'approve-on-promise', { promise: '本企业承诺所填信息真实有效' });
  assert.equal(res.statusCode, 200, res.body);
  res = await act(who.head!, res.json(), 'revoke', { reason: '现场核查经营场所与承诺不符' });
  assert.equal(res.statusCode, 200, res.body);

  const next = await apply();
  const barred = await act(who.reviewer!, next, 'approve-on-promise', { promise: '再次承诺' });
  assert.equal(barred.json().error.code, 'case.promise_barred');

  const listed = (await records(who.head!)).filter((r) => r.caseNo === first.caseNo);
  assert.equal(listed.length, 1, 'the head of the department whose case made it sees the record');
  const record = listed[0]!;
  assert.equal(record.applicantName, '福州闽江数字科技有限公司');
  assert.equal(record.reason, '现场核查经营场所与承诺不符');
  assert.equal(record.liftedAt, null);
  assert.ok(
    (await records(who.supervisor!)).some((r) => r.id === record.id),
    'the city supervisor sees it',
  );

  const empty = await lift(who.head!, record.id, '   ');
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().error.field, 'reason');
  res = await lift(who.head!, record.id, '企业已整改并提交信用修复承诺书');
  assert.equal(res.statusCode, 200, res.body);
  assert.ok(res.json().liftedAt);
  const audit = (await auditTrail(t.db.db, 'credit.lift')).filter((r) => r.targetId === record.id);
  assert.equal(audit.length, 1);
  assert.equal((audit[0]!.summary as { reason: string }).reason, '企业已整改并提交信用修复承诺书');

  const again = await lift(who.head!, record.id, '重复修复');
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'credit.already_lifted');

  assert.ok(!(await records(who.head!)).some((r) => r.id === record.id), 'no longer among the open records');
  const lifted = (await records(who.head!, 'lifted')).find((r) => r.id === record.id);
  assert.equal(lifted?.liftReason, '企业已整改并提交信用修复承诺书');
  assert.equal(lifted?.liftedByName, '陈志强');

  const allowed = await act(who.reviewer!, next, 'approve-on-promise', {
    promise: '再次承诺所填信息真实有效',
  });
  assert.equal(allowed.statusCode, 200, allowed.body);
  assert.equal(allowed.json().status, 'approved_on_promise');
});

test('out of scope: another department head and a district supervisor neither see nor lift; others may not list', async () => {
  const c = await apply();
  const approved = (await act(who.reviewer!, c, 'approve-on-promise', { promise: '承诺' })).json();
  assert.equal((await act(who.head!, approved, 'revoke', { reason: '承诺不实' })).statusCode, 200);
  const record = (await records(who.head!)).find((r) => r.caseNo === c.caseNo)!;
  assert.ok(record);
  assert.ok(!(await records(who.otherHead!)).some((r) => r.id === record.id));
  assert.ok(!(await records(who.districtSupervisor!)).some((r) => r.id === record.id), 'a city case');
  assert.equal((await lift(who.otherHead!, record.id, '修复')).statusCode, 404);
  assert.equal((await lift(who.districtSupervisor!, record.id, '修复')).statusCode, 404);
  assert.equal((await lift(who.reviewer!, record.id, '修复')).statusCode, 404);
  assert.equal((await lift(who.head!, '00000000-0000-4000-8000-000000000000', '修复')).statusCode, 404);
  for (const b of [who.reviewer!, who.admin!, who.company!]) {
    assert.equal((await b.request({ method: 'GET', url: '/api/credit-records' })).statusCode, 403);
  }
  const bySupervisor = await lift(who.supervisor!, record.id, '经复核予以修复');
  assert.equal(bySupervisor.statusCode, 200, 'the supervisor of the region lifts it');
});
