import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  DEFAULT_REGION_SETTINGS,
  mergeRegionSettings,
  type RegionSettingsPatch,
} from '../../common/region-settings/settings.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation } from '../testing/factories.ts';
import { settingsFor } from './service.ts';

/** The settings of a region: the defaults, its ancestors' changes root first, its own last. */

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await buildOrganisation(t.db.db, { regionCode: '610102' });
});
after(() => t?.close());

const withLimits = (limitDays: Record<string, number>) => ({ hotline: { limitDays } }) as RegionSettingsPatch;

test('without a change a region has the defaults of the national rules', () => {
  const merged = mergeRegionSettings([]);
  assert.deepEqual(merged, DEFAULT_REGION_SETTINGS);
  assert.equal(merged.ratings.defaultAfterDays, 7);
  assert.deepEqual(merged.hotline.limitDays, {
    consult: 2,
    help: 10,
    suggestion: 10,
    complaint: 15,
    report: 15,
  });
  assert.notEqual(merged, DEFAULT_REGION_SETTINGS, 'a copy: changing it leaves the defaults alone');
});

test("a city's change reaches its district; the district's own change wins", () => {
  const city = { ...withLimits({ complaint: 20 }), ratings: { defaultAfterDays: 5 } };
  const district = withLimits({ complaint: 12, consult: 3 });
  const merged = mergeRegionSettings([city, district]);
  assert.equal(merged.ratings.defaultAfterDays, 5, 'from the city');
  assert.equal(merged.hotline.limitDays.complaint, 12, "the district's own");
  assert.equal(merged.hotline.limitDays.consult, 3);
  assert.equal(merged.hotline.limitDays.report, 15, 'the default');
  assert.equal(merged.ratings.revisitRectifyWorkingDays, 5);
});

test('unknown keys and values of the wrong type are ignored', () => {
  const odd = {
    ratings: { defaultAfterDays: '3', revisitContactWorkingDays: null, sometimes: 4 },
    hotline: { limitDays: { complaint: '20', sneaky: 1, report: 9 } },
    inspectors: { rectifyWorkingDays: { days: 3 } },
    assessment: { weights: 50 },
    elsewhere: { x: 1 },
  } as unknown as RegionSettingsPatch;
  const merged = mergeRegionSettings([odd]);
  assert.deepEqual(merged, {
    ...DEFAULT_REGION_SETTINGS,
    hotline: { limitDays: { ...DEFAULT_REGION_SETTINGS.hotline.limitDays, report: 9 } },
  });
  assert.equal('sometimes' in merged.ratings, false);
  assert.equal('elsewhere' in merged, false);
});

test('settingsFor reads the changes of the region and its ancestors from the database', async () => {
  const db = t.db.db;
  const save = (code: string, settings: RegionSettingsPatch) =>
    db.execute(
      sql`INSERT INTO region_settings (region_code, settings) VALUES (${code}, ${JSON.stringify(settings)}::jsonb)
          ON CONFLICT (region_code) DO UPDATE SET settings = excluded.settings`,
    );
  await save('610100', { ...withLimits({ complaint: 20, help: 8 }), inspectors: { rectifyWorkingDays: 7 } });
  await save('610102', withLimits({ complaint: 18 }));

  const district = await settingsFor(db, '610102');
  assert.equal(district.hotline.limitDays.complaint, 18, "the district's own");
  assert.equal(district.hotline.limitDays.help, 8, "the city's");
  assert.equal(district.inspectors.rectifyWorkingDays, 7, "the city's");
  assert.equal(district.hotline.limitDays.consult, 2, 'the default');
  const [{ path }] = (await db.execute(sql`SELECT path FROM regions WHERE code = '610102'`)).rows as [
    { path: string },
  ];
  assert.deepEqual(await settingsFor(db, path), district, 'by path as by code');

  const sibling = await settingsFor(db, '610103');
  assert.equal(sibling.hotline.limitDays.complaint, 20, "a sibling district takes the city's");
  const province = await settingsFor(db, '610000');
  assert.deepEqual(province, DEFAULT_REGION_SETTINGS, 'above the city: the defaults');
  assert.deepEqual(
    await settingsFor(db, '999999'),
    DEFAULT_REGION_SETTINGS,
    'an unknown region: the defaults',
  );
  await db.execute(sql`DELETE FROM region_settings`);
});
