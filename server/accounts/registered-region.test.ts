import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signInApplicant } from '../cases/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, signIn } from '../testing/factories.ts';
import { signInAs } from './testing.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp({ demo: true });
});
after(async () => {
  await t?.close();
});

const me = async (who: {
  request: (o: { method: 'GET'; url: string }) => Promise<{ json: () => unknown }>;
}) =>
  ((await who.request({ method: 'GET', url: '/api/auth/me' })).json() as { user: Record<string, unknown> })
    .user;

test('an applicant’s registered region comes with /auth/me: a company’s 住所 from the legal-entity base', async () => {
  const company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
  assert.deepEqual((await me(company)).region, {
    code: '610102',
    name: '新城区',
    path: '610000/610100/610102',
  });
});

test('none when the bases do not know the applicant or the region; none for staff', async () => {
  // The demo person's 户籍地 is 北京市朝阳区 (110105), outside the regions the platform serves.
  const person = await signInApplicant(t.app, 'person', '11010519491231002X');
  assert.equal((await me(person)).region, null);
  const stranger = await signIn(t.app, await buildApplicant(t.db.db, { kind: 'person' }));
  assert.equal((await me(stranger)).region, null);
  const clerk = await signInAs(t.app, 'clerk', 'demo1234');
  assert.equal('region' in (await me(clerk)), false);
});
