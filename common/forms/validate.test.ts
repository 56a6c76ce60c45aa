import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { FieldType, FormDefinition, FormField } from './schema.ts';
import { FOOD_FORM, FOOD_VALUES, SHA, VALID_CREDIT_CODE, VALID_ID } from './testing.ts';
import { validateForm } from './validate.ts';

const one = (field: Partial<FormField> & { type: FieldType }): FormDefinition => ({
  sections: [{ key: 's', title: '分组', fields: [{ key: 'f', label: '经营场所', ...field }] }],
});

const OPTIONS = [
  { value: 'a', label: '甲' },
  { value: 'b', label: '乙' },
];

/** [type, extra definition, value, the code of the issue or null when valid] */
const CASES: [FieldType, Partial<FormField>, unknown, string | null][] = [
  ['text', {}, '西安市新城区东大街8号', null],
  ['text', {}, 12, 'type'],
  ['text', {}, 'x'.repeat(201), 'maxLength'],
  ['text', { validation: { minLength: 3 } }, '一二', 'minLength'],
  ['text', { validation: { pattern: '[A-Z]{2}\\d+' } }, 'AB12', null],
  ['text', { validation: { pattern: '[A-Z]{2}\\d+' } }, 'AB12x', 'pattern'],
  ['textarea', {}, '多行\n文字', null],
  ['textarea', { validation: { maxLength: 3 } }, '一二三四', 'maxLength'],
  ['number', {}, 12.5, null],
  ['number', {}, '12', 'type'],
  ['number', { validation: { min: 1 } }, 0, 'min'],
  ['number', { validation: { max: 10 } }, 11, 'max'],
  ['money', {}, 1234.56, null],
  ['money', {}, 0.1 + 0.2, null],
  ['money', {}, 1.234, 'money'],
  ['money', {}, -1, 'min'],
  ['money', {}, 1e14, 'type'],
  ['money', {}, Number.NaN, 'type'],
  ['date', {}, '2026-02-28', null],
  ['date', {}, '2026-02-30', 'date'],
  ['date', {}, '2026/02/01', 'date'],
  ['dateRange', {}, { from: '2026-01-01', to: '2026-12-31' }, null],
  ['dateRange', {}, { from: '2026-12-31', to: '2026-01-01' }, 'dateRange'],
  ['dateRange', {}, { from: '2026-01-01' }, 'dateRange'],
  ['dateRange', {}, { from: '2026-01-01', to: '2026-01-02', by: 'x' }, 'dateRange'],
  ['region', {}, '610102', null],
  ['region', {}, '610102001', null],
  ['region', {}, '61010', 'region'],
  ['region', {}, '991000', 'region'],
  ['address', {}, '西安市碑林区南大街1号', null],
  ['address', {}, ['x'], 'type'],
  ['choice', { options: OPTIONS }, 'a', null],
  ['choice', { options: OPTIONS }, 'c', 'option'],
  ['multiChoice', { options: OPTIONS }, ['a', 'b'], null],
  ['multiChoice', { options: OPTIONS }, ['a', 'a'], 'option'],
  ['multiChoice', { options: OPTIONS }, ['c'], 'option'],
  ['multiChoice', { options: OPTIONS }, 'a', 'type'],
  ['multiChoice', { options: OPTIONS, validation: { minItems: 2 } }, ['a'], 'minItems'],
  ['multiChoice', { options: OPTIONS, validation: { maxItems: 1 } }, ['a', 'b'], 'maxItems'],
  ['yesNo', {}, false, null],
  ['yesNo', {}, 'true', 'type'],
  ['idNumber', {}, VALID_ID, null],
  ['idNumber', {}, VALID_ID.toLowerCase(), null],
  ['idNumber', {}, `${VALID_ID.slice(0, 17)}${(Number(VALID_ID[17]) + 1) % 10}`, 'idNumber'],
  ['idNumber', {}, '61010219900101123', 'idNumber'],
  ['creditCode', {}, VALID_CREDIT_CODE, null],
  ['creditCode', {}, `${VALID_CREDIT_CODE.slice(0, 17)}0`, 'creditCode'],
  ['creditCode', {}, 'ABC', 'creditCode'],
  ['phone', {}, '13800138000', null],
  ['phone', {}, '029-87654321', null],
  ['phone', {}, '02987654321-12', null],
  ['phone', {}, '12800138000', 'phone'],
  ['phone', {}, '1380013800', 'phone'],
  ['file', {}, SHA, null],
  ['file', {}, 'A'.repeat(64), 'file'],
  ['table', { columns: [{ key: 'n', type: 'text', label: '名称' }] }, [{ n: '甲' }], null],
  ['table', { columns: [{ key: 'n', type: 'text', label: '名称' }] }, { n: '甲' }, 'type'],
];

test('each field type takes its valid values and refuses the others', () => {
  for (const [type, extra, value, code] of CASES) {
    const { issues } = validateForm(one({ type, ...extra }), { f: value });
    const label = `${type} ${JSON.stringify(value)}`;
    if (code === null) assert.deepEqual(issues, [], label);
    else {
      assert.equal(issues.length, 1, label);
      assert.equal(issues[0]!.code, code, label);
      assert.equal(issues[0]!.path, 'f', label);
      assert.ok(issues[0]!.message && issues[0]!.messageEn, label);
    }
  }
});

