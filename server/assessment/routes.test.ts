import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { ok } from '../testing/requests.ts';
import { buildAssessedDepartment, keepRatings, keepRequests } from './testing.ts';

/** The assessment routes as a city's and a district's supervisors use them, and as others are refused. */

let t: TestApp;
let city: Browser;
let beilin: Browser;
let head: Browser;
let xincheng: Awaited<ReturnType<typeof buildAssessedDepartment>>;
let lagging: Awaited<ReturnType<typeof buildAssessedDepartment>>;
const MONTH = '2026-10';

const supervisorIn = async (regionCode: string) =>
  signIn(
    t.app,
    await buildStaff(t.db.db, {
      role: 'supervisor',
      organisationId: (await buildOrganisation(t.db.db, { kind: 'department', regionCode })).id,
    }),
  );

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const db = t.db.db;
  xincheng = await buildAssessedDepartment(t, '610102', '新城测试局');
  lagging = await buildAssessedDepartment(t, '610102', '落后测试局');
  await xincheng.place({ concludedAt: '2026-10-09T02:00:00Z', promised: '2026-10-12', visits: 1 });
  await xincheng.place({
    concludedAt: '2026-10-19T02:00:00Z',
    promised: '2026-10-14',
    visits: 2,
    warning: 'red',
  });
  await lagging.place({
    concludedAt: '2026-10-19T02:00:00Z',
    promised: '2026-10-14',
    visits: 3,
    warning: 'red',
  });
  await keepRatings(db, MONTH, ['department', xincheng.id], { level5: 3, level1: 1 });
  await keepRequests(db, MONTH, ['department', xincheng.id], {
    received: 2,
    closed: 2,
    closedOnTime: 2,
    overdueOpen: 0,
  });
  city = await supervisorIn('610100');
  beilin = await supervisorIn('610103');
  head = await signIn(t.app, await buildStaff(db, { role: 'department_head', organisationId: xincheng.id }));
});
after(() => t?.close());

test('a supervisor recomputes a month, reads the ranking with its figures and the cases behind one', async () => {
  const computed = await ok(city, 'POST', '/api/assessment/compute', { month: MONTH, region: '610100' });
  assert.equal(computed.region, '610100');
  assert.ok(computed.scores >= 2);
  const audit = await t.db.db.execute(
    sql`SELECT summary FROM audit_records WHERE action = 'assessment.compute' AND target_id = '610100'`,
  );
  assert.equal((audit.rows[0]?.summary as { month?: string } | undefined)?.month, MONTH);

  const ranking = await ok(
    city,
    'GET',
    `/api/assessment/ranking?month=${MONTH}&kind=department&region=610102`,
  );
  assert.equal(ranking.region.name, '新城区');
  assert.equal(ranking.complete, true);
  assert.deepEqual(
    ranking.rows.map((r: { scopeId: string; rank: number }) => [r.scopeId, r.rank]),
    [
      [xincheng.id, 1],
      [lagging.id, 2],
    ],
  );
  const first = ranking.rows[0];
  assert.deepEqual([first.figures.onTime.numerator, first.figures.onTime.denominator], [1, 2]);
  assert.equal(first.figures.onTime.weight, 30);

  const details = await ok(
    city,
    'GET',
    `/api/assessment/details?month=${MONTH}&kind=department&scopeId=${xincheng.id}&figure=onTime`,
  );
  assert.equal(details.source, 'cases');
  assert.equal(details.total, 2);
  assert.deepEqual(
    details.cases.map((c: { onTime: boolean; visits: number }) => [c.onTime, c.visits]).sort(),
    [
      [false, 2],
      [true, 1],
    ],
  );
  const page = await ok(
    city,
    'GET',
    `/api/assessment/details?month=${MONTH}&kind=department&scopeId=${xincheng.id}&figure=warnings&pageSize=1&page=2`,
  );
  assert.equal(page.total, 2);
  assert.equal(page.cases.length, 1);

  const districts = await ok(city, 'GET', `/api/assessment/ranking?month=${MONTH}&kind=district`);
  assert.equal(districts.region.code, '610100', 'the default region is the supervisor’s own');
  const row = districts.rows.find((r: { scopeId: string }) => r.scopeId === '610102');
  assert.equal(row?.figures.onTime.denominator, 3);
  const byDistrict = await ok(
    city,
    'GET',
    `/api/assessment/details?month=${MONTH}&kind=district&scopeId=610102&figure=visits`,
  );
  assert.equal(byDistrict.total, 3);
});

test('the Excel export opens back with the ranking in Chinese, one row per department', async () => {
  await ok(city, 'POST', '/api/assessment/compute', { month: MONTH, region: '610102' });
  const res = await city.request({
    method: 'GET',
    url: `/api/assessment/ranking.xlsx?month=${MONTH}&kind=department&region=610102`,
  });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  assert.equal(workbook.title, '新城区2026-10部门排名');
  assert.equal(sheet.name, '2026-10部门排名');
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  assert.deepEqual(headers.slice(0, 3), ['排名', '名称', '得分']);
  assert.ok(headers.includes('按时办结率（分子/分母）'));
  assert.ok(headers.includes('连续两月末位'));
  const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1));
  assert.deepEqual(
    rows.map((r) => [r[0], r[1]]),
    [
      [1, xincheng.name],
      [2, lagging.name],
    ],
  );
  const onTime = headers.indexOf('按时办结率（分子/分母）');
  assert.equal(rows[0]?.[onTime], '1/2');
  const bad = headers.indexOf('差评按期整改率（分子/分母）');
  assert.equal(rows[1]?.[bad], '无差评');
});

test("another district's supervisor gets 404s naming the field; a department head gets 403s", async () => {
  const refused = async (who: Browser, method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await who.request({ method, url, ...(payload ? { payload } : {}) });
    return [res.statusCode, res.json().error?.field ?? null];
  };
  const ranking = `/api/assessment/ranking?month=${MONTH}&kind=department&region=610102`;
  const details = `/api/assessment/details?month=${MONTH}&kind=department&scopeId=${xincheng.id}&figure=satisfaction`;
  assert.deepEqual(await refused(beilin, 'GET', ranking), [404, 'region']);
  assert.deepEqual(await refused(beilin, 'GET', details), [404, 'scopeId']);
  assert.deepEqual(
    await refused(beilin, 'POST', '/api/assessment/compute', { month: MONTH, region: '610102' }),
    [404, 'region'],
  );
  assert.deepEqual(await refused(head, 'GET', ranking), [403, null]);
  assert.deepEqual(
    await refused(head, 'POST', '/api/assessment/compute', { month: MONTH, region: '610102' }),
    [403, null],
  );
  assert.deepEqual(await refused(beilin, 'GET', '/api/assessment/ranking?month=2026-13&kind=department'), [
    400,
    'month',
  ]);
  assert.deepEqual(
    await refused(beilin, 'POST', '/api/assessment/compute', { month: '2099-01', region: '610103' }),
    [400, 'month'],
  );
  const own = await ok(beilin, 'GET', `/api/assessment/ranking?month=${MONTH}&kind=department`);
  assert.equal(own.region.code, '610103');
  assert.ok(!JSON.stringify(own).includes(xincheng.id));
});
