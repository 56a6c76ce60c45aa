import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { FilledForm, FormPrefill } from '../../common/forms/api.ts';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { DEMO_COMPANY, DEMO_PERSON } from '../demo/registries-data.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_FORM_BOUND, FOOD_FORM_MATERIALS } from './form-testing.ts';
import { caseNumberCounters, cases } from './tables.ts';
import { publishMatter, signInApplicant, uploadFile } from './testing.ts';

/** Filing an application form: checked as the browser checks it, and against what only the server knows. */

let t: TestApp;
let food: string;
let plain: string;
let company: Browser;
let person: Browser;
let reviewer: Browser;
let prefilled: Record<string, unknown>;

const COMPANY = DEMO_COMPANY.record.creditCode;
const TYPED = {
  category: 'restaurant',
  items: ['hot'],
  people: [{ name: '林海峰', idNumber: DEMO_COMPANY.representative.idNumber, certified: false }],
};

before(async () => {
  t = await createTestApp({ demo: true });
  const db = t.db.db;
  const [market] = await db.select().from(organisations).where(eq(organisations.shortName, '市场监管局'));
  food = await publishMatter(db, market!.id, { form: FOOD_FORM_BOUND, materials: FOOD_FORM_MATERIALS });
  plain = await publishMatter(db, market!.id);
  company = await signInApplicant(t.app, 'company', COMPANY);
  person = await signInApplicant(t.app, 'person', DEMO_PERSON.idNumber);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  const res = await company.request({ method: 'GET', url: `/api/cases/prefill?implementationId=${food}` });
  prefilled = (res.json().form as FormPrefill).values;
});
after(() => t?.close());

const submit = (
  form: unknown,
  who = company,
  headers: Record<string, string> = {},
  implementationId = food,
) =>
  who.request({
    method: 'POST',
    url: '/api/cases',
    headers,
    payload: { implementationId, form, materials: [] },
  });

/** How many cases there are, and the case numbers drawn so far. */
async function filedSoFar() {
  const db = t.db.db;
  const [c] = await db.select({ n: count() }).from(cases);
  const counters = await db.select().from(caseNumberCounters);
  return { cases: c!.n, drawn: counters.reduce((sum, r) => sum + r.last, 0) };
}

type Issue = { path: string; code: string; message: string };
const issuesOf = (body: string): Issue[] => JSON.parse(body).error.details.issues;

test('bad values are a 400 listing every issue at its field, in Chinese; nothing is stored and no number drawn', async () => {
  const before = await filedSoFar();
  const res = await submit({
    ...prefilled,
    phone: '12345',
    category: 'bakery',
    items: [],
    people: [{ name: '', idNumber: '610102198506120034' }],
    unknownField: 1,
  });
  assert.equal(res.statusCode, 400, res.body);
  const error = res.json().error;
  assert.equal(error.code, 'form.invalid');
  const issues = issuesOf(res.body);
  assert.deepEqual(issues.map((i) => `${i.path}:${i.code}`).sort(), [
    'category:option',
    'items:required',
    'people.0.idNumber:idNumber',
    'people.0.name:required',
    'phone:phone',
    'unknownField:unknown',
  ]);
  assert.equal(error.field, `form/${issues[0]!.path}`);
  assert.match(error.message, /^申请表有 6 处需要修改/);
  assert.equal(issues.find((i) => i.path === 'items')!.message, '请选择经营项目');
  assert.deepEqual(await filedSoFar(), before);
});

test('a locked field changed is a 400 naming its source; nothing is stored', async () => {
  const before = await filedSoFar();
  const res = await submit({ ...prefilled, ...TYPED, representative: '王五' });
  assert.equal(res.statusCode, 400, res.body);
  const [issue, ...rest] = issuesOf(res.body);
  assert.deepEqual(rest, []);
  assert.equal(issue!.path, 'representative');
  assert.equal(issue!.code, 'locked');
  assert.match(issue!.message, /^法定代表人（负责人）须与营业执照（证照编号 .+）一致，不能修改$/);
  const emptied = await submit({ ...prefilled, ...TYPED, representative: undefined });
  assert.equal(emptied.statusCode, 400, 'a locked field may not be emptied either');
  assert.deepEqual(await filedSoFar(), before);
});

