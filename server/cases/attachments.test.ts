import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { type Browser, makeStaff, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, PDF, PNG, publishMatter, signInApplicant, uploadedMaterial } from './testing.ts';

let t: TestApp;
let dataDir: string;
let food: string;
const who: Record<string, Browser> = {};

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-case-materials-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  const db = t.db.db;
  const org = async (shortName: string) =>
    (await db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
  food = await publishMatter(db, await org('市场监管局'), FOOD_LICENCE);
  for (const login of ['clerk', 'reviewer', 'head']) who[login] = await signInAs(t.app, login, DEMO_PASSWORD);
  who.company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  who.person = await signInApplicant(t.app, 'person', '11010519491231002X');
  const district = await org('新城区政务服务中心');
  const otherClerk = await makeStaff({
    db,
    organisationId: district,
    roles: [{ role: 'window_clerk', organisationId: district }],
  });
  who.otherClerk = await signInAs(t.app, otherClerk.login);
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Material = { key: string; supplied: boolean; attachmentId: string | null; files: { id: string }[] };
type Case = {
  id: string;
  version: number;
  status: string;
  gaps: string[];
  visits: number;
  materials: Material[];
  timeline: { action: string; details: Record<string, unknown> }[];
};

const upload = (by: Browser, c: Case, key: string, content: Buffer, name = `${key}.pdf`) =>
  by.request({
    method: 'POST',
    url: `/api/cases/${c.id}/materials/${key}?name=${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/octet-stream' },
    payload: content,
  });

async function act(by: Browser, c: Case, action: string, body: Record<string, unknown> = {}, status = 200) {
  const res = await by.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });
  assert.equal(res.statusCode, status, `${action}: ${res.body}`);
  return res.json();
}

const detail = async (by: Browser, c: Case): Promise<Case> =>
  (await by.request({ method: 'GET', url: `/api/cases/${c.id}` })).json();

test('online 补正: the applicant uploads the missing material, the resubmission refers to it', async () => {
  const res = await who.company!.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food, materials: [await uploadedMaterial(who.company!, 'sqs')] },
  });
  assert.equal(res.statusCode, 201, res.body);
  let c = res.json() as Case;
  const closed = await upload(who.company!, c, 'zscl', PDF('early'));
  assert.equal(closed.statusCode, 409, 'nothing to supplement before the notice');
  assert.equal(closed.json().error.code, 'case.materials_closed');

  c = await act(who.reviewer!, c, 'request-supplement', {
    problems: [{ materialKey: 'zscl', problem: '缺少经营场所使用证明' }],
  });
  const unknown = await upload(who.company!, c, 'nope', PDF('x'));
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.field, 'materialKey');
  const text = await upload(who.company!, c, 'zscl', Buffer.from('just text'));
  assert.equal(text.statusCode, 400);
  assert.equal(text.json().error.code, 'files.unsupported_type');
  assert.equal(
    (await upload(who.reviewer!, c, 'zscl', PDF('x'))).statusCode,
    403,
    'the reviewer reads, not uploads',
  );
  assert.equal((await upload(who.person!, c, 'zscl', PDF('x'))).statusCode, 404, "someone else's case");

  const uploaded = await upload(who.company!, c, 'zscl', PNG, '场所证明.png');
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  const attachment = uploaded.json() as { id: string; source: string; mediaType: string; fileName: string };
  assert.equal(attachment.source, 'applicant');
  assert.equal(attachment.mediaType, 'image/png');
  assert.equal(attachment.fileName, '场所证明.png');

  c = await detail(who.company!, c);
  const zscl = c.materials.find((m) => m.key === 'zscl')!;
  assert.equal(zscl.supplied, true);
  assert.equal(zscl.attachmentId, attachment.id);
  assert.equal(
    c.materials.find((m) => m.key === 'sqs')!.files.length,
    1,
    'the one handed in with the application',
  );

  const download = await who.reviewer!.request({
    method: 'GET',
    url: `/api/cases/${c.id}/materials/${attachment.id}`,
  });
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'image/png');
  assert.deepEqual(download.rawPayload, PNG);
  assert.match(String(download.headers['content-disposition']), /filename\*=UTF-8''%E5%9C%BA/);
  const stranger = await who.person!.request({
    method: 'GET',
    url: `/api/cases/${c.id}/materials/${attachment.id}`,
  });
  assert.equal(stranger.statusCode, 404);

  const other = (
    await who.person!.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;
  const wrongCase = await who.reviewer!.request({
    method: 'GET',
    url: `/api/cases/${other.id}/materials/${attachment.id}`,
  });
  assert.equal(wrongCase.statusCode, 404, "an attachment is read only through its own case's address");

  const foreign = await act(who.company!, c, 'resubmit', { attachmentIds: [other.id] }, 400);
  assert.equal(foreign.error.field, 'attachmentIds/0');
  c = await act(who.company!, c, 'resubmit', { attachmentIds: [attachment.id] });
  assert.equal(c.status, 'submitted');
  assert.deepEqual(c.timeline.at(-1)!.details, { materials: ['zscl'], attachmentIds: [attachment.id] });
  assert.equal((await upload(who.company!, c, 'zscl', PDF('late'))).statusCode, 409);

  const audited = await t.db.db.execute<{ summary: { materialKey: string } }>(
    sql`SELECT summary FROM audit_records WHERE action = 'case.attach_material' AND target_id = ${c.id}`,
  );
  assert.deepEqual(
    audited.rows.map((r) => r.summary.materialKey),
    ['zscl'],
  );
});

test('at the counter: the clerk scans; a 容缺 material supplied by upload releases the case', async () => {
  const res = await who.clerk!.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'company', login: '91350100M000100Y43', displayName: '福州闽江数字科技有限公司' },
    },
  });
  let c = res.json() as Case;
  const scan = await upload(who.clerk!, c, 'sqs', PDF('scan'), '申请书扫描件.pdf');
  assert.equal(scan.statusCode, 201, scan.body);
  assert.equal(scan.json().source, 'clerk_scan');
  assert.equal(
    (await upload(who.otherClerk!, c, 'sqs', PDF('x'))).statusCode,
    404,
    'a clerk of another hall',
  );
  assert.equal((await upload(who.company!, c, 'sqs', PDF('x'))).statusCode, 409, 'awaiting acceptance');

  c = await act(who.clerk!, c, 'accept-with-gaps', { gaps: ['zscl'], gapDeadline: '2999-01-01' });
  c = await act(who.reviewer!, c, 'start-review');
  const notAGap = await upload(who.company!, c, 'sqs', PDF('x'));
  assert.equal(notAGap.statusCode, 400);
  assert.equal(notAGap.json().error.field, 'materialKey');
  assert.match(notAGap.json().error.message, /zscl/);
  const supplied = await upload(who.company!, c, 'zscl', PDF('premises'));
  assert.equal(supplied.statusCode, 201);
  c = await act(who.company!, c, 'supply-gap', { attachmentIds: [supplied.json().id] });
  assert.deepEqual(c.gaps, []);
  assert.equal(c.status, 'in_review');
  assert.equal(c.visits, 1, 'supplied online: still the one visit of the counter');
  assert.equal((await upload(who.company!, c, 'zscl', PDF('again'))).statusCode, 409);
});
