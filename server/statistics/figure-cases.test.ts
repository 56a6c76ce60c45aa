import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FigureCasesAnswer, FiguresAnswer } from '../../common/statistics/api.ts';
import { LISTABLE_FIGURES, type ListableFigure } from '../../common/statistics/figures.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { ok } from '../testing/requests.ts';
import { refreshCaseDaily } from './refresh.ts';
import { buildStatisticsWorld, PERIOD, type StatisticsWorld } from './world-testing.ts';

/** The cases behind each figure are exactly the ones it counts: their numbers are the figure's own. */

type Figures = Static<typeof FiguresAnswer>;
type Cases = Static<typeof FigureCasesAnswer>;
let t: TestApp;
let w: StatisticsWorld;

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildStatisticsWorld(t);
});
after(() => t?.close());

const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
const casesOf = async (figure: ListableFigure, params: string): Promise<Cases> =>
  (await ok(w.city, 'GET', `/api/statistics/cases?figure=${figure}&${period}&${params}`)) as Cases;

/** The figure whose denominator counts the cases listed (the averages of shares over materials and fields list the cases received). */
const LISTED_AS: Partial<Record<ListableFigure, ListableFigure>> = {
  materialReduction: 'received',
  prefillRate: 'received',
  actualCompression: 'averageWorkingDays',
};

/** Figures whose part is the rest of the denominator (the late ones, the slow ones), not the numerator. */
const PART_IS_REST = new Set<ListableFigure>(['onTimeRate', 'p90WorkingDays']);
/** Figures whose numerator is no number of cases (a sum of days or visits, materials, fields). */
const NUMERATOR_NOT_CASES = new Set<ListableFigure>([
  'averageWorkingDays',
  'actualCompression',
  'averageVisits',
  'materialReduction',
  'prefillRate',
]);

test('for every listable figure of the city, a district, a department, a hall and a matter, the list totals are the figure’s', async () => {
  const scopes = [
    'region=610100',
    'region=610102',
    `departmentId=${w.departmentA.id}`,
    `hallId=${w.hall.id}`,
    `implementationId=${w.MA.id}`,
  ];
  let checked = 0;
  for (const scope of scopes) {
    const figures = (await ok(w.city, 'GET', `/api/statistics/figures?${period}&${scope}`)) as Figures;
    const value = (key: string) => figures.figures.find((f) => f.key === key)!.current;
    for (const figure of LISTABLE_FIGURES) {
      const listed = await casesOf(figure, `${scope}&pageSize=100`);
      const denominator = value(LISTED_AS[figure] ?? figure).denominator;
      assert.equal(listed.total, denominator, `${figure} of ${scope}: total`);
      assert.equal(listed.items.length, listed.total, `${figure} of ${scope}: one page holds them all`);
      assert.equal(listed.items.filter((c) => c.part).length, listed.partTotal);
      if (!NUMERATOR_NOT_CASES.has(figure)) {
        const { numerator } = value(figure);
        const expected = PART_IS_REST.has(figure) ? denominator - numerator : numerator;
        assert.equal(listed.partTotal, expected, `${figure} of ${scope}: part`);
      }
      checked += 1;
    }
  }
  assert.equal(checked, scopes.length * LISTABLE_FIGURES.length);
});

test('按时办结率 of the city: the late case first, then by case number; part=true lists the late one only', async () => {
  const all = await casesOf('onTimeRate', 'region=610100');
  assert.equal(all.total, 5);
  assert.equal(all.partTotal, 1);
  assert.deepEqual(
    all.items.map((c) => c.caseNo),
    [w.cases.c2.caseNo, ...[w.cases.c1, w.cases.c3, w.cases.c7, w.cases.c8].map((c) => c.caseNo).sort()],
  );
  const late = all.items[0]!;
  assert.equal(late.part, true);
  assert.deepEqual(
    [late.promisedDeadline, late.acceptedOn, late.workingDaysUsed, late.visits, late.channel],
    ['2025-10-13', '2025-10-06', 10, 2, 'counter'],
  );
  assert.equal(late.regionName, '新城区');
  assert.equal(late.departmentName, w.departmentA.name);
  assert.equal(late.matterName, w.MA.document.name);
  const only = await casesOf('onTimeRate', 'region=610100&part=true');
  assert.deepEqual(
    only.items.map((c) => c.id),
    [w.cases.c2.id],
  );
  assert.equal(only.total, 5, 'the total is still the figure’s denominator');
});

test('超期未办结 lists the open cases past their deadline, a page at a time', async () => {
  const first = await casesOf('overdueOpen', 'region=610100&pageSize=2');
  assert.equal(first.total, 3);
  assert.equal(first.items.length, 2);
  const second = await casesOf('overdueOpen', 'region=610100&pageSize=2&page=2');
  assert.deepEqual(
    [...first.items, ...second.items].map((c) => c.id).sort(),
    [w.cases.c4.id, w.cases.c9.id, w.cases.c10.id].sort(),
  );
  assert.ok([...first.items, ...second.items].every((c) => c.concludedAt === null && c.part));
  const past = await casesOf('overdueOpen', 'region=610100&page=9');
  assert.deepEqual([past.total, past.items], [3, []], 'a page past the end is empty, the total stays');
});

test('a case concluded on a day the rollups do not hold yet is listed before the refresh adds it', async () => {
  const moved = w.cases.c1;
  await t.db.db.execute(sql`UPDATE cases SET concluded_at = '2025-10-30T02:00:00Z' WHERE id = ${moved.id}`);
  const { rows } = await t.db.db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM case_daily WHERE day = '2025-10-30' AND concluded > 0`,
  );
  assert.equal(rows[0]!.n, 0, 'no rollup row holds a conclusion on that day');
  const listed = await casesOf('concluded', 'region=610100');
  assert.equal(listed.total, 5);
  assert.ok(
    listed.items.some((c) => c.id === moved.id),
    'found through the queued change',
  );
  await refreshCaseDaily(t.db.db);
});
