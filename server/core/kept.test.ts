import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptFor } from './kept.ts';

test('a kept value is given until it is too old, then forgotten', () => {
  const kept = keptFor<string | null>(5000);
  kept.set('a', null, 1000);
  assert.equal(kept.get('a', 5999), null, 'null is a value kept');
  assert.equal(kept.get('a', 6000), undefined);
  assert.equal(kept.get('b', 1000), undefined);
});

test('beyond the limit the oldest kept goes first; keeping again makes an entry the newest', () => {
  const kept = keptFor<number>(5000, 2);
  kept.set('a', 1, 0);
  kept.set('b', 2, 0);
  kept.set('a', 3, 0);
  kept.set('c', 4, 0);
  assert.deepEqual(
    [...kept.entries()],
    [
      ['a', 3],
      ['c', 4],
    ],
  );
  kept.delete('a');
  assert.equal(kept.get('a', 0), undefined);
});
