import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Static } from 'typebox';
import type { FiguresAnswer } from '../../common/statistics/api.ts';
import type { FigureKey } from '../../common/statistics/figures.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { ok } from '../testing/requests.ts';
import type { StatisticsScope } from './access.ts';
import { countGroups } from './figures-sql.ts';
import { caseFactory } from './figures-testing.ts';
import { refreshCaseDaily } from './refresh.ts';
import { buildStatisticsWorld, PERIOD, PREVIOUS, type StatisticsWorld } from './world-testing.ts';

/** The figures of a region subtree, a district, a department, a hall and a matter, worked out by hand. */

type Answer = Static<typeof FiguresAnswer>;
let t: TestApp;
let w: StatisticsWorld;

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildStatisticsWorld(t);
});
after(() => t?.close());

const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
const figuresOf = async (params: string): Promise<Answer> =>
  (await ok(w.city, 'GET', `/api/statistics/figures?${period}&${params}`)) as Answer;
const fig = (answer: Answer, key: FigureKey) => answer.figures.find((f) => f.key === key)!;
const now = (answer: Answer, key: FigureKey) => fig(answer, key).current;
const before_ = (answer: Answer, key: FigureKey) => fig(answer, key).previous;

test('the city: every case of October counted once, the previous 31 days beside it', async () => {
  const city = await figuresOf('region=610100');
  assert.equal(city.source, 'rollups');
  assert.deepEqual(city.period, PERIOD);
  assert.deepEqual(city.previous, PREVIOUS);
  // Filed in October, the draft left out: c1 c2 c3 c4 c5 c7 (新城区), c8 c9 (碑林区).
  assert.deepEqual(now(city, 'received'), { value: 8, numerator: 8, denominator: 8 });
  assert.deepEqual(now(city, 'receivedOnline'), { value: 4, numerator: 4, denominator: 8 });
  assert.equal(now(city, 'receivedCounter').value, 3);
  assert.equal(now(city, 'receivedAgent').value, 1);
  assert.equal(now(city, 'receivedKiosk').value, 0);
  assert.equal(now(city, 'accepted').value, 8);
  // Concluded in October: c1 c2 c3 c7 c8; c2 after its deadline, c7 (即办件) without one.
  assert.deepEqual(now(city, 'onTimeRate'), { value: 0.8, numerator: 4, denominator: 5 });
  assert.deepEqual(now(city, 'concludedLate'), { value: 1, numerator: 1, denominator: 5 });
  assert.deepEqual(now(city, 'immediateShare'), { value: 0.2, numerator: 1, denominator: 5 });
  assert.deepEqual(now(city, 'averageVisits'), { value: 0.6, numerator: 3, denominator: 5 });
  assert.equal(now(city, 'atMostOneVisitShare').value, 0.8);
  assert.equal(now(city, 'zeroVisitShare').value, 0.6);
  assert.equal(now(city, 'fullyOnlineShare').value, 0.6);
  assert.deepEqual(now(city, 'firstTimeSuccess'), { value: 0.8, numerator: 4, denominator: 5 });
  // Working-day matters concluded: used 3, 10, 4 and 1 of legal 20 each.
  assert.deepEqual(now(city, 'averageWorkingDays'), { value: 4.5, numerator: 18, denominator: 4 });
  assert.deepEqual(now(city, 'actualCompression'), { value: 0.775, numerator: 62, denominator: 80 });
  assert.deepEqual(now(city, 'p90WorkingDays'), { value: 10, numerator: 4, denominator: 4 });
  // c1: one material from a certificate and one uploaded; c2: one scanned; forms 6/4 and 4/0.
  assert.deepEqual(now(city, 'materialReduction'), { value: 0.3333, numerator: 1, denominator: 3 });
  assert.deepEqual(now(city, 'prefillRate'), { value: 0.4, numerator: 4, denominator: 10 });
  assert.deepEqual(now(city, 'gapsShare'), { value: 0.125, numerator: 1, denominator: 8 });
  assert.deepEqual(now(city, 'promiseShare'), { value: 0.125, numerator: 1, denominator: 8 });
  // Open past the deadline by 31 October: c4, c9 (告知承诺, not verified) and c10 (filed in September).
  assert.deepEqual(now(city, 'overdueOpen'), { value: 3, numerator: 3, denominator: 3 });
  assert.deepEqual(now(city, 'satisfaction'), { value: 0.9, numerator: 9, denominator: 10 });
  assert.deepEqual(now(city, 'badRectified'), { value: 1, numerator: 1, denominator: 1 });
  assert.deepEqual(now(city, 'hotlineOnTime'), { value: 0.6, numerator: 6, denominator: 10 });
  assert.deepEqual(now(city, 'averageWaitMinutes'), { value: 15, numerator: 30, denominator: 2 });
  assert.ok(city.figures.every((f) => f.available));
});

