import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { searchSynonyms } from '../tables.ts';
import { listMatters, searchMatters } from './matters.ts';
import { withSampleCatalogue } from './testing.ts';

const t = withSampleCatalogue();

const topThree = async (q: string) =>
  (await searchMatters({ db: t.db, q, filter: { limit: 3 } })).items.map((m) => m.name);

describe('search relevance: the expected matter among the first three', () => {
  const expectations: [query: string, expected: string][] = [
    ['开饭店', '食品经营许可'],
    ['营业执照', '企业设立登记'],
    ['二手房过户', '不动产转移登记'],
    ['公章', '公章刻制备案'],
    ['刻章', '公章刻制备案'],
    ['社保', '社保登记'],
    ['身份证', '居民身份证换领'],
    ['我想办理结婚', '婚姻登记'],
    ['医保', '城镇职工医保参保登记'],
    ['办执照', '企业设立登记'],
    ['施工许可证', '建筑工程施工许可证核发'],
    ['排水许可', '城镇污水排入排水管网许可'],
    ['食品经营许可证', '食品经营许可'],
  ];
  for (const [query, expected] of expectations) {
    test(`${query} → ${expected}`, async () => {
      const names = await topThree(query);
      assert.ok(names.includes(expected), `${query}: got ${names.join('、') || '(nothing)'}`);
    });
  }

  test('matters about a thing come before (and without) those that merely ask for it', async () => {
    const { items } = await searchMatters({ db: t.db, q: '营业执照' });
    const names = items.map((m) => m.name);
    assert.equal(names[0], '企业设立登记');
    assert.ok(
      !names.includes('社保登记'),
      'a matter that lists 营业执照 among its materials is not a result',
    );
  });

  test('guide text is searched when no name, keyword or department matches', async () => {
    const { items } = await searchMatters({ db: t.db, q: '食品安全管理制度' });
    assert.equal(items[0]?.name, '食品经营许可');
  });

  test('a name weighs more than a keyword, even a longer name', async () => {
    // 参保: in the name of 城镇职工医保参保登记, a keyword (单位参保) of the shorter 社保登记.
    const { items } = await searchMatters({ db: t.db, q: '参保' });
    assert.deepEqual(
      items.map((m) => m.name),
      ['城镇职工医保参保登记', '社保登记'],
    );
  });

  test('a department name finds that department’s matters first', async () => {
    const { items } = await searchMatters({ db: t.db, q: '公安局', filter: { limit: 3 } });
    assert.deepEqual(items.map((m) => m.name).sort(), ['公章刻制备案', '居民身份证换领'].sort());
    for (const item of items) assert.equal(item.departmentName, '西安市公安局');
    const { items: market } = await searchMatters({ db: t.db, q: '市场监督管理局', filter: { limit: 3 } });
    assert.deepEqual(new Set(market.map((m) => m.departmentName)), new Set(['西安市市场监督管理局']));
  });
});

