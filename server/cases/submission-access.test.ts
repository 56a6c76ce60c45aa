import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { addRoleAssignment, removeRoleAssignment, roleAssignments } from '../accounts/index.ts';
import { type Browser, makeStaff, signInAs, TEST_AUDIT } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { DEMO_KIOSK_TOKEN } from '../demo/kiosks.ts';
import { kioskOf, LI_CARD } from '../kiosk/testing.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, PDF, publishMatter, SHA, signInApplicant, uploadFile } from './testing.ts';

let t: TestApp;
let dataDir: string;
let food: string;
const who: Record<string, Browser> = {};

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-submission-access-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  const [market] = await t.db.db
    .select()
    .from(organisations)
    .where(eq(organisations.shortName, '市场监管局'));
  food = await publishMatter(t.db.db, market!.id, FOOD_LICENCE);
  for (const login of ['clerk', 'agent', 'reviewer'])
    who[login] = await signInAs(t.app, login, DEMO_PASSWORD);
  who.person = await signInApplicant(t.app, 'person', '11010519491231002X');
  who.company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Case = {
  id: string;
  caseNo: string;
  queryCode: string;
  version: number;
  channel: string;
  formData: Record<string, unknown>;
  materials: { key: string; supplied: boolean; attachmentId: string | null }[];
};

const PERSON = { kind: 'person', login: '11010519491231002X', displayName: '李秀兰', phone: '13912345678' };
const CONSENT = { signedBy: '李秀兰', signedAt: '2026-03-02', method: 'written_authorisation' };

const apply = (by: Browser, payload: Record<string, unknown>, key?: string) =>
  by.request({
    method: 'POST',
    url: '/api/cases',
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
    payload: { implementationId: food, ...payload },
  });

const caseCount = async () =>
  (await t.db.pool.query('SELECT count(*)::int AS n FROM cases')).rows[0].n as number;

test('an agent or a clerk posting for the applicant with the applicant’s key gets none of the applicant’s case', async () => {
  const key = 'shared-key-0001';
  const own = await apply(who.person!, { formData: { shopName: '李记面馆', note: '私人备注' } }, key);
  assert.equal(own.statusCode, 201, own.body);
  const mine = own.json() as Case;

  const byAgent = await apply(who.agent!, { applicant: PERSON, consent: CONSENT }, key);
  assert.equal(byAgent.statusCode, 201, byAgent.body);
  const agentCase = byAgent.json() as Case;
  assert.notEqual(agentCase.id, mine.id);
  assert.notEqual(agentCase.caseNo, mine.caseNo);
  assert.notEqual(agentCase.queryCode, mine.queryCode);
  assert.equal(agentCase.channel, 'agent');
  assert.deepEqual(agentCase.formData, {}, 'none of the applicant’s form');
  assert.ok(!byAgent.body.includes('私人备注'));

  const byClerk = await apply(who.clerk!, { applicant: PERSON }, key);
  assert.equal(byClerk.statusCode, 201, byClerk.body);
  const clerkCase = byClerk.json() as Case;
  assert.ok(![mine.id, agentCase.id].includes(clerkCase.id));
  assert.equal(clerkCase.channel, 'counter');
  assert.ok(!byClerk.body.includes(mine.queryCode));

  // Each of them repeating the request gets the case they filed.
  for (const [by, payload, filed] of [
    [who.person!, { formData: { shopName: '李记面馆', note: '私人备注' } }, mine],
    [who.agent!, { applicant: PERSON, consent: CONSENT }, agentCase],
    [who.clerk!, { applicant: PERSON }, clerkCase],
  ] as const) {
    const again = await apply(by, payload, key);
    assert.equal(again.statusCode, 200, again.body);
    assert.equal((again.json() as Case).id, filed.id);
  }
});

