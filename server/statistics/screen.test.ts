import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { BAD, ONLINE_SCORES } from '../ratings/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildCase, buildMatter, buildOrganisation, signIn } from '../testing/factories.ts';
import { buildTicketHall, ok } from '../tickets/testing.ts';
import { refreshCaseDaily } from './refresh.ts';
import type { Screen } from './screen.ts';
import { dayFromToday, type Placed, placeCase } from './screen-testing.ts';

/** The big screen's figures against cases placed on known days, regions and departments. */

let t: TestApp;
const departments: Record<'city' | 'xincheng' | 'beilin', { id: string; name: string }> = {} as never;
let placed: Placed[] = [];

const T = dayFromToday(0);
const MONTH = `${T.slice(0, 8)}01`;

before(async () => {
  t = await createTestApp();
  const db = t.db.db;
  for (const [key, region, name] of [
    ['city', '610100', '西安市测试局'],
    ['xincheng', '610102', '新城区测试局'],
    ['beilin', '610103', '碑林区测试局'],
  ] as const) {
    const o = await buildOrganisation(db, { kind: 'department', regionCode: region, name });
    departments[key] = { id: o.id, name };
  }
  const matter = await buildMatter(db, { departmentId: departments.city.id, regionCode: '610100' });
  const template = await buildCase(t, {
    matter,
    actions: ['accept', 'start_review', 'approve', 'conclude'],
  });
  // This month's ratings of the city: one 满意 and one 差评.
  const applicant = await signIn(t.app, template.applicant);
  const url = `/api/ratings/cases/${template.id}`;
  await ok(applicant, 'POST', url, { stage: 'accepted', level: 5, subScores: ONLINE_SCORES }, 201);
  await ok(applicant, 'POST', url, { stage: 'concluded', ...BAD }, 201);
  // The real case is moved out of the screen's days; the copies below are what it shows.
  const old = `${dayFromToday(-60)}T10:00:00+08:00`;
  await db.execute(sql`UPDATE cases SET submitted_at = ${old}, created_at = ${old}, concluded_at = ${old},
    accepted_on = ${dayFromToday(-60)} WHERE id = ${template.id}`);

  const { city, xincheng, beilin } = departments;
  placed = [
    // Today in 新城区: one on time (online, no visit), one of its street late (filed 3 days ago, one visit).
    { region: '610102', departmentId: xincheng.id, filed: T, concluded: T, promised: dayFromToday(5) },
    {
      region: '610102001',
      departmentId: xincheng.id,
      filed: dayFromToday(-3),
      concluded: T,
      promised: dayFromToday(-1),
      channel: 'counter',
      visits: 1,
    },
    // Received today in 碑林区, not concluded.
    { region: '610103', departmentId: beilin.id, filed: T },
    // Yesterday at the city's own level: two visits.
    {
      region: '610100',
      departmentId: city.id,
      filed: dayFromToday(-1),
      concluded: dayFromToday(-1),
      promised: dayFromToday(3),
      channel: 'counter',
      visits: 2,
    },
    { region: '610103', departmentId: beilin.id, filed: dayFromToday(-12), concluded: dayFromToday(-10) },
    // The first day of the trend, and a day before it (shown nowhere).
    { region: '610102', departmentId: xincheng.id, filed: dayFromToday(-29), concluded: dayFromToday(-29) },
    { region: '610102', departmentId: city.id, filed: dayFromToday(-40), concluded: dayFromToday(-40) },
  ];
  for (const facts of placed) await placeCase(db, template.id, facts);
  await refreshCaseDaily(db);

  // Three people take a ticket in a hall of the city, one is called: two wait.
  const h = await buildTicketHall(t.app, db);
  for (let i = 0; i < 3; i++)
    await ok(h.clerk, 'POST', `/api/tickets/halls/${h.hall.id}/take`, { categoryId: h.categories.a }, 201);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[0]}/call`);
});
after(() => t?.close());

async function screen(query = ''): Promise<Screen> {
  const res = await t.app.inject({ method: 'GET', url: `/api/screen${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Screen;
}

const inMonth = (day: string) => day >= MONTH;
const monthOf = (p: Placed[]) => ({
  received: p.filter((c) => inMonth(c.filed)).length,
  concluded: p.filter((c) => c.concluded && inMonth(c.concluded)),
});
const onTime = (c: Placed) => !c.promised || c.concluded! <= c.promised;

test('the city: today, this month, the 30 days, people waiting and satisfaction', async () => {
  const s = await screen();
  assert.deepEqual(s.region, { code: '610100', name: '西安市' });
  assert.equal(s.day, T);
  assert.deepEqual(s.today, { received: 2, concluded: 2, onTimeRate: 0.5 });
  assert.equal(s.waiting, 2);
  assert.equal(s.ratings, 2);
  assert.equal(s.satisfaction, 0.5);

  const month = monthOf(placed);
  assert.equal(s.month.received, month.received);
  assert.equal(s.month.concluded, month.concluded.length);
  const share = (n: number) => Math.round((n / month.concluded.length) * 10_000) / 10_000;
  assert.equal(s.month.onTimeRate, share(month.concluded.filter(onTime).length));
  assert.equal(
    s.month.atMostOneVisitShare,
    share(month.concluded.filter((c) => (c.visits ?? 0) <= 1).length),
  );
  assert.equal(
    s.month.fullyOnlineShare,
    share(month.concluded.filter((c) => (c.channel ?? 'online') === 'online' && !c.visits).length),
  );

  assert.equal(s.days.length, 30);
  assert.equal(s.days[0]!.day, dayFromToday(-29));
  assert.equal(s.days.at(-1)!.day, T);
  const at = (day: string) => s.days.find((d) => d.day === day);
  assert.deepEqual(at(T), { day: T, received: 2, concluded: 2, onTimeRate: 0.5 });
  assert.deepEqual(at(dayFromToday(-1)), { day: dayFromToday(-1), received: 1, concluded: 1, onTimeRate: 1 });
  assert.deepEqual(at(dayFromToday(-3)), {
    day: dayFromToday(-3),
    received: 1,
    concluded: 0,
    onTimeRate: null,
  });
  assert.deepEqual(at(dayFromToday(-29)), {
    day: dayFromToday(-29),
    received: 1,
    concluded: 1,
    onTimeRate: 1,
  });
  assert.equal(
    s.days.reduce((n, d) => n + d.concluded, 0),
    5,
    'the case concluded 40 days ago is not in the trend',
  );
});

test('the districts sum their subtrees; the departments rank by this month’s concluded cases', async () => {
  const s = await screen('?region=610100');
  assert.equal(s.districts.length, 13, 'every district of 西安市, with cases or not');
  const district = (code: string) => s.districts.find((d) => d.code === code)!;
  const month = (region: (c: Placed) => boolean) => {
    const m = monthOf(placed.filter(region));
    return { received: m.received, concluded: m.concluded.length };
  };
  const xincheng = month((c) => c.region.startsWith('610102'));
  assert.equal(district('610102').name, '新城区');
  assert.equal(district('610102').received, xincheng.received, 'the street’s case counts in 新城区');
  assert.equal(district('610102').concluded, xincheng.concluded);
  const beilin = month((c) => c.region === '610103');
  assert.equal(district('610103').received, beilin.received);
  assert.equal(district('610103').concluded, beilin.concluded);
  assert.deepEqual(district('610104'), {
    code: '610104',
    name: '莲湖区',
    received: 0,
    concluded: 0,
    onTimeRate: null,
  });

  const concludedBy = (id: string) => monthOf(placed.filter((c) => c.departmentId === id)).concluded.length;
  const expected = Object.values(departments)
    .map((d) => ({ name: d.name, concluded: concludedBy(d.id) }))
    .filter((d) => d.concluded > 0)
    .sort((a, b) => b.concluded - a.concluded);
  assert.deepEqual(
    s.departments.filter((d) => d.concluded > 0).map((d) => ({ name: d.name, concluded: d.concluded })),
    expected,
  );
  assert.equal(s.departments[0]!.name, '新城区测试局');
});

test('a district: only its subtree, its streets as the children', async () => {
  const s = await screen('?region=610103');
  assert.deepEqual(s.region, { code: '610103', name: '碑林区' });
  assert.deepEqual(s.today, { received: 1, concluded: 0, onTimeRate: null });
  assert.equal(s.waiting, 0);
  assert.equal(s.satisfaction, null);
  assert.equal(s.ratings, 0);
  assert.ok(s.districts.length > 0 && s.districts.every((d) => d.code.startsWith('610103')));
  assert.deepEqual(
    s.departments.map((d) => d.name),
    ['碑林区测试局'],
  );
});

test('an unknown region is a 404 naming it, a malformed one a 400 naming it', async () => {
  for (const [query, status] of [
    ['?region=999999', 404],
    ['?region=6101', 400],
    ['?region=abc', 400],
  ] as const) {
    const res = await t.app.inject({ method: 'GET', url: `/api/screen${query}` });
    assert.equal(res.statusCode, status, `${query}: ${res.body}`);
    assert.equal(res.json().error.field, 'region', query);
  }
});
