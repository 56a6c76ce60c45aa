import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { validateFormDefinition } from '../../common/forms/definition.ts';
import { FOOD_FORM } from '../../common/forms/testing.ts';
import { validateForm } from '../../common/forms/validate.ts';
import { isCreditCode, isResidentIdNumber } from '../../common/identity.ts';
import { PUBLIC_CACHE } from '../core/http/cache-control.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltMatter, buildMatter } from '../testing/factories.ts';
import { pdfShowsQrCode, pdfText } from '../testing/pdf.ts';
import { SAMPLE_CREDIT_CODE, SAMPLE_FILE, SAMPLE_ID_NUMBER, sampleValues } from './form-samples.ts';
import { genericForm, genericSampleValues } from './generic-form.ts';
import { guidePageUrl } from './guide-pdf.ts';
import { sampleDocument, sampleMaterial } from './testing.ts';

/**
 * 空表 and 样表: the application form of a published matter to print, blank or filled with examples;
 * for a matter without a form, the generic form of the 申请书 its guide asks for.
 */

let t: TestApp;
let matter: BuiltMatter;

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'yiwang.example.cn' } });
const sheet = (kind: 'blank' | 'sample', id = matter.id) =>
  get(`/api/catalogue/guides/${id}/form-${kind}.pdf`);

before(async () => {
  t = await createTestApp();
  matter = await buildMatter(t.db.db, {
    regionCode: '610102',
    document: { name: '食品经营许可', form: { ...FOOD_FORM, covers: ['sqs'] } },
  });
});
after(async () => {
  await t?.close();
});

test('the sample values fit the form: valid ID numbers and credit codes, options, ranges, conditions', () => {
  const values = sampleValues(FOOD_FORM, '610102');
  const { issues } = validateForm(FOOD_FORM, values);
  assert.deepEqual(
    issues.map((i) => i.path),
    [],
    'a sample the form itself would refuse is no example',
  );
  assert.ok(isResidentIdNumber(SAMPLE_ID_NUMBER) && isCreditCode(SAMPLE_CREDIT_CODE));
  assert.equal(values.entityName, '西安市示例餐饮管理有限公司', 'by its binding');
  assert.equal(values.category, 'restaurant');
  assert.equal(values.canteenOf, undefined, 'hidden by its condition: not in the sample');
  assert.equal(values.website, 'https://www.example.com', 'shown when 是否网络经营 is 是, by its label');
  assert.equal((values.people as unknown[]).length, 2);
  assert.equal((values.people as { certificate?: string }[])[0]!.certificate, SAMPLE_FILE);
});

test('空表: every field with its place to write or boxes to tick, when it applies, * for required; no values', async () => {
  const res = await sheet('blank');
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/pdf');
  assert.equal(res.headers['cache-control'], PUBLIC_CACHE);
  assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''.*\.pdf$/);
  if (process.env.SAVE_PDF) writeFileSync(`${process.env.SAVE_PDF}-blank.pdf`, res.rawPayload);
  const text = pdfText(res.rawPayload);
  for (const part of [
    '食品经营许可申请书',
    '空白表格',
    '一、申请人信息',
    '*经营者名称',
    '*统一社会信用代码',
    '注册资本（元）',
    '□餐饮服务经营者□单位食堂□食品销售经营者',
    '可多选，最多2项',
    '食堂所属单位',
    '主体业态为“单位食堂”时填写',
    '网站地址',
    '是否网络经营为“是”时填写',
    '□是□否',
    '年月日至年月日',
    '*食品安全管理人员',
    '序号',
    '培训合格证明',
    '请另附经营场所平面图',
    '申请人（签字或盖章）',
  ]) {
    assert.ok(text.includes(part), `the blank form prints ${part}:\n${text}`);
  }
  assert.ok(!text.includes('示例'), 'no example values');
  assert.ok(!text.includes('样表'));
  assert.ok(pdfShowsQrCode(res.rawPayload, guidePageUrl('http://yiwang.example.cn', matter.id)));
});

test('样表: filled with examples, choices ticked, marked 样表 across the page', async () => {
  const res = await sheet('sample');
  assert.equal(res.statusCode, 200, res.body);
  if (process.env.SAVE_PDF) writeFileSync(`${process.env.SAVE_PDF}-sample.pdf`, res.rawPayload);
  const text = pdfText(res.rawPayload);
  for (const part of [
    '食品经营许可申请书',
    '填写样表',
    '西安市示例餐饮管理有限公司',
    SAMPLE_CREDIT_CODE,
    SAMPLE_ID_NUMBER,
    '■餐饮服务经营者□单位食堂□食品销售经营者',
    '■热食类食品制售■冷食类食品制售□预包装食品销售',
    '陕西省西安市新城区',
    '100,000.00元',
    '2026-06-01至2031-05-31',
    'https://www.example.com',
    '张三',
    '李四',
    '已附',
    '样表',
  ]) {
    assert.ok(text.includes(part), `the sample prints ${part}:\n${text}`);
  }
  assert.ok(!text.includes('食堂所属单位'), 'a field its condition hides is left out');
  const again = await sheet('sample');
  assert.deepEqual(again.rawPayload, res.rawPayload, 'a published version renders once');
});

