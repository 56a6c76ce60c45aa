import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { KeptSource } from '../../common/forms/api.ts';
import { FOOD_FORM, FOOD_VALUES } from '../../common/forms/testing.ts';
import type { Browser } from '../accounts/testing.ts';
import { noticeContent } from '../notices/index.ts';
import { notifications } from '../notifications/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltAccount,
  type BuiltMatter,
  buildApplicant,
  buildCase,
  buildMatter,
  buildStaff,
  signIn,
} from '../testing/factories.ts';
import { noticeView } from './notices.ts';
import { cases } from './tables.ts';
import { PDF, uploadFile } from './testing.ts';

/* 补正 at the form: the notice points at fields of the case's form; the applicant corrects them. */

let t: TestApp;
let matter: BuiltMatter;
let reviewer: Browser;

before(async () => {
  t = await createTestApp();
  matter = await buildMatter(t.db.db, { document: { serviceObject: 'company', form: FOOD_FORM } });
  reviewer = await signIn(
    t.app,
    await buildStaff(t.db.db, {
      organisationId: matter.departmentId,
      roles: [{ role: 'department_reviewer', organisationId: matter.departmentId }],
    }),
  );
});
after(async () => {
  await t?.close();
});

type Case = {
  id: string;
  version: number;
  status: string;
  form: { values: Record<string, unknown>; sources: Record<string, KeptSource> } | null;
  timeline: { action: string; details: Record<string, unknown> }[];
};

/** Where the prefill said the values came from (set on the filed case, as the submission keeps them). */
const SOURCES: Record<string, KeptSource> = {
  entityName: { source: 'legal_entity', label: '法人库', value: FOOD_VALUES.entityName, corrected: false },
  representative: {
    source: 'certificate',
    label: '营业执照',
    value: FOOD_VALUES.representative,
    corrected: false,
  },
  premises: { source: 'legal_entity', label: '法人库', value: FOOD_VALUES.premises, corrected: false },
};

/** A company files the food licence form online; the case keeps the sources above. */
async function fileWithForm(): Promise<{ c: Case; applicant: Browser; account: BuiltAccount }> {
  const account = await buildApplicant(t.db.db, { kind: 'company' });
  const applicant = await signIn(t.app, account);
  const res = await applicant.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter.id, form: FOOD_VALUES, materials: [] },
  });
  assert.equal(res.statusCode, 201, res.body);
  const filed = res.json() as Case;
  const [row] = await t.db.db.select({ form: cases.form }).from(cases).where(eq(cases.id, filed.id));
  const values = (row!.form as { values: Record<string, unknown> }).values;
  await t.db.db
    .update(cases)
    .set({ form: { values, sources: SOURCES }, formFieldsPrefilled: 3 })
    .where(eq(cases.id, filed.id));
  const fresh = await applicant.request({ method: 'GET', url: `/api/cases/${filed.id}` });
  return { c: fresh.json() as Case, applicant, account };
}

const act = (by: Browser, c: Case, action: string, body: object = {}) =>
  by.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });

async function ok(by: Browser, c: Case, action: string, body: object = {}): Promise<Case> {
  const res = await act(by, c, action, body);
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json() as Case;
}

async function refused(by: Browser, c: Case, action: string, body: object, field: string) {
  const res = await act(by, c, action, body);
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.field, field, res.body);
  return res.json().error as {
    code: string;
    message: string;
    details?: { issues: { path: string; code: string }[] };
  };
}

