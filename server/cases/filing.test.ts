import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { type Browser, TEST_AUDIT } from '../accounts/testing.ts';
import { implementations, importImplementations, retireImplementation } from '../catalogue/index.ts';
import { sampleBasicMatter, sampleDocument } from '../catalogue/testing.ts';
import { organisations } from '../organisations/index.ts';
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

const apply = (implementationId: string, key?: string) =>
  company.request({
    method: 'POST',
    url: '/api/cases',
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
    payload: { implementationId },
  });
const sequence = (caseNo: string) => Number(caseNo.slice(-6));

test('a new published version or a retirement in this process applies to the next application at once; repeats of a keyed submission draw nothing and get the same case', async () => {
  await publish('食品经营许可（第一版）');
  const [impl] = await t.db.db.select().from(implementations).where(eq(implementations.code, CODE));
  const first = await apply(impl!.id);
  assert.equal(first.statusCode, 201, first.body);
  assert.equal(first.json().matterName, '食品经营许可（第一版）');

  await publish('食品经营许可（第二版）');
  const second = await apply(impl!.id);
  assert.equal(second.statusCode, 201, second.body);
  assert.equal(second.json().matterName, '食品经营许可（第二版）', 'filed under the version published since');

  const keyed = await apply(impl!.id, 'filing-test-0001');
  assert.equal(keyed.statusCode, 201, keyed.body);
  const repeated = await apply(impl!.id, 'filing-test-0001');
  assert.equal(repeated.statusCode, 200, repeated.body);
  assert.equal(repeated.json().id, keyed.json().id, 'the same key answers with the same case');
  const next = await apply(impl!.id, 'filing-test-0002');
  assert.equal(
    sequence(next.json().caseNo),
    sequence(keyed.json().caseNo) + 1,
    'a repeated submission draws no case number',
  );

  await retireImplementation({ db: t.db.db, audit: TEST_AUDIT, implementationId: impl!.id });
  const refused = await apply(impl!.id);
  assert.equal(refused.statusCode, 404, refused.body);
  const repeatedAfter = await apply(impl!.id, 'filing-test-0001');
  assert.equal(repeatedAfter.statusCode, 200, repeatedAfter.body);
  assert.equal(
    repeatedAfter.json().id,
    keyed.json().id,
    'a repeat is answered with the case even after the retirement',
  );
});

test('five submissions with one key at once: one case, and every answer is that case', async () => {
  await publish('食品经营许可（第三版）');
  const [impl] = await t.db.db.select().from(implementations).where(eq(implementations.code, CODE));
  const answers = await Promise.all(Array.from({ length: 5 }, () => apply(impl!.id, 'filing-test-race')));
  for (const answer of answers) assert.ok([200, 201].includes(answer.statusCode), answer.body);
  assert.equal(new Set(answers.map((a) => a.json().id)).size, 1);
  assert.equal(answers.filter((a) => a.statusCode === 201).length, 1, 'one of them filed it');
  const { rows } = await t.db.pool.query('SELECT count(*)::int AS n FROM cases WHERE idempotency_key = $1', [
    'filing-test-race',
  ]);
  assert.equal(rows[0].n, 1);
});