test('a region that does not exist is a 400 at the field', async () => {
  const res = await submit({ ...prefilled, ...TYPED, region: '619999' });
  assert.equal(res.statusCode, 400, res.body);
  assert.deepEqual(
    issuesOf(res.body).map((i) => `${i.path}:${i.code}`),
    ['region:region'],
  );
});

test('another person’s file in a file field is a 400 at the field, and no number is drawn', async () => {
  const theirs = await uploadFile(person, Buffer.from('%PDF-1.4\n% 平面图\n%%EOF\n'), '平面图.pdf');
  const before = await filedSoFar();
  const res = await submit({
    ...prefilled,
    ...TYPED,
    area: 80,
    layout: theirs,
    people: [{ ...TYPED.people[0], certified: true, certificate: 'b'.repeat(64) }],
  });
  assert.equal(res.statusCode, 400, res.body);
  const issues = issuesOf(res.body);
  assert.deepEqual(
    issues.map((i) => `${i.path}:${i.code}`),
    ['people.0.certificate:file', 'layout:file'],
    'in the order of the form',
  );
  assert.match(issues[0]!.message, /^培训合格证明须是提交人本人上传的文件/);
  assert.match(issues[1]!.message, /^经营场所平面图须是提交人本人上传的文件/);
  assert.deepEqual(await filedSoFar(), before);
});

let filed: {
  id: string;
  caseNo: string;
  form: FilledForm;
  materials: { key: string; supplied: boolean; coveredByForm?: boolean }[];
};

test('a correction is kept beside the source’s value, and the counts of the prefill rate are stored', async () => {
  const own = await uploadFile(company, Buffer.from('%PDF-1.4\n% 本企业平面图\n%%EOF\n'), '平面图.pdf');
  const res = await submit({
    ...prefilled,
    ...TYPED,
    premises: '  西安市新城区东大街8号一层 ',
    area: 80,
    layout: own,
  });
  assert.equal(res.statusCode, 201, res.body);
  filed = res.json();
  const form = filed.form;
  assert.equal(form.values.premises, '西安市新城区东大街8号一层', 'kept trimmed');
  assert.deepEqual(form.sources.premises, {
    source: 'legal_entity',
    label: '法人库（住所）',
    value: DEMO_COMPANY.record.registeredAddress,
    corrected: true,
  });
  assert.equal(form.sources.representative!.corrected, false);
  assert.equal(form.sources.category, undefined, 'typed, no source');
  assert.deepEqual(form.definition, FOOD_FORM_BOUND, 'the definition of the version filed under');
  // 8 prefilled, 1 of them corrected; typed: category, items, people, area, layout.
  assert.deepEqual({ filled: form.filled, prefilled: form.prefilled }, { filled: 13, prefilled: 7 });
  const [row] = await t.db.db.select().from(cases).where(eq(cases.id, filed.id));
  assert.deepEqual(
    { filled: row!.formFieldsFilled, prefilled: row!.formFieldsPrefilled },
    { filled: 13, prefilled: 7 },
  );
  assert.deepEqual(Object.keys(row!.form as object).sort(), ['sources', 'values']);
  const sqs = filed.materials.find((m) => m.key === 'sqs')!;
  assert.deepEqual({ supplied: sqs.supplied, covered: sqs.coveredByForm }, { supplied: true, covered: true });
  assert.equal(filed.materials.find((m) => m.key === 'yyzz')!.supplied, false);
});

