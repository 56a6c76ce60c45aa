import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { withCreditCheckCharacter } from '../identity.ts';
import { validateFormDefinition } from './definition.ts';
import {
  type ColumnField,
  type Condition,
  FIELD_TYPES,
  type FormDefinition,
  type FormField,
} from './schema.ts';
import { FOOD_FORM, withIdCheckCharacter } from './testing.ts';
import { validateForm } from './validate.ts';

const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const CREDIT = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const day = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2049-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A value of the field that its type and rules take (for the fields of the forms below). */
function valid(field: FormField): fc.Arbitrary<unknown> {
  const v = field.validation ?? {};
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'address':
      return fc.string({ maxLength: 30 }).map((s) => `甲${s}`.slice(0, v.maxLength ?? 30).trim());
    case 'number':
      return fc.double({ min: v.min ?? -1e6, max: v.max ?? 1e6, noNaN: true });
    case 'money':
      return fc.integer({ min: 0, max: Math.round((v.max ?? 1e6) * 100) }).map((fen) => fen / 100);
    case 'date':
      return day;
    case 'dateRange':
      return fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
    case 'region':
      return fc
        .tuple(fc.constantFrom('11', '31', '61', '82'), fc.oneof(digits(4), digits(7), digits(10)))
        .map(([province, rest]) => province + rest);
    case 'choice':
      return fc.constantFrom(...field.options!.map((o) => o.value));
    case 'multiChoice':
      return fc.subarray(
        field.options!.map((o) => o.value),
        { minLength: 1, maxLength: Math.min(field.options!.length, v.maxItems ?? 10) },
      );
    case 'yesNo':
      return fc.boolean();
    case 'idNumber':
      return fc
        .tuple(fc.integer({ min: 110000, max: 659999 }), day, digits(3))
        .map(([region, d, n]) => withIdCheckCharacter(`${region}${d.replaceAll('-', '')}${n}`));
    case 'creditCode':
      return fc
        .tuple(
          fc.constantFrom('91', '92', '93', '11', '12'),
          digits(6),
          fc.string({ unit: fc.constantFrom(...CREDIT), minLength: 9, maxLength: 9 }),
        )
        .map(([a, b, c]) => withCreditCheckCharacter(a + b + c));
    case 'phone':
      return fc.oneof(
        digits(9).map((d) => `13${d}`),
        fc.tuple(digits(2), digits(7)).map(([area, n]) => `02${area.slice(0, 1)}-8${n}`),
      );
    case 'file':
      return fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
    case 'table':
      return fc.array(record(field.columns as FormField[]), {
        minLength: Math.max(1, v.minItems ?? 1),
        maxLength: v.maxItems ?? 3,
      });
  }
}

/** Values for every field (hidden ones too: they are dropped, never refused). */
const record = (fields: FormField[]) =>
  fc.record(
    Object.fromEntries(fields.map((f) => [f.key, valid(f)])) as Record<string, fc.Arbitrary<unknown>>,
  );

const fieldsOf = (form: FormDefinition) => form.sections.flatMap((s) => s.fields);

test('validateForm never throws, whatever JSON it is given', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (values) => {
      const check = validateForm(FOOD_FORM, values);
      assert.equal(check.ok, check.issues.length === 0);
    }),
    { numRuns: 2000 },
  );
  const keys = fc.constantFrom(...fieldsOf(FOOD_FORM).map((f) => f.key), '__proto__', 'constructor', 'x');
  fc.assert(
    fc.property(fc.dictionary(keys, fc.jsonValue()), (values) => {
      validateForm(FOOD_FORM, JSON.parse(JSON.stringify(values)));
    }),
    { numRuns: 2000 },
  );
});

test('values generated to satisfy the form pass and are kept', () => {
  fc.assert(
    fc.property(record(fieldsOf(FOOD_FORM)), (values) => {
      const filled = { ...values, website: 'https://example.cn' };
      const check = validateForm(FOOD_FORM, filled);
      assert.deepEqual(check.issues, [], JSON.stringify(filled));
      for (const [key, value] of Object.entries(check.values))
        if (key !== 'people') assert.deepEqual(value, (filled as Record<string, unknown>)[key], key);
    }),
    { numRuns: 500 },
  );
});

/** One field as drawn: its type, whether required, and how its conditions are made. */
const spec = fc.record({
  type: fc.constantFrom(...FIELD_TYPES.filter((t) => t !== 'table')),
  required: fc.boolean(),
  shown: fc.nat(4),
  requiredWhen: fc.nat(4),
  refs: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

const OPTIONS = [
  { value: 'a', label: '甲' },
  { value: 'b', label: '乙' },
];

/** A condition on some of the fields before (none for the first): 0 none, 1 notEmpty, 2 not, 3 and, 4 or. */
function conditionOf(kind: number, refs: number[], before: string[]): Condition | undefined {
  if (kind === 0 || before.length === 0) return undefined;
  const leaves: Condition[] = refs.map((r) => ({ field: before[r % before.length]!, notEmpty: true }));
  if (kind === 1) return leaves[0];
  if (kind === 2) return { not: leaves[0]! };
  return kind === 3 ? { and: leaves } : { or: [{ not: leaves[0]! }, ...leaves] };
}

function fieldsFrom(specs: Spec[], prefix: string, outer: string[]): FormField[] {
  return specs.map((d, i) => {
    const before = [...outer, ...specs.slice(0, i).map((_, j) => `${prefix}${j}`)];
    const field: FormField = { key: `${prefix}${i}`, type: d.type, label: `字段${i}`, required: d.required };
    const shownWhen = conditionOf(d.shown, d.refs, before);
    const requiredWhen = conditionOf(d.requiredWhen, d.refs.toReversed(), before);
    if (shownWhen) field.shownWhen = shownWhen;
    if (requiredWhen) field.requiredWhen = requiredWhen;
    if (d.type === 'choice' || d.type === 'multiChoice') field.options = OPTIONS;
    return field;
  });
}

/** Forms of 1 to 10 fields of any type, conditions on earlier fields, and maybe a table. */
const randomForm: fc.Arbitrary<FormDefinition> = fc
  .tuple(
    fc.array(spec, { minLength: 1, maxLength: 10 }),
    fc.option(fc.array(spec, { minLength: 1, maxLength: 4 })),
  )
  .map(([top, columns]) => {
    const fields = fieldsFrom(top, 'f', []);
    const outer = fields.map((f) => f.key);
    if (columns)
      fields.push({
        key: 'rows',
        type: 'table',
        label: '明细',
        columns: fieldsFrom(columns, 'c', outer) as ColumnField[],
      });
    return { sections: [{ key: 's', title: '分组', fields }] };
  });

test('random forms: a valid definition, values made to satisfy it pass, any JSON never throws', () => {
  fc.assert(
    fc.property(
      randomForm.chain((form) => fc.tuple(fc.constant(form), record(fieldsOf(form)), fc.jsonValue())),
      ([form, values, anything]) => {
        assert.deepEqual(validateFormDefinition(form), []);
        assert.deepEqual(validateForm(form, values).issues, [], JSON.stringify({ form, values }));
        validateForm(form, anything);
        validateForm(form, { ...values, rows: [anything] });
      },
    ),
    { numRuns: 500 },
  );
});
