import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { unindexImplementation } from '../search-index.ts';
import { listMatters, type MatterSummary, searchMatters } from './matters.ts';
import { publishFixture, withSampleCatalogue } from './testing.ts';

const t = withSampleCatalogue();
let canteen: Map<string, string> | undefined;

/** 餐饮服务许可 in the city, 新城区 and 碑林区: one basic matter, three places. */
const publishCanteen = async () => {
  if (canteen) return;
  const regions = ['610103', '610100', '610102'];
  const made = new Map<string, string>();
  for (const regionCode of regions) {
    const ids = await publishFixture(t.db, [
      {
        name: '餐饮服务许可',
        basic: '餐饮服务许可',
        departmentId: regionCode === '610100' ? t.demo.departments.市场监管局! : t.demo.districtCentre,
        regionCode,
        keywords: ['开饭店', '餐馆'],
        themes: ['business_startup'],
      },
    ]);
    made.set(regionCode, ids.get('餐饮服务许可')!);
  }
  canteen = made;
};

const grouped = (q: string, filter: Parameters<typeof searchMatters>[0]['filter'] = {}) =>
  searchMatters({ db: t.db, q, filter: { ...filter, group: 'basic' } });
const regionsOf = (m: MatterSummary | undefined) => m?.places?.map((p) => p.regionCode);