test('the same key with another body is a 422 naming the reuse, in Chinese and English; the first case stays as filed', async () => {
  const key = 'changed-body-0001';
  const first = await apply(who.company!, { formData: { shopName: '闽江小馆' } }, key);
  assert.equal(first.statusCode, 201, first.body);
  const count = await caseCount();

  const changed = await apply(who.company!, { formData: { shopName: '另一家店' } }, key);
  assert.equal(changed.statusCode, 422, changed.body);
  assert.equal(changed.json().error.code, 'case.idempotency_key_reused');
  assert.match(changed.json().error.message, /幂等键/);
  assert.ok(!changed.body.includes((first.json() as Case).caseNo), 'the refusal shows nothing of the case');
  const english = await who.company!.request({
    method: 'POST',
    url: '/api/cases',
    headers: { 'idempotency-key': key, 'accept-language': 'en' },
    payload: { implementationId: food },
  });
  assert.equal(english.statusCode, 422);
  assert.match(english.json().error.message, /Idempotency-Key/);
  assert.equal(await caseCount(), count, 'nothing filed');

  // The same body with its keys in another order is the same request.
  const reordered = await who.company!.request({
    method: 'POST',
    url: '/api/cases',
    headers: { 'idempotency-key': key, 'content-type': 'application/json' },
    payload: JSON.stringify({ formData: { shopName: '闽江小馆' }, implementationId: food }),
  });
  assert.equal(reordered.statusCode, 200, reordered.body);
  assert.equal((reordered.json() as Case).id, (first.json() as Case).id);
  const detail = await who.company!.request({
    method: 'GET',
    url: `/api/cases/${(first.json() as Case).id}`,
  });
  assert.deepEqual((detail.json() as Case).formData, { shopName: '闽江小馆' });
});

