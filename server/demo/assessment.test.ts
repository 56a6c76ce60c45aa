import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { todayInChina } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { signIn } from '../testing/factories.ts';
import { ok } from '../testing/requests.ts';

/** The demo's monthly assessment: five city departments ranked last month and this month so far. */

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(() => t?.close());

const monthBefore = (month: string) => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

test('the supervisor finds last month ranked with figures behind each score, and this month so far', async () => {
  const supervisor = await signIn(t.app, {
    id: '',
    kind: 'staff',
    login: 'supervisor',
    displayName: '孙卫东',
    phone: null,
    password: 'demo1234',
  });
  const current = todayInChina().slice(0, 7);
  const last = await ok(
    supervisor,
    'GET',
    `/api/assessment/ranking?month=${monthBefore(current)}&kind=department`,
  );
  assert.equal(last.region.name, '西安市');
  assert.equal(last.complete, true);
  assert.equal(last.rows.length, 5);
  assert.equal(last.rows[0].name, '西安市公安局');
  assert.equal(last.rows[0].figures.onTime.value, 1);
  assert.ok(last.rows.at(-1).figures.onTime.value < 1, 'the last department concluded some cases late');
  assert.ok(
    last.rows.every(
      (r: { figures: { onTime: { denominator: number } } }) => r.figures.onTime.denominator > 0,
    ),
  );
  assert.ok(last.idle.some((i: { name: string }) => i.name === '西安市教育局'));
  const details = await ok(
    supervisor,
    'GET',
    `/api/assessment/details?month=${monthBefore(current)}&kind=department&scopeId=${last.rows.at(-1).scopeId}&figure=onTime`,
  );
  assert.ok(details.cases.some((c: { onTime: boolean }) => c.onTime === false));
  const now = await ok(supervisor, 'GET', `/api/assessment/ranking?month=${current}&kind=department`);
  assert.equal(now.complete, false);
  assert.ok(now.computedAt);
});
