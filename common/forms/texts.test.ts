import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FormField } from './schema.ts';
import { FOOD_FORM, FOOD_VALUES, SHA, VALID_ID } from './testing.ts';
import { conditionText, fieldText, formFieldTexts, formTexts, regionCodesOf } from './texts.ts';
import { validateForm } from './validate.ts';

const field = (type: FormField['type'], extra: Partial<FormField> = {}): FormField => ({
  key: 'f',
  type,
  label: '字段',
  ...extra,
});

const lookups = {
  regionName: (code: string) => ({ '610102': '陕西省西安市新城区' })[code],
  fileName: (sha: string) => (sha === SHA ? '培训合格证明.pdf' : undefined),
};

test('every type of field prints as a reader of the 申请书 reads it', () => {
  const options = [
    { value: 'hot', label: '热食类食品制售' },
    { value: 'cold', label: '冷食类食品制售' },
  ];
  const cases: [FormField, unknown, string | null][] = [
    [field('text'), '  西安味道餐饮  ', '西安味道餐饮'],
    [field('textarea'), '第一行\n第二行', '第一行\n第二行'],
    [field('address'), '西安市新城区东大街8号', '西安市新城区东大街8号'],
    [field('number'), 120.5, '120.5'],
    [field('money'), 1250.5, '1,250.50 元'],
    [field('money'), 0, '0.00 元'],
    [field('date'), '2026-01-01', '2026-01-01'],
    [field('dateRange'), { from: '2026-01-01', to: '2027-01-01' }, '2026-01-01 至 2027-01-01'],
    [field('region'), '610102', '陕西省西安市新城区'],
    [field('region'), '610103', '610103'],
    [field('choice', { options }), 'cold', '冷食类食品制售'],
    [field('multiChoice', { options }), ['hot', 'cold'], '热食类食品制售、冷食类食品制售'],
    [field('yesNo'), true, '是'],
    [field('yesNo'), false, '否'],
    [field('idNumber'), VALID_ID, VALID_ID],
    [field('creditCode'), '91610102MA6U123450', '91610102MA6U123450'],
    [field('phone'), '029-87451234', '029-87451234'],
    [field('file'), SHA, '培训合格证明.pdf'],
    [field('file'), 'b'.repeat(64), '已上传'],
    [field('text'), '   ', null],
    [field('number'), 'twelve', null],
    [field('yesNo'), 'yes', null],
    [field('dateRange'), { from: '2026-01-01' }, null],
    [field('multiChoice', { options }), [], null],
  ];
  for (const [f, value, expected] of cases) {
    assert.equal(fieldText(f, value, lookups), expected, `${f.type} ${JSON.stringify(value)}`);
  }
});

test("a table prints its rows cell by cell, each cell in its column's own words", () => {
  const people = FOOD_FORM.sections[2]!.fields[0]!;
  const text = fieldText(
    people,
    [
      { name: '李四', idNumber: VALID_ID, certified: true, certificate: SHA },
      { name: '王五', certified: false },
      {},
    ],
    lookups,
  );
  assert.equal(text, `李四，${VALID_ID}，是，培训合格证明.pdf；王五，否`);
  assert.equal(fieldText(people, []), null);
});

test('the filled FOOD_FORM: the texts of the filled fields by key, with label and binding, in order', () => {
  const { values } = validateForm(FOOD_FORM, FOOD_VALUES);
  const texts = formTexts(FOOD_FORM, values, lookups);
  assert.deepEqual(texts, {
    entityName: '西安市新城区味道餐饮有限公司',
    creditCode: FOOD_VALUES.creditCode,
    representative: '王新任',
    representativeId: VALID_ID,
    phone: '13800138000',
    capital: '50.50 元',
    premises: '西安市新城区东大街8号一层',
    region: '陕西省西安市新城区',
    category: '餐饮服务经营者',
    items: '热食类食品制售、冷食类食品制售',
    online: '否',
    people: `李四，${VALID_ID}，否`,
  });
  const entries = formFieldTexts(FOOD_FORM, values, lookups);
  assert.deepEqual(entries[2], {
    key: 'representative',
    label: '法定代表人（负责人）',
    binding: 'certificate:yyzz.legalRepresentative',
    text: '王新任',
  });
  assert.deepEqual(
    entries.map((e) => e.key),
    Object.keys(texts),
  );
  assert.deepEqual(formTexts(FOOD_FORM, null as unknown as Record<string, unknown>), {});
});

test('the region codes a form names, in fields and in table cells', () => {
  const form = {
    sections: [
      {
        key: 's',
        title: '地址',
        fields: [
          field('region', { key: 'where' }),
          {
            ...field('table', { key: 'branches' }),
            columns: [{ key: 'region', type: 'region' as const, label: '所在地' }],
          },
        ],
      },
    ],
  };
  assert.deepEqual(
    regionCodesOf(form, { where: '610102', branches: [{ region: '610103' }, { region: '610102' }, 'x'] }),
    ['610102', '610103'],
  );
});

test('conditions in words, for the blank form', () => {
  const fields = FOOD_FORM.sections.flatMap((s) => s.fields);
  const byKey = (key: string) => fields.find((f) => f.key === key)!;
  assert.equal(conditionText(byKey('canteenOf').shownWhen!, fields), '主体业态为“单位食堂”');
  assert.equal(conditionText(byKey('website').shownWhen!, fields), '是否网络经营为“是”');
  assert.equal(conditionText(byKey('website').requiredWhen!, fields), '主体业态不为“食品销售经营者”');
  assert.equal(conditionText(byKey('layout').requiredWhen!, fields), '已填写经营面积（平方米）');
  assert.equal(
    conditionText(
      { or: [{ field: 'category', equals: 'canteen' }, { and: [{ field: 'items', in: ['hot', 'cold'] }] }] },
      fields,
    ),
    '主体业态为“单位食堂”或（经营项目为“热食类食品制售”或“冷食类食品制售”）',
  );
  assert.equal(
    conditionText(
      {
        not: {
          or: [
            { field: 'online', equals: true },
            { field: 'area', notEmpty: true },
          ],
        },
      },
      fields,
    ),
    '并非（是否网络经营为“是”或已填写经营面积（平方米））',
  );
  assert.equal(conditionText({ not: { field: 'area', notEmpty: true } }, fields), '未填写经营面积（平方米）');
});