test('the case page shows the filed form to the applicant and to the reviewer of the department', async () => {
  const own = await company.request({ method: 'GET', url: `/api/cases/${filed.id}` });
  assert.equal(own.statusCode, 200, own.body);
  assert.deepEqual(own.json().form, filed.form);
  const staff = await reviewer.request({ method: 'GET', url: `/api/cases/${filed.id}` });
  assert.equal(staff.statusCode, 200, staff.body);
  assert.equal(staff.json().form.sources.premises.corrected, true);
  const stranger = await person.request({ method: 'GET', url: `/api/cases/${filed.id}` });
  assert.equal(stranger.statusCode, 404);
});

test('the idempotency key covers the form: the same key with another form is a 422, the same form the same case', async () => {
  const headers = { 'idempotency-key': `form-${Date.now()}` };
  const first = await submit({ ...prefilled, ...TYPED }, company, headers);
  assert.equal(first.statusCode, 201, first.body);
  const again = await submit({ ...prefilled, ...TYPED }, company, headers);
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().id, first.json().id);
  const other = await submit({ ...prefilled, ...TYPED, items: ['cold'] }, company, headers);
  assert.equal(other.statusCode, 422, other.body);
});

test('a matter without a form ignores a form sent with the application', async () => {
  const res = await submit({ anything: 'at all' }, company, {}, plain);
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().form, null);
  const [row] = await t.db.db.select().from(cases).where(eq(cases.id, res.json().id));
  assert.equal(row!.form, null);
  assert.equal(row!.formFieldsFilled, null);
});

test('a clerk files the form at the counter for a walk-in company: the sources are those the clerk may use', async () => {
  const clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  const prefill = await clerk.request({
    method: 'GET',
    url: `/api/cases/prefill?implementationId=${food}&applicantKind=company&applicantLogin=${COMPANY}`,
  });
  const values = (prefill.json().form as FormPrefill).values;
  const res = await clerk.request({
    method: 'POST',
    url: '/api/cases',
    payload: {
      implementationId: food,
      applicant: { kind: 'company', login: COMPANY, displayName: DEMO_COMPANY.record.name },
      form: { ...values, ...TYPED },
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const form: FilledForm = res.json().form;
  assert.equal(form.sources.representative!.source, 'legal_entity');
  assert.equal(form.sources.representative!.corrected, false);
});

test('the prefill rate per matter, department and region: Σ prefilled ÷ Σ filled of the forms filed', async () => {
  const db = t.db.db;
  const rows = await db
    .select({ filled: cases.formFieldsFilled, prefilled: cases.formFieldsPrefilled })
    .from(cases)
    .where(eq(cases.implementationId, food));
  const filled = rows.reduce((sum, r) => sum + r.filled!, 0);
  const prefilledSum = rows.reduce((sum, r) => sum + r.prefilled!, 0);
  // The corrected case (13 / 7), the keyed one (11 / 8) and the clerk's (11 / 8).
  assert.deepEqual(
    { cases: rows.length, filled, prefilled: prefilledSum },
    { cases: 3, filled: 35, prefilled: 23 },
  );
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/cases/material-statistics?region=610100&subtree=true',
  });
  assert.equal(res.statusCode, 200, res.body);
  const { prefill } = res.json();
  const matter = prefill.byMatter.find((m: { implementationId: string }) => m.implementationId === food);
  assert.deepEqual(
    { cases: matter.cases, filled: matter.filled, prefilled: matter.prefilled, rate: matter.prefillRate },
    { cases: 3, filled: 35, prefilled: 23, rate: 0.6571 },
  );
  assert.ok(
    !prefill.byMatter.some((m: { implementationId: string }) => m.implementationId === plain),
    'a matter without a form has no prefill rate',
  );
  assert.equal(prefill.byDepartment[0].departmentName, '西安市市场监督管理局');
  assert.equal(prefill.byRegion[0].regionName, '西安市');
  const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
  const earlier = await t.app.inject({
    method: 'GET',
    url: `/api/cases/material-statistics?to=${yesterday}`,
  });
  assert.deepEqual(
    { cases: earlier.json().prefill.cases, rate: earlier.json().prefill.prefillRate },
    { cases: 0, rate: null },
    'nothing filed before the range ends: no rate (0 / 0), not 0 %',
  );
});
