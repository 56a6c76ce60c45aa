import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { ok } from '../testing/requests.ts';

/** Reading and changing a region's settings: where each value comes from, checks, versions, who may. */

let t: TestApp;
let supervisor: Browser;
let admin: Browser;
let elsewhere: Browser;
let head: Browser;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const db = t.db.db;
  const city = await buildOrganisation(db, { regionCode: '610100' });
  const baoji = await buildOrganisation(db, { regionCode: '610300' });
  supervisor = await signIn(t.app, await buildStaff(db, { role: 'supervisor', organisationId: city.id }));
  admin = await signIn(t.app, await buildStaff(db, { role: 'system_admin', organisationId: city.id }));
  elsewhere = await signIn(t.app, await buildStaff(db, { role: 'supervisor', organisationId: baoji.id }));
  head = await signIn(t.app, await buildStaff(db, { role: 'department_head', organisationId: city.id }));
});
after(() => t?.close());

type Value = { key: string; value: number; source: { regionName: string } | null; inherited: number };
const entry = (view: { values: Value[] }, key: string) => view.values.find((v) => v.key === key)!;
const put = (who: Browser, code: string, body: unknown, language = 'zh-CN') =>
  who.request({
    method: 'PUT',
    url: `/api/region-settings/${code}`,
    payload: body as object,
    headers: { 'accept-language': language },
  });

test("a district takes the city's change, its own wins, and null takes the city's again", async () => {
  const city = await ok(supervisor, 'GET', '/api/region-settings/610100');
  assert.equal(city.version, 0);
  assert.deepEqual(city.own, {});
  assert.equal(entry(city, 'hotline.limitDays.complaint').value, 15);
  assert.equal(entry(city, 'hotline.limitDays.complaint').source, null, '默认');

  const saved = await ok(supervisor, 'PUT', '/api/region-settings/610100', {
    version: 0,
    settings: { ratings: { defaultAfterDays: 10 }, hotline: { limitDays: { help: 12 } } },
  });
  assert.equal(saved.version, 1);
  assert.equal(saved.settings.ratings.defaultAfterDays, 10);

  const district = await ok(admin, 'PUT', '/api/region-settings/610104', {
    version: 0,
    settings: { hotline: { limitDays: { help: 9, complaint: 20 } } },
  });
  assert.equal(district.regionName, '莲湖区');
  assert.equal(entry(district, 'hotline.limitDays.complaint').value, 20);
  assert.equal(entry(district, 'hotline.limitDays.complaint').source?.regionName, '莲湖区');
  assert.equal(entry(district, 'hotline.limitDays.help').value, 9);
  assert.equal(entry(district, 'hotline.limitDays.help').inherited, 12, 'what the city gives');
  assert.equal(entry(district, 'ratings.defaultAfterDays').value, 10);
  assert.equal(entry(district, 'ratings.defaultAfterDays').source?.regionName, '西安市');
  assert.equal(entry(district, 'hotline.limitDays.report').source, null);

  const back = await ok(supervisor, 'PUT', '/api/region-settings/610104', {
    version: 1,
    settings: { hotline: { limitDays: { help: null } } },
  });
  assert.equal(back.version, 2);
  assert.deepEqual(back.own, { hotline: { limitDays: { complaint: 20 } } });
  assert.equal(entry(back, 'hotline.limitDays.help').value, 12);
  assert.equal(entry(back, 'hotline.limitDays.help').source?.regionName, '西安市');

  const { rows } = await t.db.db.execute(
    sql`SELECT summary FROM audit_records WHERE action = 'region_settings.update' AND target_id = '610104'
        ORDER BY at`,
  );
  assert.equal(rows.length, 2, 'each change audited');
  const last = rows[1]!.summary as { before: unknown; after: unknown };
  assert.deepEqual(last.before, { hotline: { limitDays: { help: 9, complaint: 20 } } });
  assert.deepEqual(last.after, { hotline: { limitDays: { complaint: 20 } } });
});