describe('search grouped by basic matter', () => {
  before(publishCanteen);
  test('a basic matter implemented in three places is one result: the city’s, with every place', async () => {
    const plain = await searchMatters({ db: t.db, q: '餐饮服务许可' });
    assert.equal(plain.items.filter((m) => m.name === '餐饮服务许可').length, 3);

    const page = await grouped('餐饮服务许可');
    const found = page.items.filter((m) => m.name === '餐饮服务许可');
    assert.equal(found.length, 1);
    const [matter] = found;
    assert.equal(matter!.regionCode, '610100');
    assert.equal(matter!.implementationId, canteen!.get('610100'));
    assert.deepEqual(regionsOf(matter), ['610100', '610102', '610103']);
    assert.deepEqual(
      matter!.places!.map((p) => p.regionName),
      ['西安市', '新城区', '碑林区'],
    );
    assert.deepEqual(
      matter!.places!.map((p) => p.implementationId),
      ['610100', '610102', '610103'].map((code) => canteen!.get(code)),
    );
    assert.match(matter!.places![2]!.regionPath, /\/610100\/610103$/);
    const {
      implementationId: _i,
      regionCode: _c,
      regionName: _n,
      regionPath: _p,
      ...facts
    } = matter!.places![0]!;
    const { promisedLimit, legalLimit, visitsRequired, realisationMode, caseType } = matter!;
    assert.deepEqual(facts, {
      departmentName: '西安市市场监督管理局',
      promisedLimit,
      legalLimit,
      visitsRequired,
      realisationMode,
      caseType,
    });
    assert.equal(page.total, new Set(page.items.map((m) => m.basicCode)).size);
  });

  test('a region filter keeps only the places within it, and answers with one of them', async () => {
    const district = await grouped('餐饮服务许可', { region: '610103', subtree: true });
    assert.equal(district.items.length, 1);
    assert.equal(district.items[0]!.implementationId, canteen!.get('610103'));
    assert.deepEqual(regionsOf(district.items[0]), ['610103']);
    const wholeCity = await grouped('身份证换领', { region: '610100', subtree: true });
    const idCard = wholeCity.items.find((m) => m.name === '居民身份证换领');
    assert.deepEqual(regionsOf(idCard), ['610100', '610102']);
  });

  test('the same basic matters as the plain search, each once, whatever the query and page size', async () => {
    const words = ['登记', '许可', '身份证', '开饭店', '社保', '营业执照', '餐饮', '不动产', '医保', '换领'];
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(words, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 6 }),
        async (picked, limit) => {
          const q = picked.join(' ');
          const plain = await searchMatters({ db: t.db, q, filter: { limit: 100 } });
          const all = await grouped(q, { limit: 100 });
          const codes = all.items.map((m) => m.basicCode);
          assert.equal(new Set(codes).size, codes.length, `${q}: a basic matter twice`);
          assert.deepEqual(new Set(codes), new Set(plain.items.map((m) => m.basicCode)), q);
          assert.equal(all.total, codes.length, q);
          for (const matter of all.items) {
            const places = plain.items.filter((m) => m.basicCode === matter.basicCode);
            assert.deepEqual(
              new Set(matter.places!.map((p) => p.implementationId)),
              new Set(places.map((m) => m.implementationId)),
              `${q}: the places of ${matter.name}`,
            );
            assert.ok(places.some((m) => m.implementationId === matter.implementationId));
          }
          // Page by page, the same basic matters in the same order.
          const paged: string[] = [];
          for (let offset = 0; offset < all.total; offset += limit) {
            const page = await grouped(q, { limit, offset });
            assert.equal(page.total, all.total, `${q} at ${offset}`);
            paged.push(...page.items.map((m) => m.basicCode));
          }
          assert.deepEqual(paged, codes, q);
        },
      ),
      { numRuns: 25, seed: 2026 },
    );
  });

  test('when the leading place of a basic matter is withdrawn, the others still find it', async () => {
    const idCards = (await grouped('居民身份证换领')).items.filter((m) => m.name === '居民身份证换领');
    assert.equal(idCards.length, 1);
    const city = idCards[0]!.implementationId;
    const leads = await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM published_matter_terms
      WHERE implementation_id = ${city} AND lead`);
    assert.ok(leads.rows[0]!.n > 0, 'the city’s implementation leads its words');
    await t.db.transaction((tx) => unindexImplementation({ tx, implementationId: city }));
    const after = (await grouped('居民身份证换领')).items.filter((m) => m.name === '居民身份证换领');
    assert.equal(after.length, 1);
    assert.equal(after[0]!.regionCode, '610102');
    assert.deepEqual(regionsOf(after[0]), ['610102']);
  });
});

describe('browsing grouped by basic matter', () => {
  before(publishCanteen);
  /** 一般户外广告设置许可, first by name, in 45 places: more than the first rows of a page of two hold. */
  before(async () => {
    const departments = Object.values(t.demo.departments);
    await publishFixture(
      t.db,
      ['610100', '610102', '610103'].flatMap((regionCode) =>
        departments.map((departmentId) => ({
          name: '一般户外广告设置许可',
          basic: '一般户外广告设置许可',
          departmentId,
          regionCode,
        })),
      ),
    );
  });

  test('each basic matter once, by name, with its places; the total counts basic matters', async () => {
    const plain = await listMatters({ db: t.db, filter: { limit: 100 } });
    const page = await listMatters({ db: t.db, filter: { limit: 100, group: 'basic' } });
    const codes = page.items.map((m) => m.basicCode);
    assert.equal(new Set(codes).size, codes.length);
    assert.deepEqual(new Set(codes), new Set(plain.items.map((m) => m.basicCode)));
    assert.equal(page.total, codes.length);
    const names = page.items.map((m) => m.name);
    assert.deepEqual(names, [...names].sort());
    const food = page.items.find((m) => m.name === '餐饮服务许可');
    assert.deepEqual(regionsOf(food), ['610100', '610102', '610103']);
    const second = await listMatters({ db: t.db, filter: { limit: 3, offset: 3, group: 'basic' } });
    assert.deepEqual(
      second.items.map((m) => m.basicCode),
      codes.slice(3, 6),
    );
  });

  test('page by page, the same basic matters in the same order as all at once', async () => {
    const all = await listMatters({ db: t.db, filter: { limit: 100, group: 'basic' } });
    assert.equal(all.items[0]!.name, '一般户外广告设置许可');
    assert.equal(all.items[0]!.places!.length, 45);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.nat(all.total + 1), async (limit, offset) => {
        const page = await listMatters({ db: t.db, filter: { limit, offset, group: 'basic' } });
        assert.equal(page.total, all.total);
        assert.deepEqual(
          page.items.map((m) => m.basicCode),
          all.items.slice(offset, offset + limit).map((m) => m.basicCode),
          `${limit} from ${offset}`,
        );
      }),
      { numRuns: 40, seed: 2027, examples: [[2, 0]] },
    );
  });

  test('the places of one basic matter, by its code', async () => {
    const [matter] = (await grouped('餐饮服务许可')).items;
    const places = await listMatters({ db: t.db, filter: { basicCode: matter!.basicCode } });
    assert.deepEqual(new Set(places.items.map((m) => m.implementationId)), new Set(canteen!.values()));
  });
});
