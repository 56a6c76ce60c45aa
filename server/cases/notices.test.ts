import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { blockText, type NoticeKind, noticeContent } from '../notices/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { pdfShowsQrCode } from '../testing/pdf.ts';
import { noticeView } from './notices.ts';
import { cases } from './tables.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant, uploadedMaterial } from './testing.ts';

let t: TestApp;
let dataDir: string;
let food: string;
const who: Record<string, Browser> = {};

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-notices-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir } });
  const [market] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM organisations WHERE short_name = '市场监管局'")
  ).rows;
  food = await publishMatter(t.db.db, market!.id, FOOD_LICENCE);
  for (const login of ['clerk', 'reviewer', 'head', 'supervisor']) {
    who[login] = await signInAs(t.app, login, DEMO_PASSWORD);
  }
  who.company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  who.person = await signInApplicant(t.app, 'person', '11010519491231002X');
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

type Case = { id: string; version: number; caseNo: string; queryCode: string; notices: NoticeKind[] };

async function act(by: Browser, c: Case, action: string, body: Record<string, unknown> = {}): Promise<Case> {
  const res = await by.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json();
}

async function apply(by: Browser): Promise<Case> {
  const res = await by.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food, materials: [await uploadedMaterial(by, 'sqs')] },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

const getNotice = (by: Browser, c: Case, kind: string) =>
  by.request({
    method: 'GET',
    url: `/api/cases/${c.id}/notices/${kind}`,
    headers: { host: 'ywtb.example.cn' },
  });

async function textOf(c: Case, kind: NoticeKind): Promise<string> {
  const [row] = await t.db.db.select().from(cases).where(eq(cases.id, c.id));
  const content = noticeContent(kind, await noticeView({ db: t.db.db, row: row!, kind }));
  return content.blocks.map(blockText).join('\n');
}

test('each notice is available once the case reaches its step, and is a PDF whose QR opens the progress page', async () => {
  let c = await apply(who.company!);
  assert.deepEqual(c.notices, []);
  const early = await getNotice(who.company!, c, 'acceptance');
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'case.notice_not_available');
  assert.match(early.json().error.message, /受理通知书.*已提交待受理/);

  c = await act(who.reviewer!, c, 'request-supplement', {
    problems: [
      { materialKey: 'sqs', problem: '申请书未签字' },
      { materialKey: 'zscl', problem: '缺少经营场所使用证明' },
    ],
  });
  assert.deepEqual(c.notices, ['supplement']);
  const list = await textOf(c, 'supplement');
  assert.match(list, /共 2 项/);
  assert.match(list, /1 食品经营许可申请书 申请书未签字/);
  assert.match(list, /2 经营场所使用证明 缺少经营场所使用证明/);

  c = await act(who.company!, c, 'resubmit', {
    materials: [await uploadedMaterial(who.company!, 'zscl')],
  });
  c = await act(who.reviewer!, c, 'accept');
  assert.deepEqual(c.notices, ['acceptance', 'supplement'], 'the supplement list stays on record');
  const res = await getNotice(who.company!, c, 'acceptance');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''%E5%8F%97/);
  const pdf = res.rawPayload;
  assert.ok(pdf.subarray(0, 5).toString() === '%PDF-');
  const url = `http://ywtb.example.cn/progress?caseNo=${c.caseNo}&code=${c.queryCode}`;
  assert.ok(pdfShowsQrCode(pdf, url), 'the QR code opens the public progress page of this case');
  assert.ok(!pdfShowsQrCode(pdf, url.replace(c.queryCode, 'AAAAAA')));
  const acceptance = await textOf(c, 'acceptance');
  assert.match(acceptance, /决定予以受理/);
  assert.match(acceptance, /受理机关 西安市市场监督管理局/);
  assert.doesNotMatch(acceptance, /容缺/);

  c = await act(who.reviewer!, c, 'start-review');
  assert.equal((await getNotice(who.company!, c, 'approval')).json().error.code, 'case.notice_not_available');
  c = await act(who.head!, c, 'approve');
  assert.deepEqual(c.notices, ['acceptance', 'supplement', 'approval']);
  assert.match(await textOf(c, 'approval'), /决定准予行政许可/);
  assert.equal((await getNotice(who.company!, c, 'denial')).statusCode, 409);
  for (const kind of ['supplement', 'approval']) {
    assert.equal((await getNotice(who.company!, c, kind)).statusCode, 200, kind);
  }
});

test('refusals: not accepted and denied cases give their notices with the reason and legal basis', async () => {
  let refused = await apply(who.person!);
  refused = await act(who.reviewer!, refused, 'not-accept', {
    reason: '申请事项不属于本机关职权范围',
    legalBasis: '《食品经营许可和备案管理办法》第十二条',
  });
  assert.deepEqual(refused.notices, ['non_acceptance']);
  assert.match(
    await textOf(refused, 'non_acceptance'),
    /不属于本机关职权范围。根据《食品经营许可和备案管理办法》第十二条的规定，决定不予受理/,
  );
  assert.equal((await getNotice(who.person!, refused, 'non_acceptance')).statusCode, 200);

  let denied = await apply(who.person!);
  denied = await act(who.reviewer!, denied, 'accept-with-gaps', {
    gaps: ['zscl'],
    gapDeadline: '2999-01-01',
  });
  assert.match(
    await textOf(denied, 'acceptance'),
    /1 项材料按容缺受理.*2999年1月1日前补齐[\s\S]*1 经营场所使用证明/,
  );
  denied = await act(who.reviewer!, denied, 'start-review');
  denied = await act(who.head!, denied, 'deny', { reason: '经营场所不符合食品安全要求' });
  assert.deepEqual(denied.notices, ['acceptance', 'denial']);
  assert.match(await textOf(denied, 'denial'), /经营场所不符合食品安全要求，不符合法定条件、标准/);
});

test('a 告知承诺 approval is withdrawn from the notices when revoked', async () => {
  let c = await apply(who.company!);
  c = await act(who.reviewer!, c, 'approve-on-promise', { promise: '本企业承诺所填信息真实有效' });
  assert.deepEqual(c.notices, ['approval']);
  assert.match(await textOf(c, 'approval'), /依据你（单位）作出的告知承诺作出/);
  c = await act(who.head!, c, 'revoke', { reason: '核查不实' });
  assert.deepEqual(c.notices, []);
  assert.equal((await getNotice(who.company!, c, 'approval')).statusCode, 409);
});

test('only those who may read the case get its notices; an unknown kind is a 400', async () => {
  let c = await apply(who.company!);
  c = await act(who.reviewer!, c, 'accept');
  assert.equal((await getNotice(who.person!, c, 'acceptance')).statusCode, 404, "another applicant's case");
  assert.equal(
    (await getNotice(who.clerk!, c, 'acceptance')).statusCode,
    404,
    'an online case is no hall case',
  );
  assert.equal((await getNotice(who.supervisor!, c, 'acceptance')).statusCode, 200, 'the region supervisor');
  const unknown = await getNotice(who.company!, c, 'licence');
  assert.equal(unknown.statusCode, 400);
  const anonymous = await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/notices/acceptance` });
  assert.equal(anonymous.statusCode, 401);
});
