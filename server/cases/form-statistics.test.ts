import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { FilledForm, FormPrefill } from '../../common/forms/api.ts';
import { type Browser, TEST_AUDIT } from '../accounts/testing.ts';
import { implementations, importImplementations } from '../catalogue/index.ts';
import { sampleBasicMatter, sampleDocument } from '../catalogue/testing.ts';
import { DEMO_COMPANY } from '../demo/registries-data.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_FORM_BOUND, FOOD_FORM_MATERIALS } from './form-testing.ts';
import { signInApplicant } from './testing.ts';

/**
 * The prefill rate of GET /api/cases/material-statistics checked against the cases themselves:
 * forms filed for matters of three departments in two regions, the route's figures equal to
 * a plain SQL sum over the cases table and to the sum of what each case page says.
 */

let t: TestApp;
let company: Browser;
let cityMarket: string;
let branch: string;
const matters: Record<'city' | 'branch' | 'health' | 'plain', string> = {
  city: '',
  branch: '',
  health: '',
  plain: '',
};
const filedIds: string[] = [];

const TYPED = {
  category: 'restaurant',
  items: ['hot'],
  people: [{ name: '林海峰', idNumber: DEMO_COMPANY.representative.idNumber, certified: false }],
};

let serial = 0;
async function publish(
  departmentId: string,
  regionCode: string,
  overrides: Partial<ImplementationDocument>,
): Promise<string> {
  serial += 1;
  const code = `11${regionCode}MB10000${String(serial).padStart(5, '0')}`;
  await importImplementations({
    db: t.db.db,
    audit: TEST_AUDIT,
    publish: true,
    items: [
      {
        basicMatter: sampleBasicMatter({ code: `0001013${String(serial).padStart(5, '0')}` }),
        code,
        organisationId: departmentId,
        regionCode,
        document: sampleDocument(overrides),
      },
    ],
  });
  const [row] = await t.db.db
    .select({ id: implementations.id })
    .from(implementations)
    .where(eq(implementations.code, code));
  return row!.id;
}

const byName = async (name: string) => {
  const [row] = await t.db.db.select().from(organisations).where(eq(organisations.name, name));
  assert.ok(row, name);
  return row.id;
};

async function file(implementationId: string, change: Record<string, unknown> = {}) {
  const prefill = await company.request({
    method: 'GET',
    url: `/api/cases/prefill?implementationId=${implementationId}`,
  });
  assert.equal(prefill.statusCode, 200, prefill.body);
  const values = (prefill.json().form as FormPrefill).values;
  const res = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId, form: { ...values, ...TYPED, ...change }, materials: [] },
  });
  assert.equal(res.statusCode, 201, res.body);
  filedIds.push(res.json().id);
}

before(async () => {
  t = await createTestApp({ demo: true });
  cityMarket = await byName('西安市市场监督管理局');
  branch = await byName('西安市市场监督管理局新城分局');
  const health = await byName('西安市卫生健康委员会');
  const form = { form: FOOD_FORM_BOUND, materials: FOOD_FORM_MATERIALS };
  matters.city = await publish(cityMarket, '610100', { ...form, name: '食品经营许可（市级）' });
  matters.branch = await publish(branch, '610102', { ...form, name: '食品经营许可（新城区）' });
  matters.health = await publish(health, '610100', { ...form, name: '公共场所卫生许可' });
  matters.plain = await publish(cityMarket, '610100', { name: '食品经营许可证注销' });
  company = await signInApplicant(t.app, 'company', DEMO_COMPANY.record.creditCode);
  // Every prefilled value kept, the premises corrected, a few more fields typed.
  await file(matters.city);
  await file(matters.city, { premises: '西安市新城区东大街8号一层' });
  await file(matters.branch, { premises: '西安市新城区东大街8号二层', openedOn: '2027-03-01' });
  await file(matters.branch);
  await file(matters.health, { remark: '社区便利店' });
  const res = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matters.plain, materials: [] },
  });
  assert.equal(res.statusCode, 201, res.body);
});
after(() => t?.close());

type Figures = { cases: number; filled: number; prefilled: number; prefillRate: number | null };
type Prefill = Figures & {
  byMatter: (Figures & { implementationId: string; matterName: string })[];
  byDepartment: (Figures & { departmentId: string; departmentName: string })[];
  byRegion: (Figures & { regionCode: string; regionName: string })[];
};