test('an applicant cannot hand in a file the clerk uploaded: 400 naming the material, nothing filed, the bytes stay unreadable', async () => {
  const scan = await uploadFile(who.clerk!, PDF('clerk scan of another applicant'));
  assert.equal(
    (await who.company!.request({ method: 'GET', url: `/api/files/${scan}` })).statusCode,
    404,
    'the company may not read the clerk’s file',
  );
  const own = await uploadFile(who.company!, PDF('company application form'));
  const count = await caseCount();
  const res = await apply(who.company!, {
    materials: [
      { key: 'sqs', sha256: own, fileName: '申请书.pdf' },
      { key: 'zscl', sha256: scan, fileName: '场所证明.pdf' },
    ],
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.code, 'validation.field');
  assert.equal(res.json().error.field, 'materials.1.sha256');
  assert.match(res.json().error.message, /经营场所使用证明|zscl/);
  assert.equal(await caseCount(), count, 'nothing filed');
});

test('a made-up hash is a 400 naming the material and draws no case number', async () => {
  const first = (await apply(who.company!, {})).json() as Case;
  const res = await apply(who.company!, {
    materials: [{ key: 'sqs', sha256: SHA(4242), fileName: 'a.pdf' }],
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.field, 'materials.0.sha256');
  const next = (await apply(who.company!, {})).json() as Case;
  assert.equal(Number(next.caseNo.slice(-6)), Number(first.caseNo.slice(-6)) + 1, 'no number drawn for it');
});

test('whoever submits must have uploaded the file: an agent or clerk may not hand in the applicant’s upload, their own is taken', async () => {
  const applicantsFile = await uploadFile(who.person!, PDF('person own form'));
  for (const [by, payload] of [
    [who.agent!, { applicant: PERSON, consent: CONSENT }],
    [who.clerk!, { applicant: PERSON }],
  ] as const) {
    const refused = await apply(by, {
      ...payload,
      materials: [{ key: 'sqs', sha256: applicantsFile, fileName: '申请书.pdf' }],
    });
    assert.equal(refused.statusCode, 400, refused.body);
    assert.equal(refused.json().error.field, 'materials.0.sha256');
  }
  const agentsFile = await uploadFile(who.agent!, PDF('scanned by the agent'));
  const byAgent = await apply(who.agent!, {
    applicant: PERSON,
    consent: CONSENT,
    materials: [{ key: 'sqs', sha256: agentsFile, fileName: '申请书.pdf' }],
  });
  assert.equal(byAgent.statusCode, 201, byAgent.body);
  assert.equal((byAgent.json() as Case).materials.find((m) => m.key === 'sqs')?.supplied, true);
  const clerksFile = await uploadFile(who.clerk!, PDF('scanned at the counter'));
  const byClerk = await apply(who.clerk!, {
    applicant: PERSON,
    materials: [{ key: 'sqs', sha256: clerksFile, fileName: '申请书.pdf' }],
  });
  assert.equal(byClerk.statusCode, 201, byClerk.body);
});

test('an applicant’s own uploads are accepted, counted as supplied and read back through the case', async () => {
  const content = PDF('own premises proof');
  const sqs = await uploadFile(who.company!, PDF('own application'));
  const zscl = await uploadFile(who.company!, content);
  const res = await apply(
    who.company!,
    {
      materials: [
        { key: 'sqs', sha256: sqs, fileName: '申请书.pdf' },
        { key: 'zscl', sha256: zscl, fileName: '场所证明.pdf' },
        { key: 'zscl', sha256: zscl, fileName: '场所证明（副本）.pdf' },
      ],
    },
    'own-uploads-0001',
  );
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json() as Case;
  assert.deepEqual(
    c.materials.map((m) => [m.key, m.supplied]),
    [
      ['sqs', true],
      ['zscl', true],
    ],
  );
  const read = await who.company!.request({
    method: 'GET',
    url: `/api/cases/${c.id}/materials/${c.materials.find((m) => m.key === 'zscl')!.attachmentId}`,
  });
  assert.equal(read.statusCode, 200);
  assert.deepEqual(read.rawPayload, content);
});

test('a supplement (补正) takes only files the one handing it in uploaded', async () => {
  const own = await uploadFile(who.company!, PDF('first form'));
  let c = (
    await apply(who.company!, { materials: [{ key: 'sqs', sha256: own, fileName: '申请书.pdf' }] })
  ).json() as Case;
  const act = (by: Browser, action: string, body: Record<string, unknown> = {}) =>
    by.request({
      method: 'POST',
      url: `/api/cases/${c.id}/${action}`,
      payload: { version: c.version, ...body },
    });
  const asked = await act(who.reviewer!, 'request-supplement', {
    problems: [{ materialKey: 'zscl', problem: '缺少经营场所使用证明' }],
  });
  assert.equal(asked.statusCode, 200, asked.body);
  c = asked.json() as Case;

  const othersFile = await uploadFile(who.person!, PDF('someone else’s premises'));
  const stolen = await act(who.company!, 'resubmit', {
    materials: [
      { key: 'sqs', sha256: own, fileName: '申请书.pdf' },
      { key: 'zscl', sha256: othersFile, fileName: '场所证明.pdf' },
    ],
  });
  assert.equal(stolen.statusCode, 400, stolen.body);
  assert.equal(stolen.json().error.field, 'materials.1.sha256');
  const madeUp = await act(who.company!, 'resubmit', {
    materials: [{ key: 'zscl', sha256: SHA(777), fileName: '场所证明.pdf' }],
  });
  assert.equal(madeUp.statusCode, 400, madeUp.body);
  assert.equal(madeUp.json().error.field, 'materials.0.sha256');
  const unchanged = (await who.company!.request({ method: 'GET', url: `/api/cases/${c.id}` })).json() as Case;
  assert.equal(unchanged.version, c.version, 'the refused supplement changed nothing');

  const premises = await uploadFile(who.company!, PDF('own premises'));
  const resubmitted = await act(who.company!, 'resubmit', {
    materials: [{ key: 'zscl', sha256: premises, fileName: '场所证明.pdf' }],
  });
  assert.equal(resubmitted.statusCode, 200, resubmitted.body);
  assert.equal((resubmitted.json() as Case).materials.find((m) => m.key === 'zscl')?.supplied, true);
});

test('a repeat is answered only after the read check of GET /cases/:id: a clerk moved to another hall gets a 404', async () => {
  const db = t.db.db;
  const org = async (shortName: string) =>
    (await db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
  const district = await org('新城区政务服务中心');
  const clerk = await makeStaff({
    db,
    organisationId: district,
    roles: [{ role: 'window_clerk', organisationId: district }],
  });
  const browser = await signInAs(t.app, clerk.login);
  const key = 'moved-clerk-0001';
  const filed = await apply(browser, { applicant: PERSON }, key);
  assert.equal(filed.statusCode, 201, filed.body);
  const again = await apply(browser, { applicant: PERSON }, key);
  assert.equal(again.statusCode, 200, again.body);

  const [grant] = await db.select().from(roleAssignments).where(eq(roleAssignments.accountId, clerk.id));
  await addRoleAssignment({
    db,
    audit: TEST_AUDIT,
    accountId: clerk.id,
    // The city hall's counter: a clerk files at the hall where the role is held.
    input: { role: 'window_clerk', organisationId: await org('市政务服务中心') },
  });
  await removeRoleAssignment({ db, audit: TEST_AUDIT, accountId: clerk.id, assignmentId: grant!.id });
  const id = (filed.json() as Case).id;
  assert.equal((await browser.request({ method: 'GET', url: `/api/cases/${id}` })).statusCode, 404);
  const repeated = await apply(browser, { applicant: PERSON }, key);
  assert.equal(repeated.statusCode, 404, repeated.body);
  assert.ok(!repeated.body.includes((filed.json() as Case).caseNo));
});

test('at a kiosk the identified applicant submits: files uploaded in the kiosk session are taken, the clerk’s are not', async () => {
  const kiosk = kioskOf(t.app, DEMO_KIOSK_TOKEN);
  const card = LI_CARD;
  assert.equal((await kiosk.identify(card)).statusCode, 200);
  const scanned = await uploadFile(kiosk, PDF('scanned at the kiosk'));
  const clerks = await uploadFile(who.clerk!, PDF('clerk scan at the counter'));
  const submit = (sha256: string) =>
    kiosk.request({
      method: 'POST',
      url: '/api/cases',
      headers: { 'idempotency-key': crypto.randomUUID() },
      payload: { implementationId: food, materials: [{ key: 'sqs', sha256, fileName: '申请书.pdf' }] },
    });
  const refused = await submit(clerks);
  assert.equal(refused.statusCode, 400, refused.body);
  assert.equal(refused.json().error.field, 'materials.0.sha256');
  const filed = await submit(scanned);
  assert.equal(filed.statusCode, 201, filed.body);
  assert.equal((filed.json() as Case).channel, 'kiosk');
});

test('a 容缺 material supplied at the window must be the clerk’s own scan, not a file the applicant uploaded', async () => {
  const COMPANY = { kind: 'company', login: '91350100M000100Y43', displayName: '福州闽江数字科技有限公司' };
  const form = await uploadFile(who.clerk!, PDF('counter application form'));
  let c = (
    await apply(who.clerk!, {
      applicant: COMPANY,
      materials: [{ key: 'sqs', sha256: form, fileName: '申请书.pdf' }],
    })
  ).json() as Case;
  const act = (action: string, body: Record<string, unknown>) =>
    who.clerk!.request({
      method: 'POST',
      url: `/api/cases/${c.id}/${action}`,
      payload: { version: c.version, ...body },
    });
  const accepted = await act('accept-with-gaps', { gaps: ['zscl'], gapDeadline: '2999-01-01' });
  assert.equal(accepted.statusCode, 200, accepted.body);
  c = accepted.json() as Case;
  const applicantsFile = await uploadFile(who.company!, PDF('company premises proof'));
  const refused = await act('supply-gap', {
    materials: [{ key: 'zscl', sha256: applicantsFile, fileName: 'a.pdf' }],
  });
  assert.equal(refused.statusCode, 400, refused.body);
  assert.equal(refused.json().error.field, 'materials.0.sha256');
  const scan = await uploadFile(who.clerk!, PDF('premises proof scanned at the window'));
  const supplied = await act('supply-gap', {
    materials: [{ key: 'zscl', sha256: scan, fileName: '场所证明.pdf' }],
  });
  assert.equal(supplied.statusCode, 200, supplied.body);
  assert.equal((supplied.json() as Case).materials.find((m) => m.key === 'zscl')?.supplied, true);
});
