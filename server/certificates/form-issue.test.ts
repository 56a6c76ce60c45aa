import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { FOOD_FORM, FOOD_VALUES } from '../../common/forms/testing.ts';
import type { Browser } from '../accounts/testing.ts';
import { buildFormMatter, fileFormCase } from '../cases/application-testing.ts';
import { DEMO_CERTIFICATE_TYPES } from '../demo/certificates.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltAccount,
  type BuiltMatter,
  buildCertificate,
  buildCompany,
  buildOrganisation,
  buildStaff,
  FACTORY_AUDIT,
  signIn,
} from '../testing/factories.ts';
import { pdfText } from '../testing/pdf.ts';
import { importCertificateTypes } from './index.ts';
import type { CertificateView } from './types.ts';

/**
 * The 食品经营许可证 issued on an application form: what the applicant filled in (by the field's
 * key, binding or label, printed as the form's texts), what the holder's other certificates say, and
 * the supervising office (日常监督管理机构) of the department for the region the form names.
 */

let t: TestApp;
let staff: Browser;
let matter: BuiltMatter;
const MARKET = '西安市测试市场监督管理局';
const BRANCH = '西安市测试市场监督管理局新城分局';

before(async () => {
  t = await createTestApp();
  const db = t.db.db;
  const market = await buildOrganisation(db, { name: MARKET });
  await buildOrganisation(db, { name: BRANCH, regionCode: '610102', parentId: market.id });
  // More local, but a service centre supervises no one; and a department that no longer works.
  await buildOrganisation(db, {
    name: '西一路街道便民服务中心',
    kind: 'street_centre',
    regionCode: '610102001',
    parentId: market.id,
  });
  const closed = await buildOrganisation(db, {
    name: '已撤销的碑林分局',
    regionCode: '610103',
    parentId: market.id,
  });
  await t.db.pool.query('UPDATE organisations SET active = false WHERE id = $1', [closed.id]);
  const { department: _, ...spjy } = DEMO_CERTIFICATE_TYPES.find((c) => c.code === 'spjy')!;
  await db.transaction((tx) =>
    importCertificateTypes({ tx, audit: FACTORY_AUDIT, types: [{ ...spjy, organisationId: market.id }] }),
  );
  matter = await buildFormMatter(db, { departmentId: market.id, form: FOOD_FORM });
  const member = await buildStaff(db, {
    organisationId: market.id,
    roles: [
      { role: 'department_reviewer', organisationId: market.id },
      { role: 'department_head', organisationId: market.id },
    ],
  });
  staff = await signIn(t.app, member);
});
after(async () => {
  await t?.close();
});

type Case = { id: string; version: number; status: string };

/** Files the form for the company, takes the case to 办结 and gives the certificate issued. */
async function licenceFor(
  company: BuiltAccount,
  values: Record<string, unknown>,
  onMatter = matter,
): Promise<CertificateView> {
  let c: Case = await fileFormCase(t, { matter: onMatter, applicant: company, values });
  for (const action of ['accept', 'start-review', 'approve', 'conclude']) {
    const res = await staff.request({
      method: 'POST',
      url: `/api/cases/${c.id}/${action}`,
      payload: { version: c.version },
    });
    assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    c = res.json() as Case;
  }
  const [row] = (await t.db.pool.query('SELECT id FROM certificates WHERE case_id = $1', [c.id])).rows;
  assert.ok(row, 'the conclusion issued a certificate');
  const holder = await signIn(t.app, company);
  const view = await holder.request({ method: 'GET', url: `/api/certificates/${row.id}` });
  assert.equal(view.statusCode, 200, view.body);
  return view.json() as CertificateView;
}

const printed = (c: CertificateView, label: string) => c.data[c.fields.find((f) => f.label === label)!.key];

