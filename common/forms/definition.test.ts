import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBinding } from './binding.ts';
import { validateFormDefinition } from './definition.ts';
import type { FormDefinition, FormField } from './schema.ts';
import { FOOD_FORM } from './testing.ts';

const form = (...fields: FormField[]): FormDefinition => ({
  sections: [{ key: 's', title: '分组', fields }],
});
const text = (key: string, extra: Partial<FormField> = {}): FormField => ({
  key,
  type: 'text',
  label: key,
  ...extra,
});
const codes = (definition: unknown) => validateFormDefinition(definition).map((i) => `${i.path}:${i.code}`);

test('the demo form is a valid definition', () => {
  assert.deepEqual(validateFormDefinition(FOOD_FORM), []);
});

/** [what, definition, the issues expected as path:code] */
const CASES: [string, unknown, string[]][] = [
  ['not an object', 'form', [':schema']],
  ['no sections', { sections: [] }, ['sections:schema']],
  [
    'unknown type',
    form({ key: 'a', type: 'colour' as 'text', label: 'a' }),
    ['sections.0.fields.0.type:schema'],
  ],
  ['bad key', form(text('1a')), ['sections.0.fields.0.key:schema']],
  [
    'extra property',
    form({ ...text('a'), colour: 'red' } as FormField),
    ['sections.0.fields.0.colour:schema'],
  ],
  [
    'keys unique across sections',
    { sections: [form(text('a')).sections[0], { key: 't', title: '二', fields: [text('a')] }] },
    ['sections.0.fields.0.key:key', 'sections.1.fields.0.key:key'],
  ],
  [
    'section keys unique',
    { sections: [form(text('a')).sections[0], { key: 's', title: '二', fields: [text('b')] }] },
    ['sections:key'],
  ],
  [
    'choice without options',
    form({ key: 'a', type: 'choice', label: '甲' }),
    ['sections.0.fields.0.options:options'],
  ],
  [
    'options on text',
    form(text('a', { options: [{ value: 'x', label: 'x' }] })),
    ['sections.0.fields.0.options:options'],
  ],
  [
    'options twice',
    form({
      key: 'a',
      type: 'multiChoice',
      label: '甲',
      options: [
        { value: 'x', label: 'x' },
        { value: 'x', label: 'y' },
      ],
    }),
    ['sections.0.fields.0.options:options'],
  ],
  [
    'table without columns',
    form({ key: 't', type: 'table', label: '表' }),
    ['sections.0.fields.0.columns:columns'],
  ],
  [
    'columns on text',
    form(text('a', { columns: [text('b') as never] })),
    ['sections.0.fields.0.columns:columns'],
  ],
  [
    'column keys unique',
    form({ key: 't', type: 'table', label: '表', columns: [text('b'), text('b')] as never }),
    ['sections.0.fields.0.columns.0.key:key', 'sections.0.fields.0.columns.1.key:key'],
  ],
  [
    'condition on no field',
    form(text('a', { shownWhen: { field: 'zz', notEmpty: true } })),
    ['sections.0.fields.0.shownWhen:condition'],
  ],
  [
    'condition on itself',
    form(text('a', { requiredWhen: { field: 'a', notEmpty: true } })),
    ['sections.0.fields.0.requiredWhen:condition'],
  ],
  [
    'condition on a later field is fine',
    form(text('a', { shownWhen: { not: { field: 'b', equals: 'x' } } }), text('b')),
    [],
  ],
  [
    'shownWhen cycle',
    form(
      text('a', { shownWhen: { field: 'b', notEmpty: true } }),
      text('b', { shownWhen: { and: [{ field: 'c', notEmpty: true }] } }),
      text('c', { shownWhen: { or: [{ field: 'a', notEmpty: true }] } }),
      text('d', { shownWhen: { field: 'a', notEmpty: true } }),
    ),
    [
      'sections.0.fields.0.shownWhen:cycle',
      'sections.0.fields.1.shownWhen:cycle',
      'sections.0.fields.2.shownWhen:cycle',
    ],
  ],
  [
    'a value a choice cannot take',
    form(
      { key: 'a', type: 'choice', label: '甲', options: [{ value: 'x', label: 'x' }] },
      text('b', { shownWhen: { field: 'a', in: ['x', 'y'] } }),
    ),
    ['sections.0.fields.1.shownWhen:condition'],
  ],
  [
    'yes/no compared with text',
    form({ key: 'a', type: 'yesNo', label: '甲' }, text('b', { shownWhen: { field: 'a', equals: 'true' } })),
    ['sections.0.fields.1.shownWhen:condition'],
  ],
  [
    'a column refers to its row and to the form',
    form(text('a'), {
      key: 't',
      type: 'table',
      label: '表',
      columns: [
        text('b'),
        text('c', {
          shownWhen: {
            and: [
              { field: 'b', notEmpty: true },
              { field: 'a', notEmpty: true },
            ],
          },
        }),
      ] as never,
    }),
    [],
  ],
  [
    'binding to no element',
    form(text('a', { binding: 'shoeSize' })),
    ['sections.0.fields.0.binding:binding'],
  ],
  [
    'binding malformed',
    form(text('a', { binding: 'certificate:YYZZ.name' })),
    ['sections.0.fields.0.binding:schema'],
  ],
  ['binding of a certificate field', form(text('a', { binding: 'certificate:spjy.premises' })), []],
  [
    'bad pattern',
    form(text('a', { validation: { pattern: '(' } })),
    ['sections.0.fields.0.validation.pattern:validation'],
  ],
  [
    'pattern with nested repetition',
    form(text('a', { validation: { pattern: '^(\\d+)*$' } })),
    ['sections.0.fields.0.validation.pattern:validation'],
  ],
  ['pattern of a postcode', form(text('a', { validation: { pattern: '^[0-9]{6}$' } })), []],
  [
    'pattern on a number',
    form({ key: 'a', type: 'number', label: '甲', validation: { pattern: '1' } }),
    ['sections.0.fields.0.validation.pattern:validation'],
  ],
  [
    'min above max',
    form({ key: 'a', type: 'money', label: '甲', validation: { min: 2, max: 1 } }),
    ['sections.0.fields.0.validation.min:validation'],
  ],
  [
    'minItems on text',
    form(text('a', { validation: { minItems: 1 } })),
    ['sections.0.fields.0.validation.minItems:validation'],
  ],
];

test('definition errors', () => {
  for (const [what, definition, expected] of CASES) assert.deepEqual(codes(definition), expected, what);
});

test('bindings: data elements and certificate fields', () => {
  assert.deepEqual(parseBinding('premises'), { kind: 'element', element: 'premises' });
  assert.deepEqual(parseBinding('certificate:yyzz.registeredCapital'), {
    kind: 'certificate',
    typeCode: 'yyzz',
    field: 'registeredCapital',
  });
  for (const bad of ['toString', 'certificate:yyzz', 'certificate:y.name', 'certificate:yyzz.1a', ''])
    assert.equal(parseBinding(bad), null, bad);
});