test('a matter without a form prints the generic form of its 申请书 material: applicant, contact, the matter, a statement', async () => {
  const plain = await buildMatter(t.db.db, { regionCode: '610102' });
  const blank = await sheet('blank', plain.id);
  assert.equal(blank.statusCode, 200, blank.body);
  assert.equal(blank.headers['content-type'], 'application/pdf');
  if (process.env.SAVE_PDF) writeFileSync(`${process.env.SAVE_PDF}-generic-blank.pdf`, blank.rawPayload);
  const text = pdfText(blank.rawPayload);
  for (const part of [
    '食品经营许可申请书', // the material's name
    '空白表格',
    '通用申请书格式',
    '一、申请人信息',
    '*单位名称',
    '*统一社会信用代码',
    '*法定代表人（负责人）',
    '二、联系方式',
    '*联系电话',
    '三、申请事项',
    `□${plain.document.name}`,
    '*申请事项说明',
    '申请人（签字或盖章）',
  ]) {
    assert.ok(text.includes(part), `the generic blank prints ${part}:\n${text}`);
  }
  assert.ok(!text.includes('委托代理人'), 'no agent: the guide foresees none');
  assert.ok(!text.includes('*姓名'), 'a matter for companies asks for the company');
  assert.ok(pdfShowsQrCode(blank.rawPayload, guidePageUrl('http://yiwang.example.cn', plain.id)));

  const sample = await sheet('sample', plain.id);
  assert.equal(sample.statusCode, 200, sample.body);
  if (process.env.SAVE_PDF) writeFileSync(`${process.env.SAVE_PDF}-generic-sample.pdf`, sample.rawPayload);
  const sampleText = pdfText(sample.rawPayload);
  for (const part of [
    '填写样表',
    '西安市示例实业有限公司',
    SAMPLE_CREDIT_CODE,
    `■${plain.document.name}`,
    `本单位申请办理${plain.document.name}`,
    '样表',
  ]) {
    assert.ok(sampleText.includes(part), `the generic sample prints ${part}:\n${sampleText}`);
  }
});

test('the generic form follows the guide: a person, either by 申请人类型, an agent when a material foresees one, a bare 申请表 named by the matter', async () => {
  const materials = [
    sampleMaterial({ key: 'sqb', name: '申请表' }),
    sampleMaterial({ key: 'wts', name: '授权委托书', required: false, condition: '委托他人代为办理的' }),
  ];
  const person = await buildMatter(t.db.db, { document: { serviceObject: 'person', materials } });
  const text = pdfText((await sheet('blank', person.id)).rawPayload);
  for (const part of [
    `${person.document.name}申请表`,
    '*姓名',
    '*公民身份号码',
    '委托代理人',
    '*是否委托他人办理',
    '代理人姓名',
    '是否委托他人办理为“是”时填写',
  ]) {
    assert.ok(text.includes(part), `the person's blank prints ${part}:\n${text}`);
  }
  assert.ok(!text.includes('统一社会信用代码'));
  const sampleText = pdfText((await sheet('sample', person.id)).rawPayload);
  assert.ok(sampleText.includes(SAMPLE_ID_NUMBER) && sampleText.includes('本人申请办理'), sampleText);
  assert.ok(sampleText.includes('□是■否'), 'the sample acts without an agent');
  assert.ok(!sampleText.includes('代理人姓名'), 'so the agent’s fields are left out');

  const both = await buildMatter(t.db.db, { document: { serviceObject: 'both' } });
  const bothText = pdfText((await sheet('blank', both.id)).rawPayload);
  for (const part of ['*申请人类型', '□个人□单位', '申请人类型为“个人”时填写', '申请人类型为“单位']) {
    assert.ok(bothText.includes(part), `the blank for either prints ${part}:\n${bothText}`);
  }
});

test('the generic form is a valid form definition, and its sample passes it', () => {
  for (const serviceObject of ['person', 'company', 'both'] as const) {
    const document = sampleDocument({
      serviceObject,
      materials: [sampleMaterial(), sampleMaterial({ key: 'wts', name: '授权委托书' })],
    });
    const definition = genericForm(document);
    assert.deepEqual(validateFormDefinition(definition), [], serviceObject);
    const values = sampleValues(definition, '610102', genericSampleValues(document));
    assert.deepEqual(validateForm(definition, values).issues, [], serviceObject);
  }
});

test('a matter with neither a form nor a 申请书 has none; an unknown matter is a 404, a malformed id a 400', async () => {
  const none = await buildMatter(t.db.db, {
    document: { materials: [sampleMaterial({ key: 'ht', name: '租赁合同' })] },
  });
  for (const kind of ['blank', 'sample'] as const) {
    const missing = await sheet(kind, none.id);
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().error.message, /申请表/);
    assert.equal(missing.headers['cache-control'], 'no-store');
    assert.equal((await sheet(kind, '00000000-0000-4000-8000-000000000000')).statusCode, 404);
    const malformed = await sheet(kind, 'x');
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.field, 'implementationId');
  }
});
