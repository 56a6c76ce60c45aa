import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { signInAs } from '../accounts/testing.ts';
import { todayInChina } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { ok } from '../testing/requests.ts';
import { DEMO_PASSWORD } from './accounts.ts';

/**
 * The demo's monthly assessment: the city's departments with business last month (its year of
 * generated cases and the assessment history) ranked, and this month so far.
 */

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(() => t?.close());

const monthBefore = (month: string) => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

type Row = {
  scopeId: string;
  name: string;
  rank: number;
  score: number;
  figures: { onTime: { value: number; numerator: number; denominator: number } };
};

/** The city's departments that concluded cases in the month or were rated in it, with their counts. */
async function businessOf(month: string) {
  const { rows } = await t.db.db.execute<{ name: string; concluded: number; onTime: number }>(sql`
    SELECT o.name, count(c.id)::int AS concluded,
      count(c.id) FILTER (WHERE c.promised_deadline IS NULL
        OR (c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date <= c.promised_deadline)::int AS "onTime"
    FROM organisations o
    LEFT JOIN cases c ON c.department_id = o.id
      AND to_char(c.concluded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${month}
    WHERE o.kind = 'department' AND o.region_code = '610100'
      AND (c.id IS NOT NULL OR EXISTS (SELECT 1 FROM ratings r
        WHERE r.department_id = o.id AND r.month = ${`${month}-01`}::date))
    GROUP BY o.name`);
  return new Map(rows.map((r) => [r.name, r]));
}

test('the supervisor finds last month ranked with figures behind each score, and this month so far', async () => {
  const supervisor = await signInAs(t.app, 'supervisor', DEMO_PASSWORD);
  const current = todayInChina().slice(0, 7);
  const previous = monthBefore(current);
  const last = await ok(supervisor, 'GET', `/api/assessment/ranking?month=${previous}&kind=department`);
  assert.equal(last.region.name, '西安市');
  assert.equal(last.complete, true);
  const business = await businessOf(previous);
  const rows = last.rows as Row[];
  assert.ok(rows.length >= 5, 'the five departments of the assessment history at least');
  assert.deepEqual(rows.map((r) => r.name).sort(), [...business.keys()].sort());
  for (const row of rows) {
    const counts = business.get(row.name)!;
    assert.equal(row.figures.onTime.denominator, counts.concluded, row.name);
    assert.equal(row.figures.onTime.numerator, counts.onTime, row.name);
  }
  assert.deepEqual(
    rows.map((r) => r.score),
    rows.map((r) => r.score).sort((a, b) => b - a),
    'best score first',
  );
  const { rows: idle } = await t.db.db.execute<{ name: string }>(sql`
    SELECT name FROM organisations WHERE kind = 'department' AND region_code = '610100' AND active`);
  assert.deepEqual(
    last.idle.map((i: { name: string }) => i.name).sort(),
    idle
      .map((r) => r.name)
      .filter((name) => !business.has(name))
      .sort(),
  );
  const late = rows.find((r) => r.figures.onTime.value < 1);
  assert.ok(late, 'a department concluded some cases late (the assessment history has some)');
  const details = await ok(
    supervisor,
    'GET',
    `/api/assessment/details?month=${previous}&kind=department&scopeId=${late.scopeId}&figure=onTime&pageSize=100`,
  );
  assert.ok(details.cases.some((c: { onTime: boolean }) => c.onTime === false));
  const now = await ok(supervisor, 'GET', `/api/assessment/ranking?month=${current}&kind=department`);
  assert.equal(now.complete, false);
  assert.ok(now.computedAt);
});
