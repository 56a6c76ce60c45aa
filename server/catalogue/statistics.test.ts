import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publishFixture, withSampleCatalogue } from './search/testing.ts';
import { catalogueStatistics, themeCounts } from './statistics.ts';

const t = withSampleCatalogue();

test('figures of one department, computed by hand from the sample catalogue', async () => {
  // 企业设立登记: 全程网办, 15→1 days, 0 visits; 个体工商户设立登记: 即办 (即办件), 15→0, 1 visit;
  // 食品经营许可: 最多跑一次, 20→5, 1 visit.
  const stats = await catalogueStatistics({
    db: t.db,
    filter: { departmentId: t.demo.departments.市场监管局 },
  });
  assert.equal(stats.matters, 3);
  assert.equal(stats.atMostOnceShare, 1);
  assert.equal(stats.fullyOnlineShare, 0.3333);
  assert.equal(stats.immediateShare, 0.3333);
  // Σ (legal − promised) ÷ Σ legal = (14 + 15 + 15) ÷ (15 + 15 + 20) = 44 ÷ 50.
  assert.equal(stats.workingDayCompression, 0.88);
  assert.equal(stats.workingDayMatters, 3);
  assert.equal(stats.naturalDayCompression, null, 'no matter has limits in natural days');
  assert.equal(stats.naturalDayMatters, 0);
  assert.equal(stats.averageVisits, 0.6667);
  assert.equal(stats.zeroVisitShare, 0.3333, '企业设立登记 needs no visit');
  // Promised 1, 0 and 5 working days.
  assert.equal(stats.averagePromisedDays, 2);
  assert.deepEqual(
    stats.byDepartment.map((d) => [d.departmentName, d.matters]),
    [['西安市市场监督管理局', 3]],
  );
});

test('a region alone, or with the regions below it; drafts never count', async () => {
  const city = await catalogueStatistics({ db: t.db, filter: { region: '610100' } });
  assert.equal(
    city.matters,
    14,
    'fifteen published matters, one of them in 新城区; the draft does not count',
  );
  assert.deepEqual(
    city.byRegion.map((r) => [r.regionName, r.matters]),
    [['西安市', 14]],
  );
  const all = await catalogueStatistics({ db: t.db, filter: { region: '610100', subtree: true } });
  assert.equal(all.matters, 15);
  assert.deepEqual(
    all.byRegion.map((r) => [r.regionName, r.matters]),
    [
      ['西安市', 14],
      ['新城区', 1],
    ],
  );
  // 婚姻登记 and 建设工程规划许可证核发 are 跑动多次: 13 of 15 are 最多跑一次.
  assert.equal(all.atMostOnceShare, Math.round((13 / 15) * 10_000) / 10_000);
  const byDepartment = new Map(all.byDepartment.map((d) => [d.departmentName, d]));
  const police = byDepartment.get('西安市公安局')!;
  assert.equal(police.matters, 2);
  assert.equal(police.fullyOnlineShare, 0.5);
  assert.equal(police.immediateShare, 0.5);
  // 公章刻制备案 1→0, 居民身份证换领 60→20: (1 + 40) ÷ (1 + 60).
  assert.equal(police.workingDayCompression, Math.round((41 / 61) * 10_000) / 10_000);
  assert.equal(police.averageVisits, 0.5);
  const district = await catalogueStatistics({ db: t.db, filter: { region: '610102', subtree: true } });
  assert.equal(district.matters, 1);
  assert.equal(district.byDepartment[0]?.departmentName, '新城区政务服务中心');
});

test('no matters: zeros, not errors', async () => {
  const none = await catalogueStatistics({
    db: t.db,
    filter: { departmentId: t.demo.departments.文旅局 },
  });
  assert.deepEqual(
    { ...none },
    {
      matters: 0,
      atMostOnceShare: 0,
      fullyOnlineShare: 0,
      immediateShare: 0,
      workingDayCompression: null,
      workingDayMatters: 0,
      naturalDayCompression: null,
      naturalDayMatters: 0,
      averageVisits: 0,
      zeroVisitShare: 0,
      onlineAvailableShare: 0,
      averagePromisedDays: null,
      byDepartment: [],
      byRegion: [],
    },
  );
});

test('themes with their labels, audience and published counts', async () => {
  const themes = await themeCounts({ db: t.db });
  const byTheme = new Map(themes.map((x) => [x.theme, x]));
  assert.deepEqual(byTheme.get('business_startup'), {
    theme: 'business_startup',
    label: '开办企业',
    object: 'company',
    count: 4,
  });
  assert.equal(byTheme.get('household')?.count, 2);
  assert.equal(byTheme.get('household')?.object, 'person');
  assert.equal(byTheme.get('environment')?.count, 1, 'the draft with theme 环境保护 is not counted');
  assert.equal(byTheme.get('death')?.count, 0);
});

test('承诺时限压缩率 is Σ (legal − promised) ÷ Σ legal, not the average of each matter’s rate', async () => {
  const education = t.demo.departments.教育局!;
  await publishFixture(t.db, [
    { name: '教师资格认定', departmentId: education, regionCode: '610100', limits: [100, 50] },
    { name: '民办学校设立审批', departmentId: education, regionCode: '610100', limits: [10, 0] },
  ]);
  const stats = await catalogueStatistics({ db: t.db, filter: { departmentId: education } });
  // Each matter's rate: 50 % and 100 %, averaging 75 %; the time saved over the time allowed: 60 ÷ 110.
  assert.equal(stats.workingDayCompression, Math.round((60 / 110) * 10_000) / 10_000);
  assert.notEqual(stats.workingDayCompression, 0.75);
  assert.equal(stats.workingDayMatters, 2);
});

test('working-day and natural-day limits are never added together', async () => {
  const transport = t.demo.departments.交通局!;
  await publishFixture(t.db, [
    { name: '道路运输经营许可', departmentId: transport, regionCode: '610100', limits: [20, 5] },
    {
      name: '出租汽车驾驶员从业资格证核发',
      departmentId: transport,
      regionCode: '610100',
      limits: [60, 15],
      limitUnit: 'natural_days',
    },
    {
      name: '公路超限运输许可',
      departmentId: transport,
      regionCode: '610100',
      limits: [30, 30],
      limitUnit: 'natural_days',
    },
    { name: '没有法定时限的备案', departmentId: transport, regionCode: '610100', limits: [0, 0] },
  ]);
  const stats = await catalogueStatistics({ db: t.db, filter: { departmentId: transport } });
  assert.equal(stats.matters, 4);
  assert.equal(stats.workingDayCompression, 0.75, '20 → 5 working days');
  assert.equal(stats.workingDayMatters, 1, 'a matter without a legal limit has no rate');
  assert.equal(stats.naturalDayCompression, 0.5, '(45 + 0) ÷ (60 + 30) natural days');
  assert.equal(stats.naturalDayMatters, 2);
  const [department] = stats.byDepartment;
  assert.equal(department?.naturalDayCompression, 0.5);
  assert.equal(department?.workingDayCompression, 0.75);
});
