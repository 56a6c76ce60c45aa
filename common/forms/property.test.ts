import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { withCreditCheckCharacter } from '../identity.ts';
import type { FormDefinition, FormField } from './schema.ts';
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
        { minLength: 1, maxLength: v.maxItems ?? 10 },
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
