import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser, makeStaff, signInAs, TEST_AUDIT } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { issueCertificate } from './index.ts';
import type { IssuedCertificate } from './types.ts';

const PERSON = '11010519491231002X';
const COMPANY = '91350100M000100Y43';

let t: TestApp;
let head: Browser;
let reviewer: Browser;
let supervisor: Browser;
let clerk: Browser;
let policeHead: Browser;
let market: string;
let police: string;

type Answer = { items: IssuedCertificate[]; total: number };

async function list(who: Browser, query = ''): Promise<Answer> {
  const res = await who.request({ method: 'GET', url: `/api/certificates${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Answer;
}

const types = (a: Answer) => a.items.map((c) => c.typeName).sort();
const names = (...list: string[]) => list.sort();

before(async () => {
  t = await createTestApp({ demo: true });
  const org = async (shortName: string) =>
    (await t.db.pool.query('SELECT id FROM organisations WHERE short_name = $1', [shortName])).rows[0]
      .id as string;
  market = await org('市场监管局');
  police = await org('公安局');
  // The demo data holds a 居民身份证 (公安局) and a 营业执照 (市场监管局); add a licence, one long expired, and a temporary ID card.
  await t.db.db.transaction(async (tx) => {
    const holder = { kind: 'company' as const, login: COMPANY, name: '福州闽江数字科技有限公司' };
    await issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '食品经营许可证',
      organisationId: market,
      holder,
      data: {},
    });
    await issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '药品经营许可证',
      organisationId: market,
      holder,
      data: {},
      now: new Date('2015-03-01T10:00:00+08:00'),
    });
    await issueCertificate({
      tx,
      audit: TEST_AUDIT,
      typeName: '临时居民身份证',
      organisationId: police,
      holder: { kind: 'person', login: PERSON, name: '李秀兰' },
      data: {},
    });
  });
  head = await signInAs(t.app, 'head', DEMO_PASSWORD);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  supervisor = await signInAs(t.app, 'supervisor', DEMO_PASSWORD);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  const policeStaff = await makeStaff({
    db: t.db.db,
    organisationId: police,
    roles: [{ role: 'department_head', organisationId: police }],
  });
  policeHead = await signInAs(t.app, policeStaff.login);
});
after(async () => {
  await t?.close();
});

test("a department's head and reviewers see what their department issued, newest first", async () => {
  const mine = await list(head);
  assert.deepEqual(types(mine), names('营业执照', '药品经营许可证', '食品经营许可证'));
  assert.equal(mine.total, 3);
  assert.ok(mine.items.every((c) => c.issuerId === market));
  assert.equal(mine.items.at(-1)!.typeName, '药品经营许可证', 'issued in 2015: last');
  assert.deepEqual(types(await list(reviewer)), types(mine));
  assert.deepEqual(types(await list(policeHead)), names('临时居民身份证', '居民身份证'));
});

test("supervisors see their region's certificates, with persons' ID numbers masked", async () => {
  const all = await list(supervisor, '?limit=200');
  assert.deepEqual(
    types(all),
    names('临时居民身份证', '居民身份证', '营业执照', '药品经营许可证', '食品经营许可证'),
  );
  const card = all.items.find((c) => c.typeName === '居民身份证')!;
  assert.equal(card.holderLogin, '110105********002X');
  assert.equal(card.holderName, '李秀兰');
  const res = await supervisor.request({ method: 'GET', url: '/api/certificates' });
  assert.ok(!res.body.includes(PERSON), 'the full ID number is nowhere in the answer');
  assert.ok(
    all.items.every((c) => !c.canRevoke),
    'supervisors do not revoke',
  );
});

test('others may not list issued certificates', async () => {
  const res = await clerk.request({ method: 'GET', url: '/api/certificates' });
  assert.equal(res.statusCode, 403);
  assert.equal((await t.app.inject({ method: 'GET', url: '/api/certificates' })).statusCode, 401);
});

test('filters by status and type, pages with a total', async () => {
  const expired = await list(head, '?status=expired');
  assert.deepEqual(types(expired), names('药品经营许可证'));
  assert.equal(expired.items[0]!.status, 'expired');
  assert.deepEqual(types(await list(head, '?status=issued')), names('营业执照', '食品经营许可证'));
  assert.deepEqual(types(await list(head, '?typeCode=yyzz')), names('营业执照'));
  const page = await list(head, '?limit=1&offset=1');
  assert.equal(page.items.length, 1);
  assert.equal(page.total, 3);
  const bad = await head.request({ method: 'GET', url: '/api/certificates?status=lost' });
  assert.equal(bad.statusCode, 400);
});

test('the head revokes with a reason; the list then shows it revoked with the reason', async () => {
  const licence = (await list(head, '?typeCode=spjy')).items[0]!;
  assert.equal(licence.canRevoke, true);
  assert.equal(
    (await list(reviewer, '?typeCode=spjy')).items[0]!.canRevoke,
    false,
    'reviewers do not revoke',
  );
  const res = await head.request({
    method: 'POST',
    url: `/api/certificates/${licence.id}/revoke`,
    payload: { reason: '经营者申请注销' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const revoked = await list(head, '?status=revoked');
  assert.deepEqual(types(revoked), names('食品经营许可证'));
  assert.equal(revoked.items[0]!.revokeReason, '经营者申请注销');
  assert.equal(revoked.items[0]!.canRevoke, false);
  assert.deepEqual(types(await list(head, '?status=issued')), names('营业执照'));
});
