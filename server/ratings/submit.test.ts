import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { todayInChina, workingDaysBetween } from '../calendar/index.ts';
import { kioskOf, LI_CARD } from '../kiosk/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildKiosk, signIn } from '../testing/factories.ts';
import { BAD, buildRatingWorld, ONLINE_SCORES, ok } from './testing.ts';

/** 好差评 by the applicant online and at a kiosk: who may rate, when, what a rating must hold. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRatingWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildRatingWorld(t);
});
after(() => t?.close());

const good = (stage: string) => ({ stage, level: 5, subScores: ONLINE_SCORES });

test('the applicant sees which stages can be rated and rates acceptance online; others see a 404', async () => {
  const c = await w.caseAt('accepted');
  const person = await signIn(t.app, c.applicant);
  const before = await ok(person, 'GET', `/api/ratings/cases/${c.id}`);
  assert.equal(before.caseNo, c.caseNo);
  assert.deepEqual(
    before.stages.map((s: { stage: string; canRate: boolean }) => [s.stage, s.canRate]),
    [
      ['accepted', true],
      ['concluded', false],
    ],
  );

  const answer = await ok(person, 'POST', `/api/ratings/cases/${c.id}`, good('accepted'), 201);
  const rating = answer.stages[0].rating;
  assert.equal(rating.level, 5);
  assert.equal(rating.channel, 'online');
  assert.equal(rating.isDefault, false);
  assert.deepEqual(rating.subScores, ONLINE_SCORES);
  assert.equal(rating.revisit, null);
  assert.equal(answer.stages[0].canRate, false);

  const twice = await person.request({
    method: 'POST',
    url: `/api/ratings/cases/${c.id}`,
    payload: good('accepted'),
  });
  assert.equal(twice.statusCode, 409);
  assert.match(twice.json().error.message, /已评价/);

  const stranger = await signIn(t.app, await buildApplicant(t.db.db));
  for (const method of ['GET', 'POST'] as const) {
    const res = await stranger.request({
      method,
      url: `/api/ratings/cases/${c.id}`,
      ...(method === 'POST' ? { payload: good('concluded') } : {}),
    });
    assert.equal(res.statusCode, 404, `${method} by another person`);
  }
  const staff = await w.head.request({
    method: 'POST',
    url: `/api/ratings/cases/${c.id}`,
    payload: good('accepted'),
  });
  assert.equal(staff.statusCode, 404, 'the department is not the applicant');
  const anonymous = await t.app.inject({ method: 'GET', url: `/api/ratings/cases/${c.id}` });
  assert.equal(anonymous.statusCode, 401);
});

test('a stage not reached is a 400 naming the stage; a case not yet accepted cannot be rated at all', async () => {
  const submitted = await w.caseAt('submitted');
  const person = await signIn(t.app, submitted.applicant);
  for (const stage of ['accepted', 'concluded']) {
    const res = await person.request({
      method: 'POST',
      url: `/api/ratings/cases/${submitted.id}`,
      payload: good(stage),
    });
    assert.equal(res.statusCode, 400, stage);
    assert.equal(res.json().error.field, 'stage');
    assert.match(res.json().error.message, /尚未到达/);
  }
  const view = await ok(person, 'GET', `/api/ratings/cases/${submitted.id}`);
  assert.ok(view.stages.every((s: { canRate: boolean }) => !s.canRate));
});

test('sub-scores of the channel are required, each 1–5; a 差评 needs a problem', async () => {
  const c = await w.caseAt('accepted');
  const person = await signIn(t.app, c.applicant);
  const post = (payload: object) =>
    person.request({ method: 'POST', url: `/api/ratings/cases/${c.id}`, payload });
  const { usability: _u, ...missing } = ONLINE_SCORES;
  const cases: [object, string][] = [
    [{ stage: 'accepted', level: 4, subScores: missing }, 'subScores.usability'],
    [{ stage: 'accepted', level: 4, subScores: { ...ONLINE_SCORES, attitude: 5 } }, 'subScores.attitude'],
    [{ stage: 'accepted', level: 2, subScores: ONLINE_SCORES }, 'problems'],
    [{ stage: 'accepted', level: 2, subScores: ONLINE_SCORES, problems: [] }, 'problems'],
  ];
  for (const [payload, field] of cases) {
    const res = await post(payload);
    assert.equal(res.statusCode, 400, JSON.stringify(payload));
    assert.equal(res.json().error.field, field);
  }
  const range = await post({ stage: 'accepted', level: 4, subScores: { ...ONLINE_SCORES, overall: 6 } });
  assert.equal(range.statusCode, 400);
  const long = await post({ ...BAD, stage: 'accepted', comment: '慢'.repeat(501) });
  assert.equal(long.statusCode, 400);
  assert.equal(
    (await ok(person, 'GET', `/api/ratings/cases/${c.id}`)).stages[0].rating,
    null,
    'nothing recorded',
  );
});

test('a 差评 opens a revisit due 1 and 5 working days later, shown to the rater', async () => {
  const c = await w.caseAt('concluded');
  const person = await signIn(t.app, c.applicant);
  const answer = await ok(person, 'POST', `/api/ratings/cases/${c.id}`, { ...BAD, stage: 'concluded' }, 201);
  const rating = answer.stages.find((s: { stage: string }) => s.stage === 'concluded').rating;
  assert.deepEqual(rating.problems, ['slow']);
  assert.equal(rating.comment, '跑了三次');
  assert.equal(rating.revisit.status, 'open');
  const { rows } = await t.db.db.execute(
    sql`SELECT contact_due::text, rectify_due::text, department_id FROM rating_revisits WHERE case_id = ${c.id}`,
  );
  const revisit = rows[0]!;
  assert.equal(revisit.department_id, w.matter.departmentId);
  const today = todayInChina();
  assert.equal(await workingDaysBetween({ db: t.db.db, from: today, to: revisit.contact_due as string }), 1);
  assert.equal(await workingDaysBetween({ db: t.db.db, from: today, to: revisit.rectify_due as string }), 5);
  const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
  assert.equal(
    await workingDaysBetween({ db: t.db.db, from: today, to: dayBefore(revisit.rectify_due as string) }),
    4,
    'the rectify due day is itself a working day',
  );
});

test('rated at a kiosk the rating counts as the kiosk channel', async () => {
  const kiosk = kioskOf(t.app, (await buildKiosk(t.db.db, { hallId: w.hall.id })).token);
  assert.equal((await kiosk.identify(LI_CARD)).statusCode, 200);
  const c = await w.caseAt('accepted');
  const { rows } = await t.db.db.execute(
    sql`SELECT account_id FROM kiosk_sessions ORDER BY started_at DESC LIMIT 1`,
  );
  await t.db.db.execute(sql`UPDATE cases SET applicant_id = ${rows[0]!.account_id} WHERE id = ${c.id}`);
  const res = await kiosk.request({
    method: 'POST',
    url: `/api/ratings/cases/${c.id}`,
    payload: good('accepted'),
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().stages[0].rating.channel, 'kiosk');
});
