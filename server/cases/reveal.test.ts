import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { type Browser, makeStaff, signInAs } from '../accounts/testing.ts';
import { auditRecords } from '../audit/index.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant } from './testing.ts';

let t: TestApp;
const who: Record<string, Browser> = {};
/** An online case of the demo person with a phone and delivery by post. */
let online: { id: string; caseNo: string; queryCode: string };
/** A counter case of a walk-in company at the city hall, picked up at the window. */
let counter: { id: string };

const PHONE = '13912345678';
const POSTAL_PHONE = '13800138000';
const ADDRESS = '陕西省西安市雁塔区科技路 48 号';
const ID_NUMBER = '11010519491231002X';

before(async () => {
  t = await createTestApp({ demo: true });
  const db = t.db.db;
  const org = async (shortName: string) =>
    (await db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
  const market = await org('市场监管局');
  const police = await org('公安局');
  const district = await org('新城区政务服务中心');
  const food = await publishMatter(db, market, FOOD_LICENCE);
  for (const login of ['clerk', 'reviewer', 'head', 'supervisor', 'manager']) {
    who[login] = await signInAs(t.app, login, DEMO_PASSWORD);
  }
  who.person = await signInApplicant(t.app, 'person', ID_NUMBER);
  const otherReviewer = await makeStaff({
    db,
    organisationId: police,
    roles: [{ role: 'department_reviewer', organisationId: police }],
  });
  const otherClerk = await makeStaff({
    db,
    organisationId: district,
    roles: [{ role: 'window_clerk', organisationId: district }],
  });
  who.otherReviewer = await signInAs(t.app, otherReviewer.login);
  who.otherClerk = await signInAs(t.app, otherClerk.login);
  const res = await who.person.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      formData: {
        phone: PHONE,
        delivery: { method: 'post', recipient: '王小明', phone: POSTAL_PHONE, address: ADDRESS },
      },
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  online = res.json();
  const atCounter = await who.clerk!.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'company', login: '91350100M000100Y43', displayName: '福州闽江数字科技有限公司' },
      formData: { phone: '059187654321', delivery: { method: 'window_pickup' } },
    },
  });
  assert.equal(atCounter.statusCode, 201, atCounter.body);
  counter = atCounter.json();
});
after(async () => {
  await t?.close();
});

const reveal = (b: Browser, id: string, field: string) =>
  b.request({ method: 'POST', url: `/api/cases/${id}/reveal`, payload: { field } });

const reveals = (caseId: string) =>
  t.db.db
    .select()
    .from(auditRecords)
    .where(and(eq(auditRecords.action, 'case.reveal'), eq(auditRecords.targetId, caseId)))
    .orderBy(auditRecords.seq);

test('staff see the ID number, phones and address masked in the case detail and list; the applicant sees them in full', async () => {
  const staff = await who.reviewer!.request({ method: 'GET', url: `/api/cases/${online.id}` });
  assert.equal(staff.statusCode, 200, staff.body);
  for (const full of [PHONE, POSTAL_PHONE, ADDRESS, ID_NUMBER]) {
    assert.ok(!staff.body.includes(full), `the staff detail does not contain ${full}`);
  }
  const d = staff.json();
  assert.equal(d.applicantLogin, '110105********002X');
  assert.equal(d.formData.phone, '139****5678');
  assert.equal(d.formData.delivery.phone, '138****8000');
  assert.equal(d.formData.delivery.address, '陕西省西安市**********');
  assert.equal(d.formData.delivery.recipient, '王小明');
  assert.deepEqual(d.revealable, ['applicantIdNumber', 'applicantPhone', 'postalPhone', 'postalAddress']);

  const list = await who.reviewer!.request({ method: 'GET', url: '/api/cases' });
  for (const full of [PHONE, POSTAL_PHONE, ADDRESS, ID_NUMBER]) assert.ok(!list.body.includes(full));

  const supervisor = (
    await who.supervisor!.request({ method: 'GET', url: `/api/cases/${online.id}` })
  ).json();
  assert.equal(supervisor.formData.delivery.phone, '138****8000', 'a supervisor sees it masked too');
  assert.deepEqual(supervisor.revealable, [], 'and has no 显示 button');

  const own = (await who.person!.request({ method: 'GET', url: `/api/cases/${online.id}` })).json();
  assert.equal(own.formData.phone, PHONE);
  assert.equal(own.formData.delivery.phone, POSTAL_PHONE);
  assert.equal(own.formData.delivery.address, ADDRESS);
  assert.deepEqual(own.revealable, []);
  assert.equal((await reveals(online.id)).length, 0, 'looking at the own case is not audited');
});

