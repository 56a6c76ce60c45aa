import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.ts';

let t: TestApp;

before(async () => {
  t = await createTestApp({ demo: true });
});
after(async () => {
  await t?.close();
});

test('the demo portal’s hot searches: the most searched that find a matter, not 公积金提取', async () => {
  const hot = await t.app.inject({ method: 'GET', url: '/api/catalogue/hot-searches' });
  assert.equal(hot.statusCode, 200);
  const { terms } = hot.json() as { terms: string[] };
  assert.deepEqual(terms.slice(0, 3), ['开饭店', '营业执照', '二手房过户']);
  assert.equal(terms.length, 8);
  assert.ok(!terms.includes('公积金提取'), terms.join('、'));
  const nothing = await t.app.inject({
    method: 'GET',
    url: `/api/catalogue/search?q=${encodeURIComponent('公积金提取')}`,
  });
  assert.equal(nothing.json().total, 0, '公积金提取 finds nothing in the demo catalogue');
  for (const term of terms) {
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/catalogue/search?q=${encodeURIComponent(term)}`,
    });
    assert.ok(found.json().total > 0, term);
  }
});