test('a supplement notice may point at fields of the case’s form: each one checked, listed in the notice and the message', async () => {
  const { c, account } = await fileWithForm();
  const unknown = await refused(
    reviewer,
    c,
    'request-supplement',
    {
      problems: [
        { fieldKey: 'premises', problem: '经营场所须写明门牌号' },
        { materialKey: 'sqs', problem: '申请书未签字' },
        { fieldKey: 'seats', problem: '座位数' },
      ],
    },
    'problems/2/fieldKey',
  );
  assert.match(unknown.message, /不是本办件申请表中的栏目/);
  const both = await refused(
    reviewer,
    c,
    'request-supplement',
    { problems: [{ fieldKey: 'premises', materialKey: 'sqs', problem: '两者' }] },
    'problems/0/fieldKey',
  );
  assert.match(both.message, /一项问题只能指向一份材料或申请表的一个栏目/);
  await refused(
    reviewer,
    c,
    'request-supplement',
    { problems: [{ fieldKey: 'name', problem: '一个表格的列不是申请表的栏目' }] },
    'problems/0/fieldKey',
  );

  const problems = [
    { fieldKey: 'premises', problem: '经营场所须写明门牌号' },
    { materialKey: 'sqs', problem: '申请书未签字' },
  ];
  const asked = await ok(reviewer, c, 'request-supplement', { problems });
  assert.equal(asked.status, 'needs_supplement');
  assert.deepEqual(asked.timeline.at(-1)!.details.problems, problems);

  const [row] = await t.db.db.select().from(cases).where(eq(cases.id, c.id));
  const notice = noticeContent(
    'supplement',
    await noticeView({ db: t.db.db, row: row!, kind: 'supplement' }),
  );
  const rows = notice.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.join(' ')) : []));
  assert.deepEqual(rows, ['1 申请表（经营场所） 经营场所须写明门牌号', '2 食品经营许可申请书 申请书未签字']);
  const [message] = await t.db.db
    .select({ body: notifications.body })
    .from(notifications)
    .where(and(eq(notifications.accountId, account.id), eq(notifications.title, '请补正材料')));
  assert.match(
    message!.body,
    /1\.申请表（经营场所）：经营场所须写明门牌号；2\.食品经营许可申请书：申请书未签字/,
  );
});

test('a case filed without a form takes no problem about a field', async () => {
  const formless = await buildMatter(t.db.db, { departmentId: matter.departmentId });
  const plain = (await buildCase(t, { matter: formless, staff: reviewer })) as unknown as Case;
  const error = await refused(
    reviewer,
    plain,
    'request-supplement',
    { problems: [{ fieldKey: 'premises', problem: '经营场所' }] },
    'problems/0/fieldKey',
  );
  assert.match(error.message, /本办件没有在线填写的申请表/);
});

test('the applicant corrects the fields named: the form checked again, the sources kept, the counts follow', async () => {
  const { c: filed, applicant } = await fileWithForm();
  const c = await ok(reviewer, filed, 'request-supplement', {
    problems: [
      { fieldKey: 'premises', problem: '经营场所须写明门牌号' },
      { fieldKey: 'category', problem: '本单位为学校食堂，主体业态有误' },
    ],
  });

  const other = await refused(applicant, c, 'resubmit', { form: { phone: '13900000000' } }, 'form/phone');
  assert.equal(other.code, 'form.invalid');
  assert.equal(other.details!.issues[0]!.code, 'not_named');
  assert.match(other.message, /联系电话不在补正告知所列的栏目中，不能修改/);
  const emptied = await refused(applicant, c, 'resubmit', { form: { premises: null } }, 'form/premises');
  assert.match(emptied.message, /请填写经营场所/);
  // A 单位食堂 must name its unit: the field it brings into view must be filled too.
  const shown = await refused(applicant, c, 'resubmit', { form: { category: 'canteen' } }, 'form/canteenOf');
  assert.deepEqual(
    shown.details!.issues.map((i) => [i.path, i.code]),
    [['canteenOf', 'required']],
  );
  const unchanged = await applicant.request({ method: 'GET', url: `/api/cases/${c.id}` });
  assert.equal(unchanged.json().status, 'needs_supplement', 'a refused resubmission changes nothing');
  assert.equal(unchanged.json().form.values.category, 'restaurant');

  const fixed = await ok(applicant, c, 'resubmit', {
    form: { premises: ' 西安市新城区东大街8号一层101室 ', category: 'canteen', canteenOf: '西安市第一中学' },
  });
  assert.equal(fixed.status, 'submitted');
  assert.equal(fixed.form!.values.premises, '西安市新城区东大街8号一层101室', 'cleaned as at filing');
  assert.equal(fixed.form!.values.category, 'canteen');
  assert.equal(fixed.form!.values.canteenOf, '西安市第一中学');
  assert.equal(fixed.form!.values.phone, FOOD_VALUES.phone, 'the fields not named stay');
  assert.deepEqual(
    fixed.form!.sources.premises,
    { ...SOURCES.premises, corrected: true },
    'the source stays beside',
  );
  assert.deepEqual(fixed.form!.sources.entityName, SOURCES.entityName);
  assert.deepEqual([...(fixed.timeline.at(-1)!.details.fields as string[])].sort(), [
    'canteenOf',
    'category',
    'premises',
  ]);
  const [row] = await t.db.db
    .select({ filled: cases.formFieldsFilled, prefilled: cases.formFieldsPrefilled })
    .from(cases)
    .where(eq(cases.id, c.id));
  assert.deepEqual(row, { filled: Object.keys(fixed.form!.values).length, prefilled: 2 });
  assert.equal(row!.filled, Object.keys(filed.form!.values).length + 1, 'one field more: 食堂所属单位');
});

