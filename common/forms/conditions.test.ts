import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holds, isEmpty, shownFields } from './conditions.ts';
import type { Condition } from './schema.ts';

const values: Record<string, unknown> = {
  category: 'canteen',
  items: ['hot', 'cold'],
  online: false,
  area: 0,
  blank: '  ',
  none: [],
};
const lookup = (key: string) => values[key];

/** [condition, whether it holds over `values`] */
const CASES: [Condition, boolean][] = [
  [{ field: 'category', equals: 'canteen' }, true],
  [{ field: 'category', equals: 'retail' }, false],
  [{ field: 'items', equals: 'cold' }, true],
  [{ field: 'items', equals: 'prepacked' }, false],
  [{ field: 'online', equals: false }, true],
  [{ field: 'area', equals: 0 }, true],
  [{ field: 'category', in: ['retail', 'canteen'] }, true],
  [{ field: 'items', in: ['prepacked', 'hot'] }, true],
  [{ field: 'missing', in: ['x'] }, false],
  [{ field: 'online', notEmpty: true }, true],
  [{ field: 'area', notEmpty: true }, true],
  [{ field: 'blank', notEmpty: true }, false],
  [{ field: 'none', notEmpty: true }, false],
  [{ not: { field: 'missing', notEmpty: true } }, true],
  [
    {
      and: [
        { field: 'category', equals: 'canteen' },
        { field: 'online', equals: false },
      ],
    },
    true,
  ],
  [
    {
      and: [
        { field: 'category', equals: 'canteen' },
        { field: 'online', equals: true },
      ],
    },
    false,
  ],
  [{ or: [{ field: 'online', equals: true }, { not: { field: 'items', equals: 'hot' } }] }, false],
  [
    {
      or: [
        { and: [{ field: 'online', equals: true }] },
        {
          not: {
            or: [
              { field: 'blank', notEmpty: true },
              { field: 'category', in: ['retail'] },
            ],
          },
        },
      ],
    },
    true,
  ],
];

test('conditions: equals, in, notEmpty, nested and / or / not', () => {
  for (const [condition, expected] of CASES)
    assert.equal(holds(condition, lookup), expected, JSON.stringify(condition));
});

test('a malformed condition does not hold', () => {
  for (const bad of [null, {}, { and: 'x' }, { field: 1, equals: 1 }, { field: 'category' }])
    assert.equal(holds(bad as unknown as Condition, lookup), false, JSON.stringify(bad));
});

test('empty values', () => {
  for (const empty of [undefined, null, '', ' \n', [], {}, { from: '', to: null }])
    assert.equal(isEmpty(empty), true);
  for (const given of [0, false, 'x', ['x'], { from: '2026-01-01' }]) assert.equal(isEmpty(given), false);
});

test('a field read by a condition is empty while hidden; a cycle hides its fields', () => {
  const fields = [
    { key: 'a' },
    { key: 'b', shownWhen: { field: 'a', equals: 'yes' } },
    { key: 'c', shownWhen: { field: 'b', notEmpty: true } },
    { key: 'x', shownWhen: { field: 'y', notEmpty: true } },
    { key: 'y', shownWhen: { field: 'x', notEmpty: true } },
  ] as const;
  const given: Record<string, unknown> = { a: 'no', b: 'filled', c: 'filled', x: 1, y: 1 };
  assert.deepEqual([...shownFields(fields, (k) => given[k])], ['a']);
  given.a = 'yes';
  assert.deepEqual([...shownFields(fields, (k) => given[k])].sort(), ['a', 'b', 'c']);
});
