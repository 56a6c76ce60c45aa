import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { addNaturalDays } from '../../../common/working-days.ts';
import { signInAs } from '../../accounts/testing.ts';
import { todayInChina } from '../../calendar/index.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { ok } from '../../testing/requests.ts';
import { DEMO_PASSWORD } from '../accounts.ts';
import { generatedCompany, generatedPerson } from './applicants.ts';
import { DEMO_ACTIVITY_CASES, DEMO_LATE_REGION } from './demo.ts';

/** The demo's year of generated cases: concluded, out of every queue, and alive in the statistics. */

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(() => t?.close());

/** The logins of the first generated people and companies (more than the demo's year has). */
const generatedLogins = () =>
  Array.from({ length: 1000 }, (_, n) => [generatedPerson(n).login, generatedCompany(n).login]).flat();

type Figure = { key: string; current: { value: number | null; numerator: number; denominator: number } };

test('the generated year is concluded and rated, filed by its own applicants, over the last twelve months', async () => {
  const { rows } = await t.db.db.execute<Record<string, number | string>>(sql`
    SELECT count(*)::int AS cases, count(*) FILTER (WHERE c.status <> 'delivered')::int AS open,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ratings r WHERE r.case_id = c.id))::int AS unrated,
      min((c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS first,
      max((c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS last,
      count(DISTINCT c.region_code)::int AS regions
    FROM cases c JOIN accounts a ON a.id = c.applicant_id
    WHERE a.login IN (SELECT jsonb_array_elements_text(${JSON.stringify(generatedLogins())}::jsonb))`);
  const year = rows[0]!;
  assert.equal(year.cases, DEMO_ACTIVITY_CASES);
  assert.equal(year.open, 0, 'none in a queue');
  assert.equal(year.unrated, 0, 'none waiting for a default rating');
  const today = todayInChina();
  assert.ok(String(year.first) >= addNaturalDays(today, -365), `first concluded ${year.first}`);
  assert.ok(String(year.last) < today, `last concluded ${year.last}`);
  assert.equal(year.regions, 3, '西安市, 新城区 and 碑林区');
});

test('a supervisor sees 新城区 last month below 100 % on time, and the year of the city near the seeds', async () => {
  const supervisor = await signInAs(t.app, 'supervisor', DEMO_PASSWORD);
  const today = todayInChina();
  const to = addNaturalDays(`${today.slice(0, 7)}-01`, -1);
  const from = `${to.slice(0, 7)}-01`;
  const month = await ok(
    supervisor,
    'GET',
    `/api/statistics/figures?region=${DEMO_LATE_REGION}&from=${from}&to=${to}`,
  );
  const onTime = (month.figures as Figure[]).find((f) => f.key === 'onTimeRate')!;
  assert.ok(onTime.current.denominator > 0, 'cases concluded last month');
  assert.ok(onTime.current.value! < 1, `按时办结率 ${onTime.current.value}`);
  const year = await ok(
    supervisor,
    'GET',
    `/api/statistics/figures?region=610100&from=${addNaturalDays(today, -365)}&to=${addNaturalDays(today, -1)}`,
  );
  const value = (key: string) => (year.figures as Figure[]).find((f) => f.key === key)!.current.value!;
  // 2,500 cases: proportions within about three standard deviations of the profile's.
  assert.ok(Math.abs(value('immediateShare') - 0.56) < 0.04, `即办件占比 ${value('immediateShare')}`);
  assert.ok(
    Math.abs(value('atMostOneVisitShare') - 0.88) < 0.03,
    `最多跑一次 ${value('atMostOneVisitShare')}`,
  );
  assert.ok(Math.abs(value('satisfaction') - 0.965) < 0.015, `满意率 ${value('satisfaction')}`);
});