test('a stale version is a 409 and changes nothing', async () => {
  await ok(supervisor, 'PUT', '/api/region-settings/610103', {
    version: 0,
    settings: { inspectors: { rectifyWorkingDays: 8 } },
  });
  const stale = await put(admin, '610103', {
    version: 0,
    settings: { inspectors: { rectifyWorkingDays: 6 } },
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(stale.json().error.code, 'resource.conflict');
  const view = await ok(admin, 'GET', '/api/region-settings/610103');
  assert.equal(entry(view, 'inspectors.rectifyWorkingDays').value, 8);
  assert.equal(view.version, 1);
});

test('each bad value is a 400 naming its place, in Chinese and English', async () => {
  const cases: [object, string, RegExp, RegExp][] = [
    [
      { hotline: { limitDays: { consult: 61 } } },
      'settings.hotline.limitDays.consult',
      /1 到 60/,
      /between 1 and 60/,
    ],
    [
      { hotline: { limitDays: { complaint: 0 } } },
      'settings.hotline.limitDays.complaint',
      /1 到 60/,
      /between 1 and 60/,
    ],
    [
      { ratings: { defaultAfterDays: 61 } },
      'settings.ratings.defaultAfterDays',
      /1 到 60/,
      /between 1 and 60/,
    ],
    [
      { ratings: { revisitContactWorkingDays: 31 } },
      'settings.ratings.revisitContactWorkingDays',
      /1 到 30/,
      /1 and 30/,
    ],
    [
      { inspectors: { rectifyWorkingDays: 2.5 } },
      'settings.inspectors.rectifyWorkingDays',
      /整数/,
      /whole number/,
    ],
    [
      { assessment: { weights: { visits: 101 } } },
      'settings.assessment.weights.visits',
      /0 到 100/,
      /0 and 100/,
    ],
    [
      { assessment: { weights: { warnings: -1 } } },
      'settings.assessment.weights.warnings',
      /0 到 100/,
      /0 and 100/,
    ],
  ];
  for (const [settings, field, zh, en] of cases) {
    const inZh = await put(supervisor, '610111', { version: 0, settings });
    assert.equal(inZh.statusCode, 400, JSON.stringify(settings));
    assert.equal(inZh.json().error.field, field);
    assert.match(inZh.json().error.message, zh);
    const inEn = await put(supervisor, '610111', { version: 0, settings }, 'en');
    assert.match(inEn.json().error.message, en);
  }
  const two = await put(supervisor, '610111', {
    version: 0,
    settings: { hotline: { limitDays: { consult: 0, report: 99 } } },
  });
  assert.deepEqual(
    two.json().error.details.issues.map((i: { field: string }) => i.field),
    ['settings.hotline.limitDays.consult', 'settings.hotline.limitDays.report'],
    'every problem listed',
  );
  const unknown = await put(supervisor, '610111', {
    version: 0,
    settings: { hotline: { limitDays: { other: 3 } } },
  });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.field, 'settings.hotline.limitDays.other');
  const text = await put(supervisor, '610111', {
    version: 0,
    settings: { ratings: { defaultAfterDays: '3' } },
  });
  assert.equal(text.statusCode, 400);
  assert.equal(text.json().error.field, 'settings.ratings.defaultAfterDays');
  assert.equal((await ok(supervisor, 'GET', '/api/region-settings/610111')).version, 0, 'nothing saved');
});

test('the weights must add up to more than 0, counting the ones inherited', async () => {
  const zeros = { onTime: 0, satisfaction: 0, badRectifiedInTime: 0, hotlineOnTime: 0, visits: 0 };
  const allZero = await put(supervisor, '610112', {
    version: 0,
    settings: { assessment: { weights: { ...zeros, warnings: 0 } } },
  });
  assert.equal(allZero.statusCode, 400);
  assert.equal(allZero.json().error.field, 'settings.assessment.weights');
  const view = await ok(supervisor, 'PUT', '/api/region-settings/610112', {
    version: 0,
    settings: { assessment: { weights: zeros } },
  });
  assert.equal(view.settings.assessment.weights.warnings, 5, 'one weight left is enough');
});

test('supervisors and administrators of the region only', async () => {
  const outside = await elsewhere.request({ method: 'GET', url: '/api/region-settings/610102' });
  assert.equal(outside.statusCode, 403);
  const outsideWrite = await put(elsewhere, '610102', {
    version: 0,
    settings: { ratings: { defaultAfterDays: 3 } },
  });
  assert.equal(outsideWrite.statusCode, 403);
  const above = await supervisor.request({ method: 'GET', url: '/api/region-settings/610000' });
  assert.equal(above.statusCode, 403, "the province is above the city's supervisor");
  const department = await head.request({ method: 'GET', url: '/api/region-settings/610102' });
  assert.equal(department.statusCode, 403);
  const nobody = await t.app.inject({ method: 'GET', url: '/api/region-settings/610102' });
  assert.equal(nobody.statusCode, 401);
  const none = await supervisor.request({ method: 'GET', url: '/api/region-settings/610199' });
  assert.equal(none.statusCode, 404);
  const ofBaoji = await ok(elsewhere, 'GET', '/api/region-settings/610302');
  assert.equal(ofBaoji.version, 0);
});