async function prefillOf(query: string): Promise<Prefill> {
  const res = await t.app.inject({ method: 'GET', url: `/api/cases/material-statistics?${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().prefill;
}

/** Σ over the cases table itself, grouped by a column (or not at all), of the filed cases with a form. */
async function raw(column: 'implementation_id' | 'department_id' | 'region_code' | null, where = sql`true`) {
  const key = column ? sql.raw(column) : sql`'all'`;
  const { rows } = await t.db.db.execute<{ key: string } & Figures>(sql`
    SELECT ${key} AS key, count(*)::int AS cases,
      sum(form_fields_filled)::int AS filled, sum(form_fields_prefilled)::int AS prefilled,
      round(sum(form_fields_prefilled)::numeric / nullif(sum(form_fields_filled), 0), 4)::float8 AS "prefillRate"
    FROM cases
    WHERE status <> 'draft' AND form_fields_filled IS NOT NULL AND ${where}
    GROUP BY 1 ORDER BY 1`);
  return rows;
}

const figuresOf = <T extends Figures>(rows: T[], key: (r: T) => string) =>
  rows
    .map((r) => ({
      key: key(r),
      cases: r.cases,
      filled: r.filled,
      prefilled: r.prefilled,
      prefillRate: r.prefillRate,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));

test('the prefill rate in all and per matter, department and region equals a sum over the cases table', async () => {
  const prefill = await prefillOf('');
  const [total] = await raw(null);
  assert.deepEqual(
    {
      cases: prefill.cases,
      filled: prefill.filled,
      prefilled: prefill.prefilled,
      prefillRate: prefill.prefillRate,
    },
    {
      cases: total!.cases,
      filled: total!.filled,
      prefilled: total!.prefilled,
      prefillRate: total!.prefillRate,
    },
  );
  assert.deepEqual(
    figuresOf(prefill.byMatter, (r) => r.implementationId),
    await raw('implementation_id'),
  );
  assert.deepEqual(
    figuresOf(prefill.byDepartment, (r) => r.departmentId),
    await raw('department_id'),
  );
  assert.deepEqual(
    figuresOf(prefill.byRegion, (r) => r.regionCode),
    await raw('region_code'),
  );
  assert.ok(
    !prefill.byMatter.some((m) => m.implementationId === matters.plain),
    'a matter without a form has no prefill rate',
  );
  const rates = prefill.byMatter.map((m) => m.prefillRate);
  assert.deepEqual(
    rates,
    [...rates].sort((a, b) => (b ?? -1) - (a ?? -1)),
    'matters listed from the highest rate',
  );
});

test('the figures are those of the filed forms as their case pages give them', async () => {
  const forms: FilledForm[] = [];
  for (const id of filedIds) {
    const res = await company.request({ method: 'GET', url: `/api/cases/${id}` });
    assert.equal(res.statusCode, 200, res.body);
    forms.push(res.json().form);
  }
  const sum = (which: 'filled' | 'prefilled', from: FilledForm[]) => from.reduce((n, f) => n + f[which], 0);
  const city = forms.slice(0, 2);
  const inBranch = forms.slice(2, 4);
  assert.ok(sum('prefilled', forms) < sum('filled', forms), 'typed fields are filled, not prefilled');
  assert.ok(forms[1]!.prefilled < forms[0]!.prefilled, 'a corrected field is no longer prefilled');

  const prefill = await prefillOf('region=610100&subtree=true');
  const matter = (id: string) => prefill.byMatter.find((m) => m.implementationId === id)!;
  const rate = (from: FilledForm[]) =>
    Math.round((sum('prefilled', from) / sum('filled', from)) * 10_000) / 10_000;
  assert.deepEqual(
    {
      cases: matter(matters.city).cases,
      filled: matter(matters.city).filled,
      prefilled: matter(matters.city).prefilled,
      rate: matter(matters.city).prefillRate,
    },
    { cases: 2, filled: sum('filled', city), prefilled: sum('prefilled', city), rate: rate(city) },
  );
  const district = prefill.byRegion.find((r) => r.regionCode === '610102')!;
  assert.deepEqual(
    { name: district.regionName, cases: district.cases, rate: district.prefillRate },
    { name: '新城区', cases: 2, rate: rate(inBranch) },
  );
  const department = prefill.byDepartment.find((d) => d.departmentId === branch)!;
  assert.equal(department.departmentName, '西安市市场监督管理局新城分局');
  assert.equal(department.prefilled, sum('prefilled', inBranch));
  assert.equal(matter(matters.health).matterName, '公共场所卫生许可');
});

test('a region, a department and a range of days select the cases the sum is taken over', async () => {
  const own = sql`region_code = '610102'`;
  const [district] = await raw(null, own);
  const onlyDistrict = await prefillOf('region=610102');
  assert.deepEqual(
    { cases: onlyDistrict.cases, filled: onlyDistrict.filled, prefilled: onlyDistrict.prefilled },
    { cases: district!.cases, filled: district!.filled, prefilled: district!.prefilled },
  );
  assert.deepEqual(
    onlyDistrict.byRegion.map((r) => r.regionCode),
    ['610102'],
  );
  const cityOnly = await prefillOf('region=610100');
  assert.ok(
    !cityOnly.byRegion.some((r) => r.regionCode === '610102'),
    'without subtree, the cases of 新城区 are left out',
  );
  const [cityRaw] = await raw(null, sql`region_code = '610100'`);
  assert.equal(cityOnly.filled, cityRaw!.filled);

  const ofBranch = await prefillOf(`departmentId=${branch}`);
  const [branchRaw] = await raw(null, sql`department_id = ${branch}`);
  assert.deepEqual(
    { cases: ofBranch.cases, prefillRate: ofBranch.prefillRate },
    { cases: branchRaw!.cases, prefillRate: branchRaw!.prefillRate },
  );
  assert.equal(ofBranch.cases, 2);

  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const later = await prefillOf(`from=${tomorrow}`);
  assert.deepEqual(
    { cases: later.cases, filled: later.filled, rate: later.prefillRate, matters: later.byMatter.length },
    { cases: 0, filled: 0, rate: null, matters: 0 },
    'nothing filed after today: no rate (0 / 0), not 0 %',
  );
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [todayRaw] = await raw(
    null,
    sql`submitted_at >= (${today}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`,
  );
  assert.equal((await prefillOf(`from=${today}&to=${today}`)).filled, todayRaw!.filled);
});