describe('search results', () => {
  test('empty, punctuation-only and unknown queries give an empty page, not an error', async () => {
    for (const q of ['', '   ', '！？。…', '\'"&|!():*', '的了', 'zzzzqqq']) {
      assert.deepEqual(
        await searchMatters({ db: t.db, q }),
        { items: [], total: 0 },
        `query ${JSON.stringify(q)}`,
      );
    }
  });

  test('drafts are not found', async () => {
    const { items } = await searchMatters({ db: t.db, q: '油烟' });
    assert.equal(items.length, 0);
    const { items: food } = await searchMatters({ db: t.db, q: '开饭店' });
    assert.ok(!food.some((m) => m.name.includes('油烟')));
  });

  test('a summary carries what a result line shows', async () => {
    const [first] = (await searchMatters({ db: t.db, q: '公章刻制备案' })).items;
    assert.ok(first);
    assert.equal(first.implementationId, t.ids.get('公章刻制备案'));
    assert.equal(first.departmentName, '西安市公安局');
    assert.equal(first.regionName, '西安市');
    assert.equal(first.realisationMode, 'fully_online');
    assert.equal(first.onlineAvailable, true);
    assert.equal(first.legalLimit, 1);
    assert.equal(first.promisedLimit, 0);
    assert.equal(first.matterType, 'other_power');
    assert.match(first.basicCode, /^\d+$/);
  });

  test('filters: region with and without subtree, service object, mode, theme, department', async () => {
    const q = '身份证换领';
    const all = await searchMatters({ db: t.db, q });
    assert.equal(all.items.filter((m) => m.name === '居民身份证换领').length, 2);
    const city = await searchMatters({ db: t.db, q, filter: { region: '610100' } });
    assert.deepEqual(
      city.items.filter((m) => m.name === '居民身份证换领').map((m) => m.regionCode),
      ['610100'],
    );
    const subtree = await searchMatters({ db: t.db, q, filter: { region: '610100', subtree: true } });
    assert.equal(subtree.items.filter((m) => m.name === '居民身份证换领').length, 2);
    const district = await searchMatters({ db: t.db, q, filter: { region: '610102', subtree: true } });
    assert.deepEqual(
      district.items.map((m) => m.regionName),
      district.items.map(() => '新城区'),
    );

    const persons = await searchMatters({ db: t.db, q: '登记', filter: { object: 'person', limit: 50 } });
    assert.ok(persons.items.length > 0);
    for (const m of persons.items) assert.ok(['person', 'both'].includes(m.serviceObject), m.name);
    assert.ok(
      persons.items.some((m) => m.name === '不动产转移登记'),
      'matters for both count for persons',
    );

    const online = await searchMatters({ db: t.db, q: '登记', filter: { mode: 'fully_online', limit: 50 } });
    assert.deepEqual(
      online.items.map((m) => m.name).sort(),
      ['企业设立登记', '城镇职工医保参保登记', '社保登记'].sort(),
    );

    const housing = await searchMatters({ db: t.db, q: '登记', filter: { theme: 'housing' } });
    assert.deepEqual(housing.items.map((m) => m.name).sort(), ['不动产转移登记', '不动产首次登记'].sort());

    const police = await searchMatters({
      db: t.db,
      q: '身份证',
      filter: { departmentId: t.demo.departments.公安局 },
    });
    assert.ok(police.items.some((m) => m.name === '居民身份证换领'));
    for (const m of police.items) assert.equal(m.departmentName, '西安市公安局', m.name);
  });

  test('paging keeps the total', async () => {
    const first = await searchMatters({ db: t.db, q: '登记', filter: { limit: 2 } });
    assert.equal(first.items.length, 2);
    assert.ok(first.total > 2);
    const beyond = await searchMatters({ db: t.db, q: '登记', filter: { limit: 2, offset: 500 } });
    assert.deepEqual(beyond, { items: [], total: first.total });
  });

  test('a synonym added or removed in data counts from the next search on', async () => {
    const before = await topThree('撸串');
    assert.ok(!before.includes('食品经营许可'), before.join('、'));
    await t.db.insert(searchSynonyms).values({ term: '撸串', synonyms: ['食品经营许可'] });
    assert.equal((await topThree('撸串'))[0], '食品经营许可');
    await t.db.delete(searchSynonyms).where(eq(searchSynonyms.term, '撸串'));
    assert.deepEqual(await topThree('撸串'), before);
  });
});

describe('browsing', () => {
  test('lists published matters by name with the same filters', async () => {
    const { items, total } = await listMatters({ db: t.db, filter: { limit: 100 } });
    assert.equal(total, 15);
    const names = items.map((m) => m.name);
    assert.deepEqual(names, [...names].sort());
    assert.ok(!names.includes('餐饮服务单位油烟排放登记'));
    const company = await listMatters({ db: t.db, filter: { theme: 'business_startup', object: 'company' } });
    assert.deepEqual(
      company.items.map((m) => m.name).sort(),
      ['企业设立登记', '公章刻制备案', '食品经营许可'].sort(),
    );
  });
});
