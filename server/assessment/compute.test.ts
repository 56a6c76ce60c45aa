import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { computeAssessment } from './compute.ts';
import { readRanking } from './ranking.ts';
import { buildAssessedDepartment, keepRatings, keepRequests, supervisorOf } from './testing.ts';

/** The monthly assessment computed from a hand-made month of cases, ratings and 12345 requests. */

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

const NOW = new Date('2026-12-06T08:00:00Z');
const city = supervisorOf('610000/610100');
const compute = (month: string) => computeAssessment(t.db.db, month, { now: NOW });
const ranking = (month: string, kind: 'department' | 'district', region: string) =>
  readRanking(t.db.db, city, { month, kind, region });
const pathOf = async (code: string) =>
  (await t.db.db.execute(sql`SELECT path FROM regions WHERE code = ${code}`)).rows[0]?.path as string;

test('a hand-made month gives each figure with its numerator and denominator, and the weighted score', async () => {
  const db = t.db.db;
  const d = await buildAssessedDepartment(t, '610103', '碑林测试局');
  // On time, no visit; late with two visits and marked red; concluded 23:30 on 31 October China time.
  await d.place({ concludedAt: '2026-10-10T02:00:00Z', promised: '2026-10-12', visits: 0 });
  await d.place({ concludedAt: '2026-10-20T02:00:00Z', promised: '2026-10-15', visits: 2, warning: 'red' });
  await d.place({ concludedAt: '2026-10-31T15:30:00Z', promised: null, visits: 1 });
  // 00:30 on 1 November China time: November's. Open past its deadline; open and due next month.
  await d.place({ concludedAt: '2026-10-31T16:30:00Z', promised: '2026-11-02', visits: 5 });
  await d.place({ promised: '2026-10-28' });
  await d.place({ promised: '2026-11-05' });
  await keepRatings(db, '2026-10', ['department', d.id], {
    level5: 5,
    level4: 2,
    level3: 1,
    level2: 1,
    level1: 1,
    defaults: 1,
    rectified: 2,
    rectifiedInTime: 1,
  });
  await keepRequests(db, '2026-10', ['department', d.id], {
    received: 5,
    closed: 4,
    closedOnTime: 3,
    overdueOpen: 1,
  });

  await compute('2026-10');
  const answer = await ranking('2026-10', 'department', '610103');
  const row = answer.rows.find((r) => r.scopeId === d.id);
  assert.ok(row, 'the department is ranked');
  const f = row.figures;
  assert.deepEqual([f.onTime.numerator, f.onTime.denominator, f.onTime.value], [2, 3, 0.6667]);
  assert.deepEqual([f.visits.numerator, f.visits.denominator, f.visits.averageVisits], [2, 3, 1]);
  assert.deepEqual([f.warnings.numerator, f.warnings.denominator, f.warnings.value], [2, 4, 0.5]);
  assert.deepEqual(
    [f.satisfaction.numerator, f.satisfaction.denominator, f.satisfaction.value],
    [8, 10, 0.8],
  );
  assert.equal(f.satisfaction.withoutDefaults, 0.7778);
  assert.deepEqual([f.badRectifiedInTime.numerator, f.badRectifiedInTime.denominator], [1, 2]);
  assert.deepEqual(
    [f.hotlineOnTime.numerator, f.hotlineOnTime.denominator, f.hotlineOnTime.value],
    [3, 5, 0.6],
  );
  const expected = (30 * (2 / 3) + 25 * 0.8 + 15 * 0.5 + 15 * 0.6 + 10 * (2 / 3) + 5 * 0.5) / 100;
  assert.equal(row.score, Math.round(expected * 10_000) / 100);
  assert.equal(row.score, 65.67);
  assert.equal(answer.complete, true);
  assert.deepEqual(answer.weights, {
    onTime: 30,
    satisfaction: 25,
    badRectifiedInTime: 15,
    hotlineOnTime: 15,
    visits: 10,
    warnings: 5,
  });
});