test('the 食品经营许可证 of a FOOD_FORM application prints every field: the form, the business licence, the supervising office', async () => {
  const company = await buildCompany(t.db.db);
  // The company holds a business licence (its 住所 and 法定代表人 on it; the form takes the latter).
  await buildCertificate(t.db.db, { holder: company, data: { legalRepresentative: '王新任' } });
  const licence = await licenceFor(company, FOOD_VALUES);

  assert.equal(licence.typeName, '食品经营许可证');
  assert.equal(printed(licence, '经营场所'), '西安市新城区东大街8号一层', 'by key');
  assert.equal(printed(licence, '主体业态'), '餐饮服务经营者', "a choice's label, not its value");
  assert.equal(printed(licence, '经营项目'), '热食类食品制售、冷食类食品制售', 'by label, the labels joined');
  assert.equal(
    printed(licence, '法定代表人（负责人）'),
    '王新任',
    'the form comes before the business licence',
  );
  assert.equal(printed(licence, '住所'), '陕西省西安市新城区长乐中路128号3层', 'from the business licence');
  assert.equal(printed(licence, '日常监督管理机构'), BRANCH, 'the branch of the district the form names');
  assert.equal(printed(licence, '名称'), company.displayName);
  assert.equal(printed(licence, '发证机关'), MARKET);
  for (const field of licence.fields) {
    assert.ok(licence.data[field.key], `${field.label} is printed`);
  }

  const holder = await signIn(t.app, company);
  const pdf = await holder.request({ method: 'GET', url: `/api/certificates/${licence.id}/pdf` });
  assert.equal(pdf.statusCode, 200);
  const text = pdfText(pdf.rawPayload);
  for (const value of [
    '西安市新城区东大街8号一层',
    '餐饮服务经营者',
    '热食类食品制售、冷食类食品制售',
    BRANCH,
  ]) {
    assert.ok(text.includes(value.replace(/\s+/g, '')), `the PDF prints ${value}`);
  }
  assert.ok(!text.includes('—'), 'no field printed as "—"');
  if (process.env.SAVE_PDF) writeFileSync(process.env.SAVE_PDF, pdf.rawPayload);
});

test('the supervising office: the most local active department covering the region; none: the issuer itself', async () => {
  const company = await buildCompany(t.db.db);
  const inStreet = await licenceFor(company, { ...FOOD_VALUES, region: '610102001' });
  assert.equal(
    printed(inStreet, '日常监督管理机构'),
    BRANCH,
    'a street of 新城区: the branch, not the street centre below the bureau',
  );
  const elsewhere = await licenceFor(company, { ...FOOD_VALUES, region: '610103' });
  assert.equal(
    printed(elsewhere, '日常监督管理机构'),
    MARKET,
    'the 碑林 branch no longer works and the street centre is no department: the issuer',
  );
});

test("the form before the business licence: a field of the certificate field's key, or bound to it; the region field bound to regionCode places the holder", async () => {
  const form: FormDefinition = {
    sections: [
      {
        key: 'main',
        title: '申请信息',
        fields: [
          { key: 'seat', type: 'address', label: '企业住所地', binding: 'registeredAddress' },
          { key: 'place', type: 'address', label: '门店地址', binding: 'premises', required: true },
          { key: 'where', type: 'region', label: '门店所在区', binding: 'regionCode' },
          { key: 'other', type: 'region', label: '仓库所在区' },
          { key: 'legalRepresentative', type: 'text', label: '本店负责人' },
        ],
      },
    ],
  };
  const bound = await buildFormMatter(t.db.db, {
    departmentId: matter.departmentId,
    form,
    name: '食品经营许可（绑定）',
  });
  const company = await buildCompany(t.db.db);
  await buildCertificate(t.db.db, { holder: company });
  const licence = await licenceFor(
    company,
    {
      seat: '西安市新城区解放路1号',
      place: '西安市新城区西一路218号',
      other: '610103',
      where: '610102',
      legalRepresentative: '赵店长',
    },
    bound,
  );
  assert.equal(printed(licence, '经营场所'), '西安市新城区西一路218号', 'bound to premises');
  assert.equal(
    printed(licence, '住所'),
    '陕西省西安市新城区长乐中路128号3层',
    'registeredAddress is no key of it',
  );
  assert.equal(printed(licence, '日常监督管理机构'), BRANCH, 'the region field bound to regionCode');
  assert.equal(printed(licence, '法定代表人（负责人）'), '赵店长', 'by key, before the business licence');
  assert.equal(printed(licence, '主体业态'), undefined, 'what nobody knows stays empty');
});
