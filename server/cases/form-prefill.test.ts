import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { FormPrefill } from '../../common/forms/api.ts';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { implementations, implementationVersions } from '../catalogue/index.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { DEMO_COMPANY, DEMO_PERSON } from '../demo/registries-data.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_FORM_BOUND, FOOD_FORM_MATERIALS } from './form-testing.ts';
import { amountInYuan } from './form-values.ts';
import { publishMatter, signInApplicant } from './testing.ts';

/** 智能预填 of the application form: the demo company holding a 营业执照, a person, a clerk. */

let t: TestApp;
let food: string;
let company: Browser;
let clerk: Browser;

const COMPANY = DEMO_COMPANY.record.creditCode;

before(async () => {
  t = await createTestApp({ demo: true });
  const db = t.db.db;
  const [market] = await db.select().from(organisations).where(eq(organisations.shortName, '市场监管局'));
  food = await publishMatter(db, market!.id, { form: FOOD_FORM_BOUND, materials: FOOD_FORM_MATERIALS });
  company = await signInApplicant(t.app, 'company', COMPANY);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
});
after(() => t?.close());

type Prefill = {
  form: FormPrefill | null;
  items: { key: string; coveredByForm?: boolean; found: unknown }[];
  toUpload: number;
};

async function prefillOf(who: Browser, query = ''): Promise<Prefill> {
  const res = await who.request({
    method: 'GET',
    url: `/api/cases/prefill?implementationId=${food}${query}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test('amounts as licences and bases write them are read in yuan', () => {
  assert.equal(amountInYuan('伍佰万元整'), 5_000_000);
  assert.equal(amountInYuan('500万元人民币'), 5_000_000);
  assert.equal(amountInYuan('一亿三千万元'), 130_000_000);
  assert.equal(amountInYuan('1,000,000元'), 1_000_000);
  assert.equal(amountInYuan('12.5万元'), 125_000);
  assert.equal(amountInYuan('拾万元'), 100_000);
  assert.equal(amountInYuan('长期'), null);
  assert.equal(amountInYuan(''), null);
});

test('the company holding a 营业执照 finds every bound field of the 食品经营许可 form filled, each with its source', async () => {
  const { form } = await prefillOf(company);
  assert.ok(form, 'the version has a form');
  const licence = /^营业执照（证照编号 .+）$/;
  const source = (key: string) => form.sources[key];
  assert.equal(form.values.entityName, DEMO_COMPANY.record.name);
  assert.match(source('entityName')!.label, licence);
  assert.equal(form.values.creditCode, COMPANY);
  assert.equal(form.values.representative, '林海峰');
  assert.equal(source('representative')!.source, 'certificate');
  assert.equal(form.values.capital, 5_000_000, '伍佰万元整 on the licence, in yuan');
  assert.equal(form.values.representativeId, DEMO_COMPANY.record.legalRepresentativeIdNumber);
  assert.deepEqual(source('representativeId'), {
    source: 'legal_entity',
    label: '法人库',
    value: DEMO_COMPANY.record.legalRepresentativeIdNumber,
  });
  assert.equal(form.values.premises, DEMO_COMPANY.record.registeredAddress);
  assert.equal(source('premises')!.label, '法人库（住所）', 'the 住所 offered as the premises, said so');
  assert.equal(form.values.region, '610102');
  assert.deepEqual(source('phone'), { source: 'profile', label: '账号资料', value: '059187654321' });
  assert.deepEqual(Object.keys(form.values).sort(), Object.keys(form.sources).sort());
  assert.equal(form.values.category, undefined, 'an unbound field stays for the applicant');
});

test('≥ 70 % of what the company files comes from data: it types only the business type, items and staff', async () => {
  const { form } = await prefillOf(company);
  const typed = {
    category: 'restaurant',
    items: ['hot'],
    people: [{ name: '林海峰', idNumber: DEMO_COMPANY.representative.idNumber, certified: false }],
  };
  const res = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food, form: { ...form!.values, ...typed }, materials: [] },
  });
  assert.equal(res.statusCode, 201, res.body);
  const filed = res.json().form as { filled: number; prefilled: number };
  const rate = filed.prefilled / filed.filled;
  assert.deepEqual({ filled: filed.filled, prefilled: filed.prefilled }, { filled: 11, prefilled: 8 });
  assert.ok(rate >= 0.7, `prefill rate ${rate}`);
});

test('the 申请书 the form covers is not a material to upload', async () => {
  const prefill = await prefillOf(company);
  const sqs = prefill.items.find((i) => i.key === 'sqs')!;
  assert.equal(sqs.coveredByForm, true);
  assert.equal(prefill.items.find((i) => i.key === 'yyzz')!.coveredByForm, undefined);
  assert.equal(prefill.toUpload, 0, 'the 申请书 is the form; the 营业执照 comes from the certificate');
});

test('a value that does not fit its field is not offered: a choice must be one of the options', async () => {
  const db = t.db.db;
  const [market] = await db.select().from(organisations).where(eq(organisations.shortName, '市场监管局'));
  const form: FormDefinition = {
    sections: [
      {
        key: 'a',
        title: '申请人',
        fields: [
          {
            key: 'kind',
            type: 'choice',
            label: '主体类型',
            binding: 'entityType',
            options: [
              { value: 'llc', label: '有限责任公司（自然人投资或控股）' },
              { value: 'other', label: '其他' },
            ],
          },
          {
            key: 'kindStrict',
            type: 'choice',
            label: '主体类型（简称）',
            binding: 'entityType',
            options: [{ value: 'sole', label: '个体工商户' }],
          },
          { key: 'founded', type: 'date', label: '成立日期', binding: 'establishedOn' },
          {
            key: 'scope',
            type: 'text',
            label: '经营范围',
            binding: 'businessScope',
            validation: { maxLength: 5 },
          },
          { key: 'mobile', type: 'phone', label: '手机', binding: 'mobilePhone' },
          { key: 'staff', type: 'file', label: '证明', binding: 'entityName' },
        ],
      },
    ],
  };
  const other = await publishMatter(db, market!.id, { form });
  const res = await company.request({ method: 'GET', url: `/api/cases/prefill?implementationId=${other}` });
  assert.equal(res.statusCode, 200, res.body);
  const prefill: FormPrefill = res.json().form;
  assert.equal(prefill.values.kind, 'llc', 'the option whose label the licence gives');
  assert.equal(prefill.values.kindStrict, undefined, 'no option fits');
  assert.equal(prefill.values.founded, '2019-06-18');
  assert.equal(prefill.values.scope, undefined, 'longer than the field takes');
  assert.equal(prefill.values.mobile, undefined, 'the company’s phone is a landline, no mobile');
  assert.equal(prefill.values.staff, undefined, 'files are never prefilled');
});

test('a person’s form comes from the ID card and the population base', async () => {
  const db = t.db.db;
  const [police] = await db.select().from(organisations).where(eq(organisations.shortName, '公安局'));
  const form: FormDefinition = {
    sections: [
      {
        key: 'p',
        title: '申请人',
        fields: [
          { key: 'name', type: 'text', label: '姓名', binding: 'personName', editable: false },
          { key: 'id', type: 'idNumber', label: '公民身份号码', binding: 'personIdNumber', editable: false },
          {
            key: 'sex',
            type: 'choice',
            label: '性别',
            binding: 'personSex',
            options: [
              { value: 'male', label: '男' },
              { value: 'female', label: '女' },
            ],
          },
          { key: 'born', type: 'date', label: '出生日期', binding: 'personBirthDate' },
          { key: 'address', type: 'address', label: '户籍地址', binding: 'personAddress' },
          { key: 'nation', type: 'text', label: '民族', binding: 'personEthnicity' },
          { key: 'mobile', type: 'phone', label: '手机', binding: 'mobilePhone' },
        ],
      },
    ],
  };
  const matter = await publishMatter(db, police!.id, { form, serviceObject: 'person' });
  const person = await signInApplicant(t.app, 'person', DEMO_PERSON.idNumber);
  const res = await person.request({ method: 'GET', url: `/api/cases/prefill?implementationId=${matter}` });
  assert.equal(res.statusCode, 200, res.body);
  const prefill: FormPrefill = res.json().form;
  assert.equal(prefill.values.name, '李秀兰');
  assert.equal(prefill.values.id, DEMO_PERSON.idNumber);
  assert.equal(prefill.values.sex, 'female');
  assert.match(prefill.sources.sex!.label, /^居民身份证（证照编号 .+）$/);
  assert.equal(prefill.values.born, '1949-12-31');
  assert.equal(prefill.values.address, '陕西省西安市新城区西一路218号');
  assert.equal(prefill.values.nation, '汉', 'the card says 汉; the base’s 汉族 comes after it');
  assert.equal(prefill.values.mobile, '13912345678');
});

test('a clerk gets the form prefill of the applicant named, without certificates not authorised to the hall', async () => {
  const prefill = await prefillOf(clerk, `&applicantKind=company&applicantLogin=${COMPANY}`);
  const form = prefill.form!;
  assert.equal(form.values.representative, '林海峰');
  assert.equal(
    form.sources.representative!.source,
    'legal_entity',
    'the licence is not authorised to the clerk’s centre (用证授权): the 法人库 answers',
  );
  assert.equal(form.sources.entityName!.source, 'legal_entity');
  assert.equal(form.values.capital, 5_000_000, '500万元人民币 in the 法人库');
});

test('an earlier case gives what no other source holds: the latest filed value of the same binding', async () => {
  const db = t.db.db;
  const [market] = await db.select().from(organisations).where(eq(organisations.shortName, '市场监管局'));
  const form: FormDefinition = {
    sections: [
      {
        key: 'c',
        title: '联系人',
        fields: [
          { key: 'contact', type: 'text', label: '联系人', binding: 'contactName', required: true },
          { key: 'zip', type: 'text', label: '邮编', binding: 'postalCode' },
          { key: 'lockedZip', type: 'text', label: '邮编（锁定）', binding: 'postalCode', editable: false },
        ],
      },
    ],
  };
  const first = await publishMatter(db, market!.id, { form });
  const filed = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: first, form: { contact: '张小燕', zip: '710004' } },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const second = await publishMatter(db, market!.id, { form });
  const res = await company.request({ method: 'GET', url: `/api/cases/prefill?implementationId=${second}` });
  const prefill: FormPrefill = res.json().form;
  assert.equal(prefill.values.contact, '张小燕');
  assert.deepEqual(prefill.sources.zip, {
    source: 'earlier_case',
    label: `办件 ${filed.json().caseNo}`,
    value: '710004',
  });
  assert.equal(prefill.values.lockedZip, undefined, 'a locked field takes no earlier entry of the applicant');
});

test('a matter without a form answers form null', async () => {
  const db = t.db.db;
  const [market] = await db.select().from(organisations).where(eq(organisations.shortName, '市场监管局'));
  const plain = await publishMatter(db, market!.id);
  const res = await company.request({ method: 'GET', url: `/api/cases/prefill?implementationId=${plain}` });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().form, null);
});

test('the demo 食品经营许可 form: the company holding a 营业执照 types 4 fields and files ≥ 70 % from data', async () => {
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
  const res = await company.request({ method: 'GET', url: `/api/cases/prefill?implementationId=${city.id}` });
  const form: FormPrefill = res.json().form;
  assert.ok(form, 'the demo matter has its form');
  assert.equal(form.values.entityName, DEMO_COMPANY.record.name);
  assert.equal(form.values.premises, DEMO_COMPANY.record.registeredAddress);
  const typed = {
    category: '餐饮服务经营者',
    scope: ['热食类食品制售'],
    managers: [{ name: '林海峰', idNumber: DEMO_COMPANY.representative.idNumber, phone: '13809180000' }],
    promise: '本人（本单位）已阅读并作出以上承诺',
  };
  const filed = await company.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: city.id, form: { ...form.values, ...typed }, materials: [] },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  const { filled, prefilled } = filed.json().form as { filled: number; prefilled: number };
  assert.equal(filled - prefilled, Object.keys(typed).length, 'only what no source holds is typed');
  assert.ok(prefilled / filled >= 0.7, `${prefilled} of ${filled} fields from data`);
});
