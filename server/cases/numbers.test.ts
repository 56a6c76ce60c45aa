import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { newQueryCode } from './numbers.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant } from './testing.ts';

let t: TestApp;
let food: string;
const who: Record<string, Browser> = {};

before(async () => {
  t = await createTestApp({ demo: true });
  const [market] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM organisations WHERE short_name = '市场监管局'")
  ).rows;
  food = await publishMatter(t.db.db, market!.id, FOOD_LICENCE);
  who.clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  who.person = await signInApplicant(t.app, 'person', '11010519491231002X');
  who.company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
});
after(async () => {
  await t?.close();
});

test('30 submissions at once in one region on one day get distinct, consecutive case numbers', async () => {
  const submitters = [who.person!, who.company!, who.clerk!];
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      submitters[i % 3]!.request({
        method: 'POST',
        url: '/api/cases',
        payload: {
          implementationId: food,
          ...(i % 3 === 2
            ? { applicant: { kind: 'person', login: '610102198001010023', displayName: '王秀英' } }
            : {}),
        },
      }),
    ),
  );
  assert.deepEqual(
    responses.map((r) => r.statusCode),
    Array.from({ length: 30 }, () => 201),
    responses.find((r) => r.statusCode !== 201)?.body ?? '',
  );
  const numbers = responses.map((r) => r.json().caseNo as string).sort();
  const prefix = numbers[0]!.slice(0, -6);
  assert.match(prefix, /^610100-\d{8}-$/);
  assert.deepEqual(
    numbers,
    Array.from({ length: 30 }, (_, i) => `${prefix}${String(i + 1).padStart(6, '0')}`),
  );
  const next = await who.person!.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: food },
  });
  assert.equal(next.json().caseNo, `${prefix}000031`, 'the next one carries on');
});

test('query codes use letters and digits that cannot be mistaken for one another', () => {
  const codes = Array.from({ length: 200 }, newQueryCode);
  for (const code of codes) assert.match(code, /^[A-HJ-NP-Z2-9]{6}$/);
  assert.ok(new Set(codes).size > 190, 'codes are random');
});
