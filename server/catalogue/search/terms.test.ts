import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { seedDemoOrganisations } from '../../demo/organisations.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { buildStaff, signIn } from '../../testing/factories.ts';
import { sampleCatalogue } from './sample-catalogue.ts';
import { seedSynonyms } from './synonyms.ts';
import { countedTerm, mostSearched, TERMS_PER_DAY, writeSearchCounts } from './terms.ts';
import { publishFixture } from './testing.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp();
  const audit = { actor: null, role: 'system', clientAddress: null, requestId: 'search-terms' };
  const demo = await seedDemoOrganisations({ db: t.db.db, audit });
  await seedSynonyms(t.db.db);
  await publishFixture(t.db.db, sampleCatalogue(demo.departments, demo.districtCentre));
});
after(async () => {
  await t?.close();
});

const db = () => t.app.deps.database.db;
const search = (q: string, more = '') =>
  t.app.inject({ method: 'GET', url: `/api/catalogue/search?q=${encodeURIComponent(q)}${more}` });
const counts = async () =>
  new Map(
    (
      await db().execute<{ term: string; count: number }>(sql`SELECT term, count FROM search_term_counts
        WHERE day = (now() AT TIME ZONE 'Asia/Shanghai')::date`)
    ).rows.map((r) => [r.term, r.count]),
  );
const clear = () => db().execute(sql`DELETE FROM search_term_counts`);

describe('what is counted of a search', () => {
  test('the words, tidied; never what could name a person or a company', () => {
    assert.equal(countedTerm('  营业执照 '), '营业执照');
    assert.equal(countedTerm('二手房   过户'), '二手房 过户');
    assert.equal(countedTerm('ＳＣ认证'), 'sc认证');
    assert.equal(countedTerm('社'), null);
    assert.equal(countedTerm('食品经营许可食品经营许可食品经营许可食品经'), null);
    for (const personal of [
      '610102199003071234',
      '13800001234',
      '91350100M000100Y43',
      'zhang.san@example.com',
      '查询 XA20260301-00012',
      '!!!',
    ]) {
      assert.equal(countedTerm(personal), null, personal);
    }
  });

  test('nothing counted holds five digits in a row or more than 20 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(99_999_999), (text, n) => {
        for (const q of [text, `${text}${n}`, `${n}${text}`]) {
          const term = countedTerm(q);
          if (term === null) continue;
          assert.ok(!/\d{5,}/.test(term), term);
          assert.ok([...term].length <= 20 && [...term].length >= 2, term);
          assert.equal(term, term.trim());
        }
      }),
      { numRuns: 500, seed: 30 },
    );
  });
});

describe('hot searches', () => {
  test('first pages of citizens’ searches are counted per day, without who searched', async () => {
    await clear();
    for (let i = 0; i < 3; i += 1) assert.equal((await search('营业执照')).statusCode, 200);
    await search('营业执照', '&offset=10');
    await search('营业执照', '&limit=5&group=basic');
    await search('13800001234');
    const clerk = await buildStaff(t.db.db, { role: 'window_clerk' });
    const staff = await signIn(t.app, clerk);
    await staff.request({ method: 'GET', url: `/api/catalogue/search?q=${encodeURIComponent('营业执照')}` });
    assert.deepEqual(await counts(), new Map(), 'nothing written before the counts are');
    await writeSearchCounts(db());
    assert.deepEqual(await counts(), new Map([['营业执照', 4]]));
    const columns = await db().execute<{ column_name: string }>(sql`SELECT column_name
      FROM information_schema.columns WHERE table_name = 'search_term_counts' ORDER BY column_name`);
    assert.deepEqual(
      columns.rows.map((r) => r.column_name),
      ['count', 'day', 'term'],
    );
  });

  test('the most searched of 30 days that find a matter, most searched first', async () => {
    await clear();
    const searched: [string, number][] = [
      ['公积金提取', 9],
      ['社保', 6],
      ['营业执照', 4],
      ['开饭店', 2],
    ];
    for (const [q, times] of searched) for (let i = 0; i < times; i += 1) await search(q);
    await writeSearchCounts(db());
    // Searched long ago: outside the 30 days.
    await db().execute(sql`INSERT INTO search_term_counts (day, term, count)
      VALUES ((now() AT TIME ZONE 'Asia/Shanghai')::date - 30, '婚姻登记', 100),
        ((now() AT TIME ZONE 'Asia/Shanghai')::date - 29, '开饭店', 3)`);
    assert.deepEqual(await mostSearched(db()), ['社保', '开饭店', '营业执照']);
    assert.deepEqual(await mostSearched(db(), 2), ['社保', '开饭店']);
    const answer = await t.app.inject({ method: 'GET', url: '/api/catalogue/hot-searches' });
    assert.equal(answer.statusCode, 200);
    assert.deepEqual(answer.json(), { terms: ['社保', '开饭店', '营业执照'] });
    assert.equal(answer.headers['cache-control'], 'public, max-age=60');
  });

  test('a day counts at most a bounded number of terms; older days are deleted', async () => {
    await clear();
    await db().execute(sql`INSERT INTO search_term_counts (day, term, count)
      SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date, '词' || i, 1 FROM generate_series(1, ${TERMS_PER_DAY}) i`);
    await db().execute(sql`INSERT INTO search_term_counts (day, term, count)
      VALUES ((now() AT TIME ZONE 'Asia/Shanghai')::date - 40, '社保', 5)`);
    await search('词7');
    await search('一个新词');
    await writeSearchCounts(db());
    const today = await counts();
    assert.equal(today.size, TERMS_PER_DAY);
    assert.equal(today.get('词7'), 2);
    assert.equal(today.has('一个新词'), false);
    const old = await db().execute(sql`SELECT 1 FROM search_term_counts
      WHERE day < (now() AT TIME ZONE 'Asia/Shanghai')::date - 30`);
    assert.equal(old.rows.length, 0);
  });

  test('random searches are answered without a 5xx and counted only as tidy terms', async () => {
    await clear();
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.constantFrom('', '&group=basic', '&offset=3', '&group=all', '&limit=0'),
        async (q, more) => {
          const res = await search(q, more);
          assert.ok([200, 400].includes(res.statusCode), `${res.statusCode} ${res.body}`);
          const hot = await t.app.inject({ method: 'GET', url: `/api/catalogue/hot-searches?x=${more}` });
          assert.ok([200, 400].includes(hot.statusCode), `${hot.statusCode} ${hot.body}`);
        },
      ),
      { numRuns: 60, seed: 31 },
    );
    await writeSearchCounts(db());
    for (const term of (await counts()).keys()) assert.equal(countedTerm(term), term);
  });
});
