import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser } from '../accounts/testing.ts';
import { todayInChina } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { ok } from '../testing/requests.ts';
import { lastMonth } from './period.ts';
import { buildStatisticsWorld, PERIOD, type StatisticsWorld } from './world-testing.ts';

/** Who reads the statistics, what they may name, and the Excel workbooks as a user opens them. */

let t: TestApp;
let w: StatisticsWorld;

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildStatisticsWorld(t);
});
after(() => t?.close());

const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
const ROUTES = ['figures', 'figures.xlsx', 'cases', 'cases.xlsx'];
const url = (route: string, params: string) =>
  `/api/statistics/${route}?${route.startsWith('cases') ? 'figure=onTimeRate&' : ''}${params}`;

async function refused(who: Browser | null, route: string, params: string, status: number, field?: string) {
  const target = url(route, params);
  const res = await (who
    ? who.request({ method: 'GET', url: target })
    : t.app.inject({ method: 'GET', url: target }));
  assert.equal(res.statusCode, status, `${target}: ${res.body}`);
  const error = res.json().error;
  if (field) assert.equal(error.field, field, target);
  return res.body;
}

test('another district’s supervisor: 404s naming what is out of reach, never its data', async () => {
  for (const route of ROUTES) {
    const named: [string, string][] = [
      ['region=610102', 'region'],
      ['region=610100', 'region'],
      [`departmentId=${w.departmentA.id}`, 'departmentId'],
      [`hallId=${w.hall.id}`, 'hallId'],
      [`implementationId=${w.MA.id}`, 'implementationId'],
      [`departmentId=${crypto.randomUUID()}`, 'departmentId'],
      [`region=610102&departmentId=${w.departmentB.id}`, 'region'],
    ];
    for (const [params, field] of named) {
      const body = await refused(w.beilin, route, `${params}&${period}`, 404, field);
      assert.ok(!body.includes(w.departmentA.name), 'the department is not named');
    }
  }
  // The city's supervisor may not name 碑林区's department under 新城区.
  await refused(w.city, 'figures', `region=610102&departmentId=${w.departmentB.id}`, 404, 'departmentId');
  const own = await ok(w.beilin, 'GET', `/api/statistics/figures?${period}`);
  assert.equal(own.scope.region.code, '610103', 'a supervisor’s default region is his own');
  assert.equal(own.figures.find((f: { key: string }) => f.key === 'received').current.value, 2);
  assert.deepEqual(
    own.byDepartment.map((d: { id: string }) => d.id),
    [w.departmentB.id],
  );
});

test('a window clerk gets 403, nobody 401, before the query is read', async () => {
  for (const route of ROUTES) {
    await refused(w.clerk, route, 'region=nonsense', 403);
    await refused(null, route, 'region=nonsense', 401);
  }
});

test('bad periods are 400s naming the field; no period is last month', async () => {
  for (const route of ROUTES) {
    await refused(w.city, route, 'from=2025-10-31&to=2025-10-01', 400, 'to');
    await refused(w.city, route, 'from=2024-10-01&to=2025-10-02', 400, 'to');
    await refused(w.city, route, 'from=1969-12-31&to=1970-01-05', 400, 'from');
    await refused(w.city, route, 'from=2025-02-30', 400, 'from');
  }
  const answer = await ok(w.city, 'GET', '/api/statistics/figures');
  assert.deepEqual(answer.period, lastMonth(todayInChina()));
  assert.equal(answer.scope.region.code, '610100');
  const year = await ok(w.city, 'GET', '/api/statistics/figures?from=2024-10-01&to=2025-09-30');
  assert.equal(year.days.length, 365);
});

async function workbookOf(route: string, params: string) {
  const res = await w.city.request({ method: 'GET', url: url(route, params) });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename=/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    assert.ok(sheet, `sheet ${name}`);
    const out: unknown[][] = [];
    sheet.eachRow((row) => {
      out.push((row.values as unknown[]).slice(1));
    });
    return out;
  };
  return { workbook, rows };
}

test('the figures’ Excel: 指标 with both periods, their parts, the promise and the formula; 按区划, 按部门, 按日', async () => {
  const { workbook, rows } = await workbookOf('figures.xlsx', `departmentId=${w.departmentA.id}&${period}`);
  assert.deepEqual(
    workbook.worksheets.map((s) => s.name),
    ['指标', '目录承诺', '按区划', '按部门', '按日'],
  );
  const figures = rows('指标');
  assert.deepEqual(figures[0]?.slice(0, 8), [
    '指标',
    '单位',
    '本期',
    '本期分子',
    '本期分母',
    '上期',
    '上期分子',
    '上期分母',
  ]);
  const onTime = figures.find((r) => r[0] === '按时办结率')!;
  assert.deepEqual(onTime.slice(1, 8), ['%', 0.75, 3, 4, 1, 1, 1]);
  assert.match(String(onTime[10]), /办结日不晚于承诺期限/);
  const compression = figures.find((r) => r[0] === '实际时限压缩率')!;
  assert.deepEqual(compression.slice(8, 10), ['承诺时限压缩率（工作日）', 0.75]);
  const wait = figures.find((r) => r[0] === '平均等候时间（分钟）')!;
  assert.equal(wait[2], '不适用', 'no wait of a department');
  const material = figures.find((r) => r[0] === '材料减免率')!;
  assert.equal(material[5], '—', 'no value for 0/0 in the previous period');
  assert.equal(figures.length, 1 + 27);
  const departments = rows('按部门');
  assert.equal(departments.length, 2);
  assert.deepEqual(departments[1]?.slice(0, 5), [w.departmentA.name, 6, 4, 0.75, 1]);
  const regions = rows('按区划');
  assert.equal(regions[0]?.[0], '区划');
  const days = rows('按日');
  assert.equal(days.length, 32);
  assert.deepEqual(days[20], ['2025-10-20', 1, 1, 0]);
});

test('the cases’ Excel: one row per case, the part marked and first', async () => {
  const { rows } = await workbookOf('cases.xlsx', `region=610100&${period}`);
  const sheet = rows('按时办结率');
  assert.equal(sheet.length, 1 + 5);
  assert.deepEqual(sheet[0]?.slice(0, 3), ['办件编号', '事项', '部门']);
  assert.equal(sheet[0]?.at(-1), '超期办结');
  assert.equal(sheet[1]?.[0], w.cases.c2.caseNo);
  assert.equal(sheet[1]?.[4], '窗口收件');
  assert.equal(sheet[1]?.[5], '已办结');
  assert.equal(sheet[1]?.at(-1), '是');
  assert.ok(
    sheet.slice(2).every((r) => r.length < 13 || r[12] === ''),
    'the others are not marked',
  );
});
