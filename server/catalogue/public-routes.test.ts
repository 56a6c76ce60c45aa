import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedDemoOrganisations } from '../demo/organisations.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { qrImages, showsQrCode } from '../testing/pdf.ts';
import { guidePageUrl } from './guide-pdf.ts';
import { sampleCatalogue } from './search/sample-catalogue.ts';
import { seedSynonyms } from './search/synonyms.ts';
import { publishFixture } from './search/testing.ts';

let t: TestApp;
let ids: Map<string, string>;

before(async () => {
  t = await createTestApp();
  const audit = { actor: null, role: 'system', clientAddress: null, requestId: 'public-routes' };
  const demo = await seedDemoOrganisations({ db: t.db.db, audit });
  await seedSynonyms(t.db.db);
  ids = await publishFixture(t.db.db, sampleCatalogue(demo.departments, demo.districtCentre));
});
after(async () => {
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

test('search without signing in: the expected matter first, with the summary fields', async () => {
  const response = await get(`/api/catalogue/search?q=${encodeURIComponent('二手房过户')}&limit=3`);
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.items[0].name, '不动产转移登记');
  assert.equal(body.items[0].departmentName, '西安市不动产登记中心');
  assert.equal(body.items[0].implementationId, ids.get('不动产转移登记'));
  assert.ok(body.total >= 1);
  const empty = await get('/api/catalogue/search?q=');
  assert.deepEqual(empty.json(), { items: [], total: 0 });
});

test('bad filters are a 400 naming the field', async () => {
  for (const [query, field] of [
    ['q=x&region=abc', 'region'],
    ['q=x&mode=sometimes', 'mode'],
    ['q=x&departmentId=42', 'departmentId'],
    ['q=x&limit=1000', 'limit'],
    ['q=x&colour=red', 'colour'],
    ['q=x&group=region', 'group'],
    ['q=x&basicCode=abc', 'basicCode'],
  ] as const) {
    const response = await get(`/api/catalogue/search?${query}`);
    assert.equal(response.statusCode, 400, query);
    assert.match(JSON.stringify(response.json().error), new RegExp(field), query);
  }
  const unknownRegion = await get('/api/catalogue/matters?region=990000&subtree=true');
  assert.equal(unknownRegion.statusCode, 400);
  assert.equal(unknownRegion.json().error.field, 'region');
});

test('search and browse grouped by basic matter: one result per basic matter, with its places', async () => {
  const response = await get(`/api/catalogue/search?q=${encodeURIComponent('居民身份证换领')}&group=basic`);
  assert.equal(response.statusCode, 200);
  const found = response.json().items.filter((m: { name: string }) => m.name === '居民身份证换领') as {
    regionCode: string;
    places: { regionCode: string; regionName: string; implementationId: string }[];
  }[];
  assert.equal(found.length, 1);
  assert.equal(found[0]!.regionCode, '610100');
  assert.deepEqual(
    found[0]!.places.map((p) => p.regionName),
    ['西安市', '新城区'],
  );
  const browse = await get('/api/catalogue/matters?object=person&group=basic&limit=100');
  assert.equal(browse.statusCode, 200);
  const names = browse.json().items.map((m: { name: string }) => m.name);
  assert.equal(names.filter((n: string) => n === '居民身份证换领').length, 1);
  assert.equal(browse.json().total, names.length);
});

test('browse by theme and service object, ordered by name', async () => {
  const response = await get('/api/catalogue/matters?theme=housing&object=person');
  assert.equal(response.statusCode, 200);
  assert.deepEqual(
    response.json().items.map((m: { name: string }) => m.name),
    ['不动产转移登记', '不动产首次登记'].sort(),
  );
});

test('a published guide; 404 for a draft or an unknown id', async () => {
  const response = await get(`/api/catalogue/guides/${ids.get('食品经营许可')}`);
  assert.equal(response.statusCode, 200);
  const guide = response.json();
  assert.equal(guide.document.name, '食品经营许可');
  assert.equal(guide.department.name, '西安市市场监督管理局');
  assert.equal(guide.region.name, '西安市');
  assert.equal(guide.versionNo, 1);
  assert.equal(guide.basicMatter.matterType, 'licensing');
  assert.ok(guide.document.materials.some((m: { name: string }) => m.name === '营业执照'));
  const draft = await get(`/api/catalogue/guides/${ids.get('餐饮服务单位油烟排放登记')}`);
  assert.equal(draft.statusCode, 404);
  assert.equal(draft.json().error.code, 'resource.not_found');
  const unknown = await get('/api/catalogue/guides/00000000-0000-4000-8000-000000000000/pdf');
  assert.equal(unknown.statusCode, 404);
  assert.equal((await get('/api/catalogue/guides/not-an-id')).statusCode, 400);
});

test('the PDF guide: a PDF with an embedded subset of the Chinese font and a QR code to the guide page', async () => {
  const id = ids.get('食品经营许可')!;
  const response = await get(`/api/catalogue/guides/${id}/pdf`, { host: 'yiwang.example.cn' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers['content-type'], 'application/pdf');
  assert.match(
    String(response.headers['content-disposition']),
    /filename\*=UTF-8''.*%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97\.pdf/,
  );
  const pdf = response.rawPayload;
  const text = pdf.toString('latin1');
  assert.ok(text.startsWith('%PDF-'));
  assert.ok(text.trimEnd().endsWith('%%EOF'));
  assert.match(text, /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/, 'a subset of Noto Sans SC');
  assert.match(text, /\/FontFile3/, 'the font program is embedded');
  assert.ok(pdf.length < 400_000, `a subset, not the 8 MB font (${pdf.length} bytes)`);
  const url = guidePageUrl('http://yiwang.example.cn', id);
  assert.equal(url, `http://yiwang.example.cn/guide/${id}`);
  const images = qrImages(pdf);
  assert.equal(images.length, 1, 'one QR code image');
  assert.ok(showsQrCode(images[0]!, url), 'the QR code opens the guide page');
  assert.ok(!showsQrCode(images[0]!, guidePageUrl('http://other.example.cn', id)), 'and no other address');
});

test('statistics and themes are public', async () => {
  const stats = await get('/api/catalogue/statistics?region=610100&subtree=true');
  assert.equal(stats.statusCode, 200);
  const body = stats.json();
  assert.equal(body.matters, 15);
  assert.ok(body.atMostOnceShare > 0 && body.atMostOnceShare <= 1);
  assert.equal(body.byRegion.length, 2);
  const themes = await get('/api/catalogue/themes');
  assert.equal(themes.statusCode, 200);
  const housing = themes.json().find((x: { theme: string }) => x.theme === 'housing');
  assert.deepEqual(housing, { theme: 'housing', label: '住房', object: 'person', count: 2 });
});