test('a correction never changes a locked field, takes no one else’s file and no region that does not exist', async () => {
  const { c: filed, applicant } = await fileWithForm();
  const c = await ok(reviewer, filed, 'request-supplement', {
    problems: [
      { fieldKey: 'representative', problem: '法定代表人有误' },
      { fieldKey: 'people', problem: '请上传培训合格证明' },
      { fieldKey: 'region', problem: '所在区县有误' },
    ],
  });
  const locked = await refused(
    applicant,
    c,
    'resubmit',
    { form: { representative: '李某' } },
    'form/representative',
  );
  assert.equal(locked.details!.issues[0]!.code, 'locked');
  assert.match(locked.message, /法定代表人（负责人）须与营业执照一致，不能修改/);
  const region = await refused(applicant, c, 'resubmit', { form: { region: '659999' } }, 'form/region');
  assert.equal(region.details!.issues[0]!.code, 'region');

  const stranger = await signIn(t.app, await buildApplicant(t.db.db, { kind: 'person' }));
  const theirs = await uploadFile(stranger, PDF('someone else’s certificate'));
  const people = (sha: string) => [{ ...FOOD_VALUES.people[0], certified: true, certificate: sha }];
  const foreign = await refused(
    applicant,
    c,
    'resubmit',
    { form: { people: people(theirs) } },
    'form/people.0.certificate',
  );
  assert.match(foreign.message, /须是提交人本人上传的文件/);
  const mine = await uploadFile(applicant, PDF('my training certificate'));
  const fixed = await ok(applicant, c, 'resubmit', { form: { people: people(mine), region: '610103' } });
  assert.equal((fixed.form!.values.people as { certificate: string }[])[0]!.certificate, mine);
  assert.equal(fixed.form!.values.region, '610103');
});

test('a notice with a problem about nothing in particular lets the applicant correct any field', async () => {
  const { c: filed, applicant } = await fileWithForm();
  const c = await ok(reviewer, filed, 'request-supplement', {
    problems: [{ problem: '申请表联系方式无法接通，请核对' }],
  });
  const unknown = await refused(applicant, c, 'resubmit', { form: { seats: 20 } }, 'form/seats');
  assert.equal(unknown.code, 'form.invalid', 'a key the form does not have');
  const fixed = await ok(applicant, c, 'resubmit', { form: { phone: '139 0000 0000' } });
  assert.equal(fixed.form!.values.phone, '13900000000');
  assert.deepEqual(fixed.timeline.at(-1)!.details.fields, ['phone']);
});
