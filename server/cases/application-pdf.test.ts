import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { KeptSource } from '../../common/forms/api.ts';
import { FOOD_FORM, FOOD_VALUES, VALID_ID } from '../../common/forms/testing.ts';
import type { Browser } from '../accounts/testing.ts';
import { progressUrl } from '../notices/index.ts';
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
  signIn,
} from '../testing/factories.ts';
import { pdfShowsQrCode, pdfText } from '../testing/pdf.ts';
import { buildFormMatter, fileFormCase } from './application-testing.ts';

/** GET /api/cases/:id/application.pdf: the filled application form as the 申请书, for those who see the case. */

let t: TestApp;
let matter: BuiltMatter;
let company: BuiltAccount;
let filed: BuiltCase;
let reviewer: Browser;

const SOURCES: Record<string, KeptSource> = {
  entityName: { source: 'legal_entity', label: '法人库', value: FOOD_VALUES.entityName, corrected: false },
  premises: {
    source: 'certificate',
    label: '营业执照（证照编号 YYZZ6101002026000007）',
    value: '西安市新城区东大街8号',
    corrected: true,
  },
};

const pdfOf = (by: Browser, id = filed.id) =>
  by.request({ method: 'GET', url: `/api/cases/${id}/application.pdf` });

before(async () => {
  t = await createTestApp();
  const department = await buildOrganisation(t.db.db, { name: '西安市测试市场监督管理局' });
  matter = await buildFormMatter(t.db.db, {
    departmentId: department.id,
    form: { ...FOOD_FORM, covers: ['sqs'] },
    name: '食品经营许可',
  });
  company = await buildCompany(t.db.db, { displayName: '西安市新城区味道餐饮有限公司' });
  const values = {
    ...FOOD_VALUES,
    term: { from: '2026-01-01', to: '2028-12-31' },
    people: [
      { name: '李四', idNumber: VALID_ID, certified: false },
      { name: '王五', idNumber: VALID_ID, certified: false },
    ],
  };
  filed = await fileFormCase(t, { matter, applicant: company, values, sources: SOURCES });
  const member = await buildStaff(t.db.db, {
    organisationId: department.id,
    roles: [{ role: 'department_reviewer', organisationId: department.id }],
  });
  reviewer = await signIn(t.app, member);
});
after(async () => {
  await t?.close();
});

test('the applicant downloads the 申请书: the matter, the case number, every field filled in with its label, the sources, the QR code', async () => {
  const res = await pdfOf(await signIn(t.app, company));
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.match(String(res.headers['content-disposition']), /^inline; filename\*=UTF-8''/);
  assert.equal(res.headers['cache-control'], 'private, no-store');
  if (process.env.SAVE_PDF) writeFileSync(process.env.SAVE_PDF, res.rawPayload);
  const text = pdfText(res.rawPayload);
  const expected = [
    '食品经营许可申请书',
    filed.caseNo,
    '西安市测试市场监督管理局',
    '一、申请人信息',
    '经营者名称',
    '西安市新城区味道餐饮有限公司',
    '数据来源：法人库',
    '统一社会信用代码',
    FOOD_VALUES.creditCode,
    '注册资本（元）',
    '50.50元',
    '二、经营信息',
    '经营场所',
    '西安市新城区东大街8号一层',
    // The corrected field: the source and what it gave.
    '申请人已更正，原值：西安市新城区东大街8号',
    '所在区县',
    '陕西省西安市新城区',
    '主体业态',
    '餐饮服务经营者',
    '经营项目',
    '热食类食品制售、冷食类食品制售',
    '是否网络经营',
    '租赁期限',
    '2026-01-01至2028-12-31',
    '三、从业人员',
    '食品安全管理人员',
    '序号',
    '姓名',
    '身份证号码',
    '李四',
    '王五',
    '申请人（签字或盖章）',
  ];
  for (const part of expected) assert.ok(text.includes(part), `the 申请书 prints ${part}:\n${text}`);
  assert.ok(!text.includes('食堂所属单位'), 'a field its condition hides is not printed');
  assert.ok(!text.includes('碑林区'), 'the region by its own name, no other');
  assert.ok(!text.includes('restaurant'), 'choices print their labels, not their values');
  const page = await (await signIn(t.app, company)).request({ method: 'GET', url: `/api/cases/${filed.id}` });
  const { queryCode } = page.json() as { queryCode: string };
  assert.ok(
    pdfShowsQrCode(res.rawPayload, progressUrl('http://localhost:80', filed.caseNo, queryCode)),
    "the QR code opens the case's progress page",
  );
});

test("staff who may see the case download it; another company, another department's staff and no one signed in do not", async () => {
  const ok = await pdfOf(reviewer);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.ok(pdfText(ok.rawPayload).includes(filed.caseNo));

  const stranger = await signIn(t.app, await buildCompany(t.db.db));
  const refused = await pdfOf(stranger);
  assert.equal(refused.statusCode, 404, refused.body);
  assert.ok(!refused.body.includes(filed.caseNo), 'nothing of the case is said');

  const elsewhere = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'department_reviewer' }), // a department of its own
  );
  assert.equal((await pdfOf(elsewhere)).statusCode, 404);

  const anonymous = await t.app.inject({ method: 'GET', url: `/api/cases/${filed.id}/application.pdf` });
  assert.equal(anonymous.statusCode, 401);
  const unknown = await pdfOf(reviewer, '00000000-0000-4000-8000-000000000000');
  assert.equal(unknown.statusCode, 404);
  const malformed = await pdfOf(reviewer, 'not-an-id');
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.json().error.field, 'id');
});

test('a case of a matter without a form has no 申请书: a 404 saying so', async () => {
  const plain = await buildCase(t, { matter: await buildMatter(t.db.db), applicant: company });
  const res = await pdfOf(await signIn(t.app, company), plain.id);
  assert.equal(res.statusCode, 404);
  assert.match(res.json().error.message, /申请书/);
});

test('the case page marks the material the form stands for as supplied by it', async () => {
  const page = await (await signIn(t.app, company)).request({ method: 'GET', url: `/api/cases/${filed.id}` });
  const material = (
    page.json().materials as { key: string; coveredByForm?: boolean; supplied: boolean }[]
  ).find((m) => m.key === 'sqs');
  assert.deepEqual(
    { covered: material?.coveredByForm, supplied: material?.supplied },
    { covered: true, supplied: true },
  );
});
