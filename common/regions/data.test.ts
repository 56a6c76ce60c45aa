import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCreditCode, withCreditCheckCharacter } from '../identity.ts';
import { levelOfCode } from './data.ts';

test('region levels follow from the code', () => {
  assert.deepEqual(
    ['610000', '610100', '610102', '610102001', '610102001001', '6101', 'abcdef'].map(levelOfCode),
    ['province', 'city', 'district', 'street', 'community', null, null],
  );
});

test('a credit code completed with its check character validates, including a check character of 0', () => {
  assert.equal(withCreditCheckCharacter('91350100M000100Y4'), '91350100M000100Y43');
  assert.equal(withCreditCheckCharacter('91610102MA0000028'), '91610102MA00000280');
  const code = withCreditCheckCharacter('11610100MB0000001');
  assert.ok(isCreditCode(code));
  assert.ok(!isCreditCode(`${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`));
  assert.throws(() => withCreditCheckCharacter('11610100MB000000I'));
});
