import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { AuditContext } from '../audit/index.ts';
import { seedDemoOrganisations } from '../demo/organisations.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { hostileNumber, hostileString, plainString } from '../testing/fuzz/values.ts';

/**
 * Property test of GET /api/stations with random regions, positions and addresses: never a 5xx, a
 * 4xx names a code and the field, and every station listed lies in the region asked for.
 */

const audit: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'stations-fuzz' };
let t: TestApp;

before(async () => {
  t = await createTestApp();
  await seedDemoOrganisations({ db: t.db.db, audit });
});
after(() => t?.close());

const REGIONS = ['610100', '610102', '610102001', '610102001001', '610103', '619999', '110101', '6101020010'];
const ADDRESSES = ['西一路218号', '新城区红会社区', '自强东路', '新城区西一路街道尚朴社区', '中山门'];

const coordinate = fc.oneof(
  fc.double({ min: -200, max: 200, noNaN: true }).map((n) => String(n)),
  hostileNumber.map((n) => String(n)),
  hostileString(12),
);
const queryArb = fc.record(
  {
    region: fc.oneof(fc.constantFrom(...REGIONS), hostileString(12)),
    near: fc.oneof(
      fc.tuple(coordinate, coordinate).map(([a, b]) => `${a},${b}`),
      fc.constantFrom('34.27,108.95', ' 34.2677 , 108.9610 ', '90,180', '-90.5,0'),
      hostileString(30),
    ),
    address: fc.oneof(fc.constantFrom(...ADDRESSES), plainString(120), hostileString(110)),
    other: hostileString(10),
  },
  { requiredKeys: [] },
);

/** An address as people write it, in the city or the district. */
const plausible = fc.record(
  { address: fc.constantFrom(...ADDRESSES), region: fc.constantFrom('610100', '610102') },
  { requiredKeys: ['address'] },
);

test('random station look-ups: never a 5xx, refusals name the field, stations lie in the region asked for', async () => {
  const statuses = new Map<number, number>();
  const paths = new Map<string, string>();
  await fc.assert(
    fc.asyncProperty(fc.oneof(queryArb, plausible), async (query: Partial<Record<string, string>>) => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/stations',
        query: query as Record<string, string>,
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      assert.ok(
        res.statusCode < 500,
        `${JSON.stringify(query)}: ${res.statusCode} ${res.body.slice(0, 300)}`,
      );
      if (res.statusCode >= 400) {
        assert.equal(res.statusCode, 400, res.body);
        const error = res.json().error;
        assert.ok(error.code, res.body);
        assert.ok(['region', 'near', 'address', 'other', undefined].includes(error.field), res.body);
        return;
      }
      const answer = res.json() as {
        rankedBy: string;
        items: { regionCode: string; distanceKm: number | null }[];
      };
      if (query.region) {
        // A code's descendants start with it, less a province's or city's trailing zeros (610100 → 6101).
        const stem = query.region.length === 6 ? query.region.replace(/(00)+$/, '') : query.region;
        for (const s of answer.items) assert.ok(s.regionCode.startsWith(stem), JSON.stringify(query));
      }
      if (query.near) assert.equal(answer.rankedBy, 'position');
      paths.set(answer.rankedBy, query.address ?? '');
    }),
    { numRuns: 300, seed: 20261206 },
  );
  assert.ok(statuses.has(200) && statuses.has(400), JSON.stringify([...statuses]));
  assert.ok(paths.has('position') && paths.has('address') && paths.has('region'), JSON.stringify([...paths]));
});
