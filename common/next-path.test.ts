import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNextPath } from './next-path.ts';

test('a same-site path is followed after sign-in', () => {
  assert.equal(
    safeNextPath('/apply/0b4f1c52-8a7e-4d3b-9a51-2f0c6f7f1a10'),
    '/apply/0b4f1c52-8a7e-4d3b-9a51-2f0c6f7f1a10',
  );
  assert.equal(safeNextPath('/my/cases/1?tab=materials'), '/my/cases/1?tab=materials');
  assert.equal(safeNextPath('/'), '/');
});

test('anything that could lead to another site is not', () => {
  for (const next of [
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
    'apply/1',
    '',
    '/\t/evil.example',
  ]) {
    assert.equal(safeNextPath(next), null, next);
  }
  assert.equal(safeNextPath(null), null);
  assert.equal(safeNextPath(undefined), null);
});