test('the previous period: its own cases; 0/0 is no value, never 0 %', async () => {
  const city = await figuresOf('region=610100');
  assert.equal(before_(city, 'received').value, 2, 'c6 and c10');
  assert.deepEqual(before_(city, 'onTimeRate'), { value: 1, numerator: 1, denominator: 1 });
  assert.deepEqual(before_(city, 'overdueOpen'), { value: 1, numerator: 1, denominator: 1 }, 'c10');
  assert.deepEqual(before_(city, 'materialReduction'), { value: null, numerator: 0, denominator: 0 });
  assert.deepEqual(before_(city, 'prefillRate'), { value: null, numerator: 0, denominator: 0 });
  assert.deepEqual(before_(city, 'averageWaitMinutes'), { value: null, numerator: 0, denominator: 0 });
  assert.deepEqual(before_(city, 'hotlineOnTime'), { value: null, numerator: 0, denominator: 0 });
  // August and September: only September has ratings (3 of 4 satisfied).
  assert.deepEqual(before_(city, 'satisfaction'), { value: 0.75, numerator: 3, denominator: 4 });
  assert.deepEqual(before_(city, 'badRectified'), { value: 0, numerator: 0, denominator: 1 });
  const empty = await figuresOf(`region=610100&departmentId=${w.departmentB.id}`);
  assert.deepEqual(before_(empty, 'onTimeRate'), { value: null, numerator: 0, denominator: 0 });
  assert.deepEqual(before_(empty, 'received'), { value: 0, numerator: 0, denominator: 0 });
});

test('the breakdowns: each district sums its subtree, the departments with cases, a point per day', async () => {
  const city = await figuresOf('region=610100');
  const xincheng = city.byRegion.find((r) => r.id === '610102')!;
  assert.equal(xincheng.name, '新城区');
  assert.deepEqual(
    [xincheng.received, xincheng.concluded, xincheng.onTimeRate, xincheng.concludedLate],
    [6, 4, 0.75, 1],
  );
  const beilin = city.byRegion.find((r) => r.id === '610103')!;
  assert.deepEqual([beilin.received, beilin.concluded, beilin.onTimeRate], [2, 1, 1]);
  const lianhu = city.byRegion.find((r) => r.id === '610104')!;
  assert.deepEqual([lianhu.received, lianhu.onTimeRate], [0, null], 'a district without cases');
  assert.deepEqual(
    city.byDepartment.map((d) => [d.id, d.received, d.concluded]),
    [
      [w.departmentA.id, 6, 4],
      [w.departmentB.id, 2, 1],
    ],
  );
  assert.equal(city.days.length, 31);
  assert.deepEqual(city.days[0], { day: '2025-10-01', received: 0, concluded: 0, onTimeRate: null });
  assert.deepEqual(
    city.days.find((d) => d.day === '2025-10-20'),
    { day: '2025-10-20', received: 2, concluded: 1, onTimeRate: 0 },
  );
});

test('a district, a department, a hall and a matter', async () => {
  const district = await figuresOf('region=610102');
  assert.deepEqual(district.scope.region, { code: '610102', name: '新城区' });
  assert.equal(now(district, 'received').value, 6);
  assert.deepEqual(now(district, 'onTimeRate'), { value: 0.75, numerator: 3, denominator: 4 });
  assert.equal(now(district, 'overdueOpen').value, 2, 'c4 and c10');

  const department = await figuresOf(`departmentId=${w.departmentA.id}`);
  assert.equal(department.scope.department?.name, w.departmentA.name);
  assert.equal(department.source, 'rollups');
  assert.deepEqual(now(department, 'onTimeRate'), now(district, 'onTimeRate'));
  assert.equal(fig(department, 'averageWaitMinutes').available, false, 'tickets name no department');
  assert.equal(fig(department, 'hotlineOnTime').available, true);

  const hall = await figuresOf(`hallId=${w.hall.id}`);
  assert.equal(hall.source, 'cases');
  assert.equal(hall.scope.hall?.name, w.hall.name);
  // c2 (late), c3 (容缺, 补正) concluded, c4 open and overdue.
  assert.deepEqual(now(hall, 'received'), { value: 3, numerator: 3, denominator: 3 });
  assert.deepEqual(now(hall, 'receivedCounter'), { value: 3, numerator: 3, denominator: 3 });
  assert.deepEqual(now(hall, 'onTimeRate'), { value: 0.5, numerator: 1, denominator: 2 });
  assert.deepEqual(now(hall, 'gapsShare'), { value: 0.3333, numerator: 1, denominator: 3 });
  assert.deepEqual(now(hall, 'firstTimeSuccess'), { value: 0.5, numerator: 1, denominator: 2 });
  assert.deepEqual(now(hall, 'averageWorkingDays'), { value: 7, numerator: 14, denominator: 2 });
  assert.deepEqual(now(hall, 'p90WorkingDays'), { value: 10, numerator: 2, denominator: 2 });
  assert.equal(now(hall, 'overdueOpen').value, 1);
  assert.deepEqual(now(hall, 'satisfaction'), { value: 1, numerator: 2, denominator: 2 });
  assert.deepEqual(now(hall, 'averageWaitMinutes'), { value: 15, numerator: 30, denominator: 2 });
  assert.equal(fig(hall, 'hotlineOnTime').available, false, '12345 names no hall');

  const matter = await figuresOf(`implementationId=${w.MA.id}`);
  assert.equal(matter.source, 'cases');
  assert.equal(matter.scope.matter?.name, w.MA.document.name);
  assert.deepEqual(now(matter, 'onTimeRate'), { value: 0.6667, numerator: 2, denominator: 3 });
  assert.equal(now(matter, 'overdueOpen').value, 2);
  assert.equal(before_(matter, 'received').value, 2);
  for (const key of ['satisfaction', 'hotlineOnTime', 'averageWaitMinutes'] as const) {
    assert.equal(fig(matter, key).available, false, `${key} of one matter`);
  }
});

