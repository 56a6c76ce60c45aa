import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { FormPrefill } from '../../common/forms/api.ts';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { signInApplicant } from '../cases/testing.ts';
import { implementations, implementationVersions } from '../catalogue/index.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { DEMO_COMPANY } from '../demo/registries-data.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { pdfText } from '../testing/pdf.ts';
import type { CertificateView } from './types.ts';

/**
 * The demo journey of the issue: the demo company (holding a 营业执照) files the demo 食品经营许可
 * form, most of it prefilled; the department concludes; the 食品经营许可证 prints every field, and
 * the 申请书 prints the form with its sources.
 */

let t: TestApp;
let company: Browser;

before(async () => {
  t = await createTestApp({ demo: true });
  company = await signInApplicant(t.app, 'company', DEMO_COMPANY.record.creditCode);
});
after(async () => {
  await t?.close();
});

test('the demo 食品经营许可证 issued on the demo form prints 经营场所, 主体业态, 经营项目 and 日常监督管理机构: no field left empty', async () => {
  const [city] = await t.db.db
    .select({ id: implementations.id })
    .from(implementations)
    .innerJoin(implementationVersions, eq(implementationVersions.id, implementations.publishedVersionId))
    .where(
      and(
        eq(implementations.regionCode, '610100'),
        sql`${implementationVersions.document}->>'name' = '食品经营许可'`,
      ),
    );
  assert.ok(city, 'the city implements 食品经营许可');
  const prefill = await company.request({
    method: 'GET',
    url: `/api/cases/prefill?implementationId=${city.id}`,
  });
  const form: FormPrefill = prefill.json().form;
  const typed = {
    premises: '陕西省西安市新城区东大街8号一层', // corrected: the shop is not at the 住所
    region: '610102',
    category: '餐饮服务经营者',
    scope: ['热食类食品制售', '自制饮品制售'],
    managers: [{ name: '林海峰', idNumber: DEMO_COMPANY.representative.idNumber, phone: '13809180000' }],
    promise: '本人（本单位）已阅读并作出以上承诺',
  };
  const filed = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: city.id, form: { ...form.values, ...typed }, materials: [] },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  let c = filed.json() as { id: string; version: number; caseNo: string };

  const application = await company.request({ method: 'GET', url: `/api/cases/${c.id}/application.pdf` });
  assert.equal(application.statusCode, 200, application.body);
  if (process.env.SAVE_PDF) writeFileSync(`${process.env.SAVE_PDF}-application.pdf`, application.rawPayload);
  const applicationText = pdfText(application.rawPayload);
  for (const part of [
    '食品经营许可申请书',
    c.caseNo,
    DEMO_COMPANY.record.name,
    '数据来源：',
    '申请人已更正，原值：陕西省西安市新城区长乐中路128号3层',
    '热食类食品制售、自制饮品制售',
    '陕西省西安市新城区',
  ]) {
    assert.ok(applicationText.includes(part), `the 申请书 prints ${part}:\n${applicationText}`);
  }

  const staff = {
    reviewer: await signInAs(t.app, 'reviewer', DEMO_PASSWORD),
    head: await signInAs(t.app, 'head', DEMO_PASSWORD),
  };
  for (const [who, action] of [
    ['reviewer', 'accept'],
    ['reviewer', 'start-review'],
    ['head', 'approve'],
    ['head', 'conclude'],
  ] as const) {
    const res = await staff[who].request({
      method: 'POST',
      url: `/api/cases/${c.id}/${action}`,
      payload: { version: c.version },
    });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    c = res.json();
  }
  const [row] = (await t.db.pool.query('SELECT id FROM certificates WHERE case_id = $1', [c.id])).rows;
  assert.ok(row, 'the conclusion issued the licence');
  const licence = (
    await company.request({ method: 'GET', url: `/api/certificates/${row.id}` })
  ).json() as CertificateView;
  const printed = (label: string) => licence.data[licence.fields.find((f) => f.label === label)!.key];
  assert.equal(printed('经营场所'), '陕西省西安市新城区东大街8号一层');
  assert.equal(printed('住所'), DEMO_COMPANY.record.registeredAddress);
  assert.equal(printed('主体业态'), '餐饮服务经营者');
  assert.equal(printed('经营项目'), '热食类食品制售、自制饮品制售');
  assert.equal(
    printed('日常监督管理机构'),
    '西安市市场监督管理局新城分局',
    'the bureau’s branch of 新城区, where the premises are',
  );
  for (const field of licence.fields) assert.ok(licence.data[field.key], `${field.label} is printed`);

  const pdf = await company.request({ method: 'GET', url: `/api/certificates/${row.id}/pdf` });
  assert.equal(pdf.statusCode, 200);
  if (process.env.SAVE_PDF) writeFileSync(`${process.env.SAVE_PDF}-licence.pdf`, pdf.rawPayload);
  assert.ok(!pdfText(pdf.rawPayload).includes('—'), 'no field printed as "—"');
});