test('equal scores share a rank, a department without business is listed apart, no 差评 is full marks', async () => {
  const db = t.db.db;
  const department = (name: string) => buildAssessedDepartment(t, '610104', name);
  const p = await department('甲局');
  const q = await department('乙局');
  const r = await department('丙局');
  const s = await department('丁局');
  const idle = await department('闲局');
  const requests = (closedOnTime: number, closed: number) => ({
    received: closed,
    closed,
    closedOnTime,
    overdueOpen: 0,
  });
  await keepRequests(db, '2026-10', ['department', p.id], requests(1, 1));
  await keepRequests(db, '2026-10', ['department', q.id], requests(1, 2));
  await keepRequests(db, '2026-10', ['department', r.id], requests(1, 2));
  await keepRequests(db, '2026-10', ['department', s.id], requests(0, 1));
  await compute('2026-10');
  const answer = await ranking('2026-10', 'department', '610104');
  const byId = new Map(answer.rows.map((row) => [row.scopeId, [row.rank, row.score]]));
  assert.deepEqual(
    [p, q, r, s].map((d) => byId.get(d.id)),
    [
      [1, 100],
      [2, 92.5],
      [2, 92.5],
      [4, 85],
    ],
  );
  assert.deepEqual(
    answer.rows.map((row) => row.rank),
    [1, 2, 2, 4],
  );
  assert.ok(answer.rows.every((row) => row.rankedOf === 4));
  assert.deepEqual(answer.idle, [{ scopeId: idle.id, name: idle.name }]);
  const full = answer.rows[0]?.figures.badRectifiedInTime;
  assert.deepEqual([full?.value, full?.empty, full?.denominator], [1, true, 0]);
});

test('a department last two months running is flagged, not after one month', async () => {
  const db = t.db.db;
  const good = await buildAssessedDepartment(t, '610111', '好局');
  const bad = await buildAssessedDepartment(t, '610111', '差局');
  for (const month of ['2026-09', '2026-10']) {
    await keepRequests(db, month, ['department', good.id], {
      received: 1,
      closed: 1,
      closedOnTime: 1,
      overdueOpen: 0,
    });
    await keepRequests(db, month, ['department', bad.id], {
      received: 1,
      closed: 0,
      closedOnTime: 0,
      overdueOpen: 1,
    });
  }
  await compute('2026-09');
  const september = await ranking('2026-09', 'department', '610111');
  assert.deepEqual(
    september.rows.map((r) => [r.scopeId, r.rank, r.flagged]),
    [
      [good.id, 1, false],
      [bad.id, 2, false],
    ],
  );
  await compute('2026-10');
  const october = await ranking('2026-10', 'department', '610111');
  assert.deepEqual(
    october.rows.map((r) => [r.scopeId, r.rank, r.flagged, r.previousRank]),
    [
      [good.id, 1, false, 1],
      [bad.id, 2, true, 2],
    ],
  );
});

test('departments tied for last two months running are all flagged; a tie of everyone is nobody last', async () => {
  const db = t.db.db;
  const good = await buildAssessedDepartment(t, '610113', '优局');
  const tiedA = await buildAssessedDepartment(t, '610113', '并列甲局');
  const tiedB = await buildAssessedDepartment(t, '610113', '并列乙局');
  const onTime = { received: 1, closed: 1, closedOnTime: 1, overdueOpen: 0 };
  const overdue = { received: 1, closed: 0, closedOnTime: 0, overdueOpen: 1 };
  for (const month of ['2026-09', '2026-10']) {
    await keepRequests(db, month, ['department', good.id], onTime);
    await keepRequests(db, month, ['department', tiedA.id], overdue);
    await keepRequests(db, month, ['department', tiedB.id], overdue);
  }
  await compute('2026-09');
  await compute('2026-10');
  const october = await ranking('2026-10', 'department', '610113');
  const byId = new Map(october.rows.map((r) => [r.scopeId, [r.rank, r.rankedOf, r.flagged]]));
  assert.deepEqual(
    [good, tiedA, tiedB].map((d) => byId.get(d.id)),
    [
      [1, 3, false],
      [2, 3, true],
      [2, 3, true],
    ],
  );

  // Everyone tied: nobody is last, so nobody is flagged, even after two such months.
  const even = [
    await buildAssessedDepartment(t, '610114', '同分甲局'),
    await buildAssessedDepartment(t, '610114', '同分乙局'),
  ];
  for (const month of ['2026-09', '2026-10']) {
    for (const d of even) await keepRequests(db, month, ['department', d.id], overdue);
  }
  await compute('2026-09');
  await compute('2026-10');
  const tied = await ranking('2026-10', 'department', '610114');
  assert.deepEqual(
    tied.rows.map((r) => [r.rank, r.flagged]),
    [
      [1, false],
      [1, false],
    ],
  );
});