test('the promises of the catalogue beside the figures: Σ(legal − promised) ÷ Σ legal per unit', async () => {
  // Department A: MA (20 → 5 working days, 1 visit, 最多跑一次) and MN (即办, 30 → 0 natural days, 全程网办).
  const department = await figuresOf(`departmentId=${w.departmentA.id}`);
  const promise = (key: string) => department.promises.find((p) => p.key === key);
  assert.deepEqual(promise('compressionWorking'), {
    key: 'compressionWorking',
    value: 0.75,
    numerator: 15,
    denominator: 20,
  });
  assert.equal(promise('compressionNatural')?.value, 1);
  assert.equal(promise('immediateShare')?.value, 0.5);
  assert.equal(promise('zeroVisitShare')?.value, 0.5);
  assert.equal(promise('onlineAvailableShare')?.value, 1);
  assert.deepEqual(promise('averagePromisedDays'), {
    key: 'averagePromisedDays',
    value: 5,
    numerator: 5,
    denominator: 1,
  });
  assert.equal(fig(department, 'actualCompression').promise, 0.75);
  assert.equal(fig(department, 'averageWorkingDays').promise, 5);
  assert.equal(fig(department, 'immediateShare').promise, 0.5);
  assert.equal(fig(department, 'received').promise, undefined, 'a count has no promise');
  const hall = await figuresOf(`hallId=${w.hall.id}`);
  assert.equal(hall.promises.find((p) => p.key === 'immediateShare')?.denominator, 1, 'MA names the hall');
  const matter = await figuresOf(`implementationId=${w.MN.id}`);
  assert.equal(fig(matter, 'actualCompression').promise, null, 'MN has no working-day limits');
});

test('counted from the cases, a region gives the rollups’ very counts', async () => {
  const { rows } = await t.db.db.execute<{ path: string }>(
    "SELECT path FROM regions WHERE code = '610100'" as never,
  );
  const scope: StatisticsScope = {
    region: { code: '610100', name: '西安市', path: rows[0]!.path },
    department: null,
    hall: null,
    matter: null,
  };
  const rollups = await countGroups(t.db.db, scope, PERIOD, PREVIOUS, 'rollups');
  const cases = await countGroups(t.db.db, scope, PERIOD, PREVIOUS, 'cases');
  const key = (g: object) => JSON.stringify(g);
  assert.deepEqual(rollups.groups.map(key).sort(), cases.groups.map(key).sort());
  assert.deepEqual(rollups.histogram.map(key).sort(), cases.histogram.map(key).sort());
  // 15 days with cases, 新城区 and 碑林区 in October and 新城区 in September, A and B, and A again.
  assert.equal(rollups.groups.length, 21);
});

test('asOf: the oldest change the rollups have not taken yet, then the time of the answer', async () => {
  const put = await caseFactory(t);
  await refreshCaseDaily(t.db.db);
  const marked = new Date();
  await put({ matter: w.MB, filed: '2025-10-30' });
  const stale = await figuresOf('region=610100');
  assert.ok(new Date(stale.asOf) >= marked && new Date(stale.asOf) <= new Date());
  assert.equal(now(stale, 'received').value, 8, 'not yet in the rollups');
  const listed = await ok(w.city, 'GET', `/api/statistics/cases?figure=received&region=610100&${period}`);
  assert.equal(listed.total, 9, 'the cases behind a figure are read live, with the groups still marked');
  await refreshCaseDaily(t.db.db);
  const asked = new Date();
  const fresh = await figuresOf('region=610100');
  assert.ok(new Date(fresh.asOf) >= asked);
  assert.equal(now(fresh, 'received').value, 9);
});