test('public progress shows none of it', async () => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/progress?caseNo=${online.caseNo}&code=${online.queryCode}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  for (const full of [PHONE, POSTAL_PHONE, ADDRESS, ID_NUMBER, '139****5678']) {
    assert.ok(!res.body.includes(full));
  }
});

test('reveal returns the full value and writes one audit record per view: who, which case, which field, not the value', async () => {
  const values: Record<string, string> = {
    applicantIdNumber: ID_NUMBER,
    applicantPhone: PHONE,
    postalPhone: POSTAL_PHONE,
    postalAddress: ADDRESS,
  };
  for (const [field, value] of Object.entries(values)) {
    const res = await reveal(who.reviewer!, online.id, field);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { field, value });
  }
  await reveal(who.head!, online.id, 'postalPhone');
  const trail = await reveals(online.id);
  assert.equal(trail.length, 5, 'one record per view');
  const [reviewer] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM accounts WHERE login = 'reviewer'")
  ).rows;
  assert.equal(trail[0]!.actorId, reviewer!.id);
  assert.equal(trail[0]!.targetType, 'case');
  assert.deepEqual(trail[0]!.summary, { caseNo: online.caseNo, field: 'applicantIdNumber' });
  assert.deepEqual(
    trail.map((r) => (r.summary as { field: string }).field),
    ['applicantIdNumber', 'applicantPhone', 'postalPhone', 'postalAddress', 'postalPhone'],
  );
  for (const record of trail) {
    const text = JSON.stringify(record);
    for (const full of Object.values(values)) assert.ok(!text.includes(full), 'the value is not audited');
  }
});

test('the clerk of the hall reveals the walk-in phone; a field the case does not hold is a 404', async () => {
  const res = await reveal(who.clerk!, counter.id, 'applicantPhone');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().value, '059187654321');
  assert.equal(
    (await reveal(who.clerk!, counter.id, 'postalAddress')).statusCode,
    404,
    'picked up at the window',
  );
  const detail = (await who.clerk!.request({ method: 'GET', url: `/api/cases/${counter.id}` })).json();
  assert.deepEqual(detail.revealable, ['applicantPhone'], 'a credit code is not masked');
});

test('out of scope it is a 404 as for the case itself; in scope without the need a 403; an unknown field a 400', async () => {
  const before = (await reveals(online.id)).length;
  assert.equal((await reveal(who.otherReviewer!, online.id, 'applicantPhone')).statusCode, 404);
  assert.equal((await reveal(who.otherClerk!, counter.id, 'applicantPhone')).statusCode, 404);
  assert.equal(
    (await reveal(who.clerk!, online.id, 'applicantPhone')).statusCode,
    404,
    'an online case of no hall',
  );
  assert.equal((await reveal(who.supervisor!, online.id, 'applicantPhone')).statusCode, 403);
  assert.equal((await reveal(who.manager!, counter.id, 'applicantPhone')).statusCode, 403);
  assert.equal(
    (await reveal(who.person!, online.id, 'applicantPhone')).statusCode,
    403,
    'the applicant has it',
  );
  const unknown = await reveal(who.reviewer!, online.id, 'bankAccount');
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.field, 'field');
  const extra = await who.reviewer!.request({
    method: 'POST',
    url: `/api/cases/${online.id}/reveal`,
    payload: { field: 'applicantPhone', all: true },
  });
  assert.equal(extra.statusCode, 400);
  assert.equal((await reveals(online.id)).length, before, 'refused views leave no record');
});
