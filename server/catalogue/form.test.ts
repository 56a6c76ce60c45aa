import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { FOOD_FORM } from '../../common/forms/testing.ts';
import type { AppError } from '../core/errors.ts';
import { diffDocuments } from './diff.ts';
import { sampleDocument } from './testing.ts';
import { assertValidDocument, documentProblems } from './validation.ts';

const withForm = (form: FormDefinition) => sampleDocument({ form });
const food = () => structuredClone({ ...FOOD_FORM, covers: ['sqs'] });

test('a document with a well-made form has no problems', () => {
  assert.deepEqual(documentProblems(withForm(food())), []);
});

test('a form problem names the field of the document, with the field label, in Chinese and English', () => {
  const form = food();
  const business = form.sections[1]!;
  business.fields[3]!.options = []; // 经营项目 without options
  business.fields[8]!.key = 'premises'; // twice
  form.sections[2]!.fields[0]!.columns![3]!.shownWhen = { field: 'nowhere', equals: true };
  form.covers = ['sqs', 'lease'];
  const problems = documentProblems(withForm(form));
  assert.deepEqual(
    problems.map((p) => p.field),
    [
      'document.form.sections[1].fields[0].key',
      'document.form.sections[1].fields[3].options',
      'document.form.sections[1].fields[8].key',
      'document.form.sections[2].fields[0].columns[3].shownWhen',
      'document.form.covers[1]',
    ],
  );
  assert.equal(problems[1]!.problem, '申请表字段“经营项目”（items）：请为经营项目设置选项');
  assert.equal(problems[1]!.problemEn, 'application form field items: a choice needs options');
  assert.match(problems[3]!.problem, /培训合格证明.*条件引用的字段不存在：nowhere/);
  assert.equal(problems[4]!.problem, '申请表代替的材料“lease”不在本事项的申请材料中');

  // The save is refused with a 400 naming the first, every problem in the details.
  assert.throws(
    () => assertValidDocument(withForm(form)),
    (error: AppError) => {
      assert.equal(error.status, 400);
      assert.equal(error.field, 'document.form.sections[1].fields[0].key');
      assert.equal((error.details as { problems: unknown[] }).problems.length, 5);
      assert.match(error.localized('zh-CN'), /字段标识重复：premises/);
      assert.match(String(error.params.problemEn), /key used twice: premises/);
      return true;
    },
  );
});

test('a form of the wrong shape is named by its place in the document', () => {
  const form = food() as unknown as { sections: { fields: Record<string, unknown>[] }[] };
  form.sections[0]!.fields[1]!.type = 'signature';
  const [problem] = documentProblems(withForm(form as unknown as FormDefinition));
  assert.equal(problem?.field, 'document.form.sections[0].fields[1].type');
  const empty = documentProblems(withForm({ sections: [] }));
  assert.equal(empty[0]?.field, 'document.form.sections');
});

test('the diff shows form changes field by field', () => {
  const before = withForm(food());
  const form = food();
  const business = form.sections[1]!;
  business.fields[0]!.label = '经营场所（实际地址）';
  business.fields.splice(8, 0, {
    key: 'seats',
    type: 'number',
    label: '座位数',
    shownWhen: { field: 'category', equals: 'restaurant' },
  });
  business.fields[2]!.options![1]!.label = '单位食堂（含学校食堂）';
  business.fields[2]!.options!.push({ value: 'kitchen', label: '中央厨房' });
  business.fields[4]!.shownWhen = { field: 'category', in: ['canteen', 'kitchen'] };
  business.fields[7]!.validation = { min: 1, max: 50_000 };
  form.sections[2]!.fields[0]!.columns!.pop();
  form.sections.reverse();
  form.covers = [];
  const changes = diffDocuments(before, withForm(form));
  assert.deepEqual(changes, [
    {
      path: 'form.sections[key=business].fields[key=premises].label',
      before: '经营场所',
      after: '经营场所（实际地址）',
    },
    {
      path: 'form.sections[key=business].fields[key=category].options[value=canteen].label',
      before: '单位食堂',
      after: '单位食堂（含学校食堂）',
    },
    {
      path: 'form.sections[key=business].fields[key=category].options[value=kitchen]',
      before: undefined,
      after: { value: 'kitchen', label: '中央厨房' },
    },
    {
      path: 'form.sections[key=business].fields[key=canteenOf].shownWhen',
      before: { field: 'category', equals: 'canteen' },
      after: { field: 'category', in: ['canteen', 'kitchen'] },
    },
    { path: 'form.sections[key=business].fields[key=area].validation.max', before: 100_000, after: 50_000 },
    {
      path: 'form.sections[key=business].fields[key=seats]',
      before: undefined,
      after: business.fields[8],
    },
    {
      path: 'form.sections[key=staff].fields[key=people].columns[key=certificate]',
      before: FOOD_FORM.sections[2]!.fields[0]!.columns![3],
      after: undefined,
    },
    {
      path: 'form.sections[order]',
      before: ['applicant', 'business', 'staff'],
      after: ['staff', 'business', 'applicant'],
    },
    { path: 'form.covers', before: ['sqs'], after: [] },
  ]);
  assert.deepEqual(diffDocuments(before, withForm(food())), []);
});

test('the diff shows a form added or removed as one change, and fields moved within a section', () => {
  const without = sampleDocument();
  assert.deepEqual(diffDocuments(without, withForm(food())), [
    { path: 'form', before: undefined, after: food() },
  ]);
  assert.deepEqual(diffDocuments(withForm(food()), without), [
    { path: 'form', before: food(), after: undefined },
  ]);
  const moved = food();
  const [first, second] = moved.sections[0]!.fields;
  moved.sections[0]!.fields.splice(0, 2, second!, first!);
  assert.deepEqual(diffDocuments(withForm(food()), withForm(moved)), [
    {
      path: 'form.sections[key=applicant].fields[order]',
      before: ['entityName', 'creditCode', 'representative', 'representativeId', 'phone', 'capital'],
      after: ['creditCode', 'entityName', 'representative', 'representativeId', 'phone', 'capital'],
    },
  ]);
});
