import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Static } from 'typebox';
import type { StationsAnswer } from '../../common/stations/api.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildHall, buildOrganisation } from '../testing/factories.ts';

/** 身边的政务服务站 on the demo data: by region, by an address's area, by a position. */

type Answer = Static<typeof StationsAnswer>;

let t: TestApp;

before(async () => {
  t = await createTestApp({ demo: true });
});
after(async () => {
  await t?.close();
});

async function stations(query: Record<string, string>): Promise<Answer> {
  const res = await t.app.inject({ method: 'GET', url: '/api/stations', query });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Answer;
}

const names = (a: Answer) => a.items.map((s) => s.name);

test('a region lists the halls of its centres and stations, each with hours, phone and the matters handed in there', async () => {
  const xiyilu = await stations({ region: '610102001' });
  assert.equal(xiyilu.rankedBy, 'region');
  assert.deepEqual(names(xiyilu), ['西一路街道便民服务大厅', '民乐社区便民服务站', '红会社区便民服务站']);
  const [street, minle] = xiyilu.items;
  assert.equal(street!.kind, 'street_centre');
  assert.equal(minle!.kind, 'community_station');
  assert.equal(minle!.organisationName, '西一路街道民乐社区便民服务站');
  assert.match(minle!.openingHours, /周六/);
  assert.ok(minle!.phone);
  assert.equal(minle!.distanceKm, null, 'no position asked for, no distance');
  assert.ok(
    street!.matters.count > minle!.matters.count,
    'the street centre takes more matters than a station',
  );
  assert.ok(
    minle!.matters.count > 0 && minle!.matters.first.length > 0,
    'the station takes 社保 and 医保 matters',
  );

  const xincheng = names(await stations({ region: '610102' }));
  assert.equal(xincheng.length, 8, 'the district centre, five street centres, two community stations');
  assert.equal(xincheng[0], '新城区政务服务大厅', 'the district comes before its streets');
  assert.ok(!xincheng.includes('西安市政务服务大厅'));
  const city = names(await stations({ region: '610100' }));
  assert.ok(city.includes('西安市政务服务大厅') && city.includes('韩森寨街道便民服务大厅'));
});

test('an address in 西一路街道 lists that street’s stations first, its own centre nearest', async () => {
  const answer = await stations({ address: '西安市新城区西一路街道尚朴社区东七路 9 号' });
  assert.equal(answer.rankedBy, 'address');
  assert.deepEqual(answer.area, { code: '610102001005', name: '尚朴社区', level: 'community' });
  assert.deepEqual(names(answer).slice(0, 3), [
    '西一路街道便民服务大厅',
    '红会社区便民服务站',
    '民乐社区便民服务站',
  ]);
  assert.equal(answer.items[0]!.distanceKm, 0);
  assert.ok(answer.items[1]!.distanceKm! <= answer.items[2]!.distanceKm!);
  assert.equal(answer.items[3]!.regionCode.slice(0, 6), '610102', 'then the rest of 新城区');

  // The street's name without 街道, as addresses write it.
  const short = await stations({ address: '新城区西一路218号' });
  assert.equal(short.area?.code, '610102001');
  assert.equal(short.items[0]!.name, '西一路街道便民服务大厅');
});

test('an address naming a community with a station lists that station first', async () => {
  const answer = await stations({ address: '红会社区 3 号院' });
  assert.equal(answer.area?.code, '610102001003');
  assert.deepEqual(names(answer).slice(0, 3), [
    '红会社区便民服务站',
    '西一路街道便民服务大厅',
    '民乐社区便民服务站',
  ]);
  const other = await stations({ address: '陕西省西安市新城区自强东路 300 号自强社区' });
  assert.equal(other.area?.name, '自强社区');
  assert.equal(other.items[0]!.name, '自强路街道便民服务大厅');
});

test('an address naming only a district lists the district’s centre first; an unknown one keeps the region order', async () => {
  const district = await stations({ address: '新城区' });
  assert.equal(district.area?.code, '610102');
  assert.equal(district.items[0]!.name, '新城区政务服务大厅');
  const unknown = await stations({ address: '火星基地 1 号', region: '610102' });
  assert.equal(unknown.rankedBy, 'region');
  assert.equal(unknown.area, null);
  assert.deepEqual(names(unknown), names(await stations({ region: '610102' })));
  const outside = await stations({ address: '西一路', region: '610103' });
  assert.equal(outside.area, null, 'the region given bounds where the address is looked for');
});

test('a position ranks by great-circle distance; halls without a position come last', async () => {
  const station = await buildOrganisation(t.db.db, { kind: 'community_station', regionCode: '610102001004' });
  await buildHall(t.db.db, { organisationId: station.id, name: '广场社区便民服务站' });
  // Beside the 民乐 station, about 1 km east of the 西一路 centre.
  const answer = await stations({ near: '34.2677,108.9610', region: '610102' });
  assert.equal(answer.rankedBy, 'position');
  assert.equal(answer.items[0]!.name, '民乐社区便民服务站');
  assert.ok(answer.items[0]!.distanceKm! < 0.1);
  const km = answer.items.map((s) => s.distanceKm);
  const known = km.filter((d): d is number => d !== null);
  assert.deepEqual(
    known,
    [...known].sort((a, b) => a - b),
  );
  assert.equal(answer.items.at(-1)!.name, '广场社区便民服务站');
  assert.equal(answer.items.at(-1)!.distanceKm, null);
  const xiyilu = answer.items.find((s) => s.name === '西一路街道便民服务大厅')!;
  assert.ok(xiyilu.distanceKm! > 0.6 && xiyilu.distanceKm! < 1, `西一路 is ${xiyilu.distanceKm} km away`);
});

test('a bad region, position or address is a 400 naming it', async () => {
  const refused = async (query: Record<string, string>, field: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/stations', query });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, field, res.body);
  };
  await refused({ region: '619999' }, 'region');
  await refused({ region: '61' }, 'region');
  await refused({ near: '95,108' }, 'near');
  await refused({ near: '34.2,190' }, 'near');
  await refused({ near: 'here' }, 'near');
  await refused({ address: '西'.repeat(101) }, 'address');
  await refused({ town: '西一路' }, 'town');
});
