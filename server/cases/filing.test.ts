import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type Browser, TEST_AUDIT } from '../accounts/testing.ts';
import { importImplementations } from '../catalogue/import.ts';
import { implementations } from '../catalogue/tables.ts';
import { sampleBasicMatter, sampleDocument } from '../catalogue/testing.ts';
import { retireImplementation } from '../catalogue/versions.ts';
import { organisations } from '../organisations/tables.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { signInApplicant } from './testing.ts';

let t: TestApp;
let company: Browser;
let market: string;

before(async () => {
  t = await createTestApp({ demo: true });
  const [row] = await t.db.db.select().from(organisations).where(eq(organisations.shortName, '市场监管局'));
  market = row!.id;
  company = await signInApplicant(t.app, 'company', '91350100M000100Y43');
});
after(async () => {
  await t?.close();
});

const CODE = '11610100MB00000F00001';
const publish = (name: string) =>
  importImplementations({
    db: t.db.db,
    audit: TEST_AUDIT,
    publish: true,
    items: [
      {
        basicMatter: sampleBasicMatter({ code: '000101299001' }),
        code: CODE,
        organisationId: market,
        regionCode: '610100',
        document: sampleDocument({ name }),
      },
    ],
  });

const apply = (implementationId: string) =>
  company.request({ method: 'POST', url: '/api/cases', payload: { implementationId } });

test('a new published version or a retirement in this process applies to the next application at once', async () => {
  await publish('食品经营许可（第一版）');
  const [impl] = await t.db.db.select().from(implementations).where(eq(implementations.code, CODE));
  const first = await apply(impl!.id);
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().matterName, '食品经营许可（第一版）');

  await publish('食品经营许可（第二版）');
  const second = await apply(impl!.id);
  assert.equal(second.statusCode, 201, second.body);
  assert.equal(second.json().matterName, '食品经营许可（第二版）', 'filed under the version published since');

  await retireImplementation({ db: t.db.db, audit: TEST_AUDIT, implementationId: impl!.id });
  const refused = await apply(impl!.id);
  assert.equal(refused.statusCode, 404, refused.body);
});