test('messages a citizen understands', () => {
  const message = (type: FieldType, value: unknown) =>
    validateForm(one({ type, required: true }), { f: value }).issues[0]?.message;
  assert.equal(message('address', '  '), '请填写经营场所');
  assert.equal(
    message('idNumber', `${VALID_ID.slice(0, 17)}${(Number(VALID_ID[17]) + 1) % 10}`),
    '身份证号码校验位不正确',
  );
  assert.equal(message('file', undefined), '请上传经营场所');
  assert.equal(message('choice', null), '请选择经营场所');
});

test('the values kept are trimmed and upper-cased; empty fields are left out', () => {
  const form = one({ type: 'creditCode' });
  assert.deepEqual(validateForm(form, { f: ` ${VALID_CREDIT_CODE.toLowerCase()} ` }).values, {
    f: VALID_CREDIT_CODE,
  });
  assert.deepEqual(validateForm(form, { f: '' }), { ok: true, issues: [], values: {} });
  assert.deepEqual(validateForm(one({ type: 'phone' }), { f: '138 0013 8000' }).values, { f: '13800138000' });
});

test('money is kept to the fen', () => {
  assert.deepEqual(validateForm(one({ type: 'money' }), { f: 0.1 + 0.2 }).values, { f: 0.3 });
});

test('a filled 食品经营许可 form passes and keeps its values', () => {
  const check = validateForm(FOOD_FORM, FOOD_VALUES);
  assert.deepEqual(check.issues, []);
  assert.equal(check.ok, true);
  assert.deepEqual(check.values, FOOD_VALUES);
});

test('required fields missing, unknown keys refused, a non-object refused', () => {
  const { issues } = validateForm(FOOD_FORM, { entityName: '甲', extra: 1 });
  const paths = issues.map((i) => `${i.path}:${i.code}`);
  assert.ok(paths.includes('extra:unknown'));
  for (const key of ['creditCode', 'representative', 'premises', 'category', 'items', 'people'])
    assert.ok(paths.includes(`${key}:required`), key);
  assert.ok(!paths.includes('canteenOf:required'), 'hidden, so not required');
  assert.deepEqual(
    validateForm(FOOD_FORM, [1]).issues.find((i) => i.path === ''),
    { path: '', code: 'type', message: '填写内容格式不正确', messageEn: 'must be an object' },
  );
});

test('shownWhen: a hidden field is neither required nor kept', () => {
  const hidden = validateForm(FOOD_FORM, { ...FOOD_VALUES, canteenOf: '某某大学' });
  assert.deepEqual(hidden.issues, []);
  assert.equal('canteenOf' in hidden.values, false);
  const shown = validateForm(FOOD_FORM, { ...FOOD_VALUES, category: 'canteen' });
  assert.deepEqual(
    shown.issues.map((i) => i.path),
    ['canteenOf'],
  );
  const kept = validateForm(FOOD_FORM, { ...FOOD_VALUES, category: 'canteen', canteenOf: '某某大学' });
  assert.equal(kept.values.canteenOf, '某某大学');
});

test('requiredWhen with not, or; a field read by a condition counts as empty when hidden', () => {
  const online = { ...FOOD_VALUES, online: true };
  assert.deepEqual(
    validateForm(FOOD_FORM, online).issues.map((i) => `${i.path}:${i.code}`),
    ['website:required'],
  );
  assert.deepEqual(validateForm(FOOD_FORM, { ...online, category: 'retail' }).issues, []);
  assert.deepEqual(validateForm(FOOD_FORM, { ...online, website: 'https://example.cn' }).issues, []);
  assert.deepEqual(
    validateForm(FOOD_FORM, { ...FOOD_VALUES, area: 120 }).issues.map((i) => i.path),
    ['layout'],
  );
});

test('tables: each row checked column by column, paths name the row', () => {
  const people = [
    { name: '李四', idNumber: VALID_ID, certified: false },
    { name: '', idNumber: '123', certified: true, extra: 1 },
    'not a row',
  ];
  const { issues, values } = validateForm(FOOD_FORM, {
    ...FOOD_VALUES,
    online: true,
    website: 'http://a.cn',
    people,
  });
  assert.deepEqual(
    issues.map((i) => `${i.path}:${i.code}`),
    [
      'people.1.extra:unknown',
      'people.1.name:required',
      'people.1.idNumber:idNumber',
      'people.1.certificate:required',
      'people.2:type',
    ],
  );
  assert.deepEqual((values.people as unknown[])[0], people[0]);
  const tooMany = validateForm(FOOD_FORM, { ...FOOD_VALUES, people: Array(4).fill(FOOD_VALUES.people[0]) });
  assert.deepEqual(
    tooMany.issues.map((i) => `${i.path}:${i.code}`),
    ['people:maxItems'],
  );
  const none = validateForm(FOOD_FORM, { ...FOOD_VALUES, people: [] });
  assert.deepEqual(
    none.issues.map((i) => `${i.path}:${i.code}`),
    ['people:required'],
  );
});

test('the validator and what it imports need no TypeBox at run time (the web app bundles them)', () => {
  const seen = new Set<string>();
  const visit = (url: URL) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    const source = readFileSync(url, 'utf8');
    for (const [, typeOnly, from] of source.matchAll(/^import (type )?[^;]*? from '([^']+)';$/gms)) {
      if (typeOnly) continue;
      assert.doesNotMatch(from!, /^typebox/, `${url.pathname} imports ${from}`);
      if (from!.startsWith('.')) visit(new URL(from!, url));
    }
  };
  visit(new URL('./validate.ts', import.meta.url));
  visit(new URL('./binding.ts', import.meta.url));
  assert.ok(seen.size >= 5);
});
