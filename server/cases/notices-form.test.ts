import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { FOOD_FORM, FOOD_VALUES } from '../../common/forms/testing.ts';
import type { Browser } from '../accounts/testing.ts';
import { importCertificateTypes } from '../certificates/index.ts';
import { DEMO_CERTIFICATE_TYPES } from '../demo/certificates.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltAccount,
  type BuiltCase,
  type BuiltMatter,
  buildCase,
  buildCompany,
  buildMatter,
  buildOrganisation,
  buildStaff,
  FACTORY_AUDIT,
  signIn,
} from '../testing/factories.ts';
import { pdfText, renderPage } from '../testing/pdf.ts';
import { buildFormMatter, fileFormCase } from './application-testing.ts';

/**
 * The 准予行政许可决定书 of a case filed on an application form quotes what it approves: the
 * particulars the result certificate (食品经营许可证) prints from the form, as the form prints them,
 * and the certificate's number once it is issued. Without a form, or without a certificate result,
 * it reads as before.
 */

let t: TestApp;
let staff: Browser;
let market: string;
let food: BuiltMatter;

const PARTICULARS = [
  '经营场所：西安市新城区东大街8号一层',
  '主体业态：餐饮服务经营者',
  '经营项目：热食类食品制售、冷食类食品制售',
];

before(async () => {
  t = await createTestApp();
  const db = t.db.db;
  market = (await buildOrganisation(db, { name: '西安市测试市场监督管理局' })).id;
  const { department: _, ...spjy } = DEMO_CERTIFICATE_TYPES.find((c) => c.code === 'spjy')!;
  await db.transaction((tx) =>
    importCertificateTypes({ tx, audit: FACTORY_AUDIT, types: [{ ...spjy, organisationId: market }] }),
  );
  food = await buildFormMatter(db, { departmentId: market, form: FOOD_FORM });
  const member = await buildStaff(db, {
    organisationId: market,
    roles: [
      { role: 'department_reviewer', organisationId: market },
      { role: 'department_head', organisationId: market },
    ],
  });
  staff = await signIn(t.app, member);
});
after(async () => {
  await t?.close();
});

async function act(c: BuiltCase, actions: string[]): Promise<BuiltCase> {
  for (const action of actions) {
    const res = await staff.request({
      method: 'POST',
      url: `/api/cases/${c.id}/${action}`,
      payload: { version: c.version },
    });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    c = res.json() as BuiltCase;
  }
  return c;
}

/** The notice as the applicant downloads it, and its text (pdftotext, whitespace removed). */
async function notice(applicant: BuiltAccount, c: BuiltCase, kind = 'approval') {
  const holder = await signIn(t.app, applicant);
  const res = await holder.request({ method: 'GET', url: `/api/cases/${c.id}/notices/${kind}` });
  assert.equal(res.statusCode, 200, res.body);
  return { pdf: res.rawPayload, text: pdfText(res.rawPayload) };
}

test('the 准予 decision of a FOOD_FORM application quotes 经营场所, 主体业态, 经营项目 as the form prints them, and the licence number once issued', async () => {
  const company = await buildCompany(t.db.db);
  const filed = await fileFormCase(t, { matter: food, applicant: company, values: FOOD_VALUES });
  const approved = await act(filed, ['accept', 'start-review', 'approve']);

  const before = await notice(company, approved);
  assert.ok(before.text.includes('准予行政许可决定书'));
  assert.ok(before.text.includes('准予许可的内容如下：'), before.text);
  for (const line of PARTICULARS)
    assert.ok(before.text.includes(line), `the decision quotes ${line}:\n${before.text}`);
  assert.ok(
    before.text.indexOf(PARTICULARS[0]!) < before.text.indexOf(PARTICULARS[2]!),
    "in the licence's order",
  );
  assert.ok(!before.text.includes('王新任'), 'a fact about the holder (法定代表人) is not what is approved');
  assert.ok(!before.text.includes('日常监督管理机构'), 'nor what the issue fills');
  assert.ok(before.text.includes('证件编号—'), 'no number before the licence is issued');
  assert.ok(!before.text.includes('restaurant'), "a choice's label, never its value");
  const page = renderPage(before.pdf, { dpi: 40 });
  assert.ok(page.width > 0 && /\/Count 1\b/.test(before.pdf.toString('latin1')), 'still one page');

  const concluded = await act(approved, ['conclude']);
  const [licence] = (
    await t.db.pool.query(
      'SELECT number, valid_until::text AS "validUntil" FROM certificates WHERE case_id = $1',
      [concluded.id],
    )
  ).rows as { number: string; validUntil: string }[];
  assert.ok(licence, 'the conclusion issued the 食品经营许可证');
  const after = await notice(company, concluded);
  if (process.env.SAVE_PDF) writeFileSync(process.env.SAVE_PDF, after.pdf);
  assert.ok(after.text.includes(`证件编号${licence.number}`), `the licence number:\n${after.text}`);
  const [y, m, d] = licence.validUntil.split('-').map(Number);
  assert.ok(after.text.includes(`有效期至${y}年${m}月${d}日`), 'and how long it is valid');
  for (const line of PARTICULARS) assert.ok(after.text.includes(line), line);

  const acceptance = await notice(company, concluded, 'acceptance');
  assert.ok(!acceptance.text.includes('经营场所：'), 'the other notices stay as they are');
});

test('a matter without a form, or whose result is no certificate, keeps the decision without particulars', async () => {
  const bare = await buildMatter(t.db.db, {
    departmentId: market,
    document: { serviceObject: 'company', result: { type: 'certificate', name: '食品经营许可证' } },
  });
  const company = await buildCompany(t.db.db);
  const withoutForm = await buildCase(t, {
    matter: bare,
    applicant: company,
    staff,
    actions: ['accept', 'start_review', 'approve'],
  });
  const plain = await notice(company, withoutForm);
  assert.ok(plain.text.includes('决定准予行政许可'));
  assert.ok(plain.text.includes('食品经营许可证'), 'the licence is still named');
  assert.ok(!plain.text.includes('准予许可的内容'), plain.text);
  assert.ok(!plain.text.includes('经营场所：'));

  const noCertificate = await buildMatter(t.db.db, {
    departmentId: market,
    document: {
      serviceObject: 'company',
      form: FOOD_FORM,
      result: { type: 'approval_document', name: '食品经营许可批复' },
    },
  });
  const filed = await fileFormCase(t, { matter: noCertificate, applicant: company, values: FOOD_VALUES });
  const decision = await notice(company, await act(filed, ['accept', 'start-review', 'approve']));
  assert.ok(decision.text.includes('决定准予行政许可'));
  assert.ok(!decision.text.includes('准予许可的内容'), decision.text);
  assert.ok(!decision.text.includes('西安市新城区东大街8号一层'));
});

test("another applicant's case's decision is a 4xx, never its particulars", async () => {
  const company = await buildCompany(t.db.db);
  const filed = await fileFormCase(t, { matter: food, applicant: company, values: FOOD_VALUES });
  const approved = await act(filed, ['accept', 'start-review', 'approve']);
  const other = await signIn(t.app, await buildCompany(t.db.db));
  const res = await other.request({ method: 'GET', url: `/api/cases/${approved.id}/notices/approval` });
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode}`);
  assert.ok(!res.body.includes('东大街8号'));
});
