import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { todayInChina } from '../calendar/index.ts';
import { buildHotlineWorld, takeRequest } from '../hotline/testing.ts';
import { BAD, buildRatingWorld, ONLINE_SCORES } from '../ratings/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { signIn } from '../testing/factories.ts';
import { ok } from '../testing/requests.ts';

/**
 * The ratings and 12345 requests behind a department's figures, rated, rectified and replied through
 * their own routes this month: the supervisor drills from the score down to each one.
 */

let t: TestApp;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
});
after(() => t?.close());

const month = () => todayInChina().slice(0, 7);

test('the ratings behind satisfaction and the 差评 behind rectification, with their revisits', async () => {
  const w = await buildRatingWorld(t);
  const rate = async (level: number) => {
    const c = await w.caseAt('concluded');
    const person = await signIn(t.app, c.applicant);
    const body = level <= 2 ? { ...BAD, level } : { level, subScores: { ...ONLINE_SCORES, overall: level } };
    await ok(person, 'POST', `/api/ratings/cases/${c.id}`, { ...body, stage: 'concluded' }, 201);
    return c;
  };
  const good = await rate(5);
  const rectifiedBad = await rate(1);
  const openBad = await rate(2);
  const revisits = (await ok(w.head, 'GET', '/api/ratings/revisits')).items;
  const revisit = revisits.find((r: { caseId: string }) => r.caseId === rectifiedBad.id);
  await ok(w.reviewer, 'POST', `/api/ratings/revisits/${revisit.id}/contact`, { note: '已电话联系' });
  await ok(w.head, 'POST', `/api/ratings/revisits/${revisit.id}/rectify`, { outcome: '已整改' });

  await ok(w.supervisor, 'POST', '/api/assessment/compute', { month: month(), region: '610100' });
  const ranking = await ok(
    w.supervisor,
    'GET',
    `/api/assessment/ranking?month=${month()}&kind=department&region=610100`,
  );
  const row = ranking.rows.find((r: { scopeId: string }) => r.scopeId === w.matter.departmentId);
  assert.deepEqual([row.figures.satisfaction.numerator, row.figures.satisfaction.denominator], [1, 3]);
  assert.deepEqual(
    [row.figures.badRectifiedInTime.numerator, row.figures.badRectifiedInTime.denominator],
    [1, 2],
  );

  const url = (figure: string) =>
    `/api/assessment/details?month=${month()}&kind=department&scopeId=${w.matter.departmentId}&figure=${figure}`;
  const all = await ok(w.supervisor, 'GET', url('satisfaction'));
  assert.equal(all.source, 'ratings');
  assert.equal(all.total, row.figures.satisfaction.denominator);
  assert.deepEqual(
    all.ratings.map((r: { caseNo: string; level: number }) => [r.caseNo, r.level]).sort(),
    [
      [good.caseNo, 5],
      [rectifiedBad.caseNo, 1],
      [openBad.caseNo, 2],
    ].sort(),
  );
  const bad = await ok(w.supervisor, 'GET', url('badRectifiedInTime'));
  const byCase = new Map(bad.ratings.map((r: { caseNo: string }) => [r.caseNo, r]));
  assert.equal(bad.total, 2);
  assert.deepEqual(
    [rectifiedBad, openBad].map((c) => {
      const r = byCase.get(c.caseNo) as { revisitStatus: string; rectifiedInTime: boolean };
      return [r.revisitStatus, r.rectifiedInTime];
    }),
    [
      ['rectified', true],
      ['open', false],
    ],
  );
});

test('the 12345 requests behind the on-time figure of their primary department', async () => {
  const w = await buildHotlineWorld(t);
  const replied = await takeRequest(w.operator, { kind: 'help' });
  await takeRequest(w.operator, { kind: 'help' });
  await ok(w.operator, 'POST', `/api/hotline/requests/${replied.id}/dispatch`, {
    primaryDepartmentId: w.first.id,
    assistingDepartmentIds: [],
  });
  const assignment = (await ok(w.firstHead, 'GET', '/api/hotline/assignments')).items.find(
    (a: { requestId: string }) => a.requestId === replied.id,
  );
  await ok(w.firstHead, 'POST', `/api/hotline/assignments/${assignment.id}/reply`, { reply: '已处理' });

  await ok(w.supervisor, 'POST', '/api/assessment/compute', { month: month(), region: '610100' });
  const ranking = await ok(
    w.supervisor,
    'GET',
    `/api/assessment/ranking?month=${month()}&kind=department&region=610100`,
  );
  const row = ranking.rows.find((r: { scopeId: string }) => r.scopeId === w.first.id);
  assert.deepEqual([row.figures.hotlineOnTime.numerator, row.figures.hotlineOnTime.denominator], [1, 1]);
  const details = await ok(
    w.supervisor,
    'GET',
    `/api/assessment/details?month=${month()}&kind=department&scopeId=${w.first.id}&figure=hotlineOnTime`,
  );
  assert.equal(details.source, 'requests');
  assert.deepEqual(
    details.requests.map((r: { requestNo: string; onTime: boolean }) => [r.requestNo, r.onTime]),
    [[replied.requestNo, true]],
  );
  const other = await ok(
    w.supervisor,
    'GET',
    `/api/assessment/details?month=${month()}&kind=department&scopeId=${w.second.id}&figure=hotlineOnTime`,
  );
  assert.equal(other.total, 0);
});