test('a district counts every case of its subtree and its region ratings; districts are ranked within the city', async () => {
  const db = t.db.db;
  const weiyang = await pathOf('610112');
  const street = (
    await db.execute(sql`SELECT path FROM regions WHERE parent_code = '610112' ORDER BY code LIMIT 1`)
  ).rows[0]?.path as string;
  const local = await buildAssessedDepartment(t, '610112', '未央测试局');
  const cityDepartment = await buildAssessedDepartment(t, '610100', '市测试局');
  await local.place({ concludedAt: '2026-10-05T02:00:00Z', promised: '2026-10-09', visits: 1 });
  await local.place({ concludedAt: '2026-10-06T02:00:00Z', promised: '2026-10-02', visits: 3 });
  await cityDepartment.place({
    concludedAt: '2026-10-07T02:00:00Z',
    promised: '2026-10-09',
    regionPath: street,
  });
  await cityDepartment.place({
    concludedAt: '2026-10-07T02:00:00Z',
    promised: '2026-10-09',
    regionPath: await pathOf('610113'),
  });
  await keepRatings(db, '2026-10', ['region', '610112'], {
    level5: 3,
    level2: 1,
    rectified: 1,
    rectifiedInTime: 1,
  });
  await compute('2026-10');

  const districts = await ranking('2026-10', 'district', '610100');
  const row = districts.rows.find((r) => r.scopeId === '610112');
  assert.ok(row && street.startsWith(`${weiyang}/`));
  assert.deepEqual([row.figures.onTime.numerator, row.figures.onTime.denominator], [2, 3]);
  assert.deepEqual([row.figures.visits.numerator, row.figures.visits.averageVisits], [2, 1.33]);
  assert.deepEqual([row.figures.satisfaction.numerator, row.figures.satisfaction.denominator], [3, 4]);
  assert.deepEqual([row.figures.badRectifiedInTime.value, row.figures.badRectifiedInTime.empty], [1, false]);
  const departments = await ranking('2026-10', 'department', '610112');
  const own = departments.rows.find((r) => r.scopeId === local.id);
  assert.equal(own?.figures.onTime.denominator, 2, 'the department counts its own cases only');
  assert.ok(districts.rows.some((r) => r.scopeId === '610113'));
  assert.ok(districts.idle.length > 0, 'districts without business are listed apart');
  assert.ok(!districts.rows.some((r) => districts.idle.some((i) => i.scopeId === r.scopeId)));
});

test("the ranking region's weights change the score", async () => {
  const db = t.db.db;
  const d = await buildAssessedDepartment(t, '610113', '雁塔测试局');
  await d.place({ concludedAt: '2026-10-20T02:00:00Z', promised: '2026-10-15', visits: 0 });
  await compute('2026-10');
  const before = (await ranking('2026-10', 'department', '610113')).rows.find((r) => r.scopeId === d.id);
  // Late: on time 0 and went red; everything else full marks.
  assert.equal(before?.score, Math.round(((100 - 30 - 5) / 100) * 10_000) / 100);
  await db.execute(sql`INSERT INTO region_settings (region_code, settings)
    VALUES ('610113', ${JSON.stringify({ assessment: { weights: { onTime: 70 } } })}::jsonb)`);
  await compute('2026-10');
  const after = await ranking('2026-10', 'department', '610113');
  const row = after.rows.find((r) => r.scopeId === d.id);
  assert.equal(after.weights.onTime, 70);
  assert.equal(row?.figures.onTime.weight, 70);
  assert.equal(row?.score, Math.round(((140 - 70 - 5) / 140) * 10_000) / 100);
});

test('the month so far is marked incomplete; a month after this one is refused naming the month', async () => {
  const d = await buildAssessedDepartment(t, '610114', '阎良测试局');
  await d.place({ concludedAt: '2026-12-01T02:00:00Z', promised: '2026-12-04' });
  await compute('2026-12');
  const answer = await ranking('2026-12', 'department', '610114');
  assert.equal(answer.complete, false);
  assert.ok(answer.computedAt);
  assert.equal(answer.rows.find((r) => r.scopeId === d.id)?.figures.onTime.numerator, 1);
  await assert.rejects(compute('2027-01'), (e: { code?: string; field?: string }) => {
    assert.equal(e.code, 'validation.field');
    assert.equal(e.field, 'month');
    return true;
  });
});

test('a recompute while another is still open waits for it, leaving one score per scope', async () => {
  const db = t.db.db;
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let computed = () => {};
  const firstComputed = new Promise<void>((resolve) => {
    computed = resolve;
  });
  const first = db.transaction(async (tx) => {
    const result = await computeAssessment(tx, '2026-10', { now: NOW });
    computed();
    await held;
    return result;
  });
  await firstComputed;
  const second = compute('2026-10');
  // The second waits on a lock while the first is open; then the first commits.
  for (;;) {
    const { rows } = await db.execute(
      sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n as number) > 0) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  release();
  const [a, b] = await Promise.all([first, second]);
  assert.equal(a.scores, b.scores);
  const { rows } = await db.execute(
    sql`SELECT count(*)::int AS n FROM assessment_scores WHERE month = '2026-10-01'`,
  );
  assert.equal(rows[0]?.n, b.scores);
});
