import assert from 'node:assert/strict';
import test from 'node:test';
import { isSafePattern } from './pattern-safety.ts';

test('patterns of real forms are safe', () => {
  for (const pattern of [
    '^[0-9]{6}$',
    '^\\p{Script=Han}{2,20}$',
    '[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2})?',
    '[0-9]{1,3}(\\.[0-9]{1,2})?%?',
    '(\\d{4}-)+\\d{4}',
    '[^@\\s]+@[^@\\s]+\\.[^@\\s]+',
    '长期|[1-9][0-9]?年',
    'a/b',
  ])
    assert.equal(isSafePattern(pattern), true, pattern);
});

test('nested repetition is refused', () => {
  for (const pattern of ['(a+)+$', '^(\\d+)*$', '(\\d{1,3},?)*', '((ab)*c)+', '(x*y?){2,}'])
    assert.equal(isSafePattern(pattern), false, pattern);
});
