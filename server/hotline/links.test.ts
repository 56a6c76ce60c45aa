import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildCase, signIn } from '../testing/factories.ts';
import { buildHotlineWorld, ok, takeRequest } from './testing.ts';

/** Links: a complaint about a case names its number; a 差评 becomes a complaint about its case. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildHotlineWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildHotlineWorld(t);
});
after(() => t?.close());

const concluded = () =>
  buildCase(t, { matter: w.matter, actions: ['accept', 'start_review', 'approve', 'conclude'] });

test('a complaint names its case by number; an unknown number is a 400 naming caseNo', async () => {
  const c = await concluded();
  const taken = await takeRequest(w.operator, { caseNo: c.caseNo });
  const view = await ok(w.operator, 'GET', `/api/hotline/requests/${taken.id}`);
  assert.equal(view.caseId, c.id);
  assert.equal(view.caseNo, c.caseNo);
  const res = await w.operator.request({
    method: 'POST',
    url: '/api/hotline/requests',
    payload: {
      kind: 'complaint',
      channel: 'phone',
      requesterName: '王',
      title: '投诉',
      content: '投诉内容',
      regionCode: '610100',
      caseNo: 'NO-SUCH-CASE',
    },
  });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.field, 'caseNo');
  const other = await w.citizen.request({
    method: 'POST',
    url: '/api/hotline/portal',
    payload: {
      kind: 'complaint',
      title: '投诉',
      content: '别人的办件',
      regionCode: '610100',
      caseNo: c.caseNo,
    },
  });
  assert.equal(other.statusCode, 400, "another person's case cannot be named from the portal");
});

test('a 差评 becomes a complaint about its case, once; a good rating does not', async () => {
  const c = await concluded();
  const person = await signIn(t.app, c.applicant);
  const scores = { overall: 1, efficiency: 1, guideAccuracy: 2, convenience: 1, usability: 2 };
  await ok(
    person,
    'POST',
    `/api/ratings/cases/${c.id}`,
    { stage: 'concluded', level: 1, subScores: scores, problems: ['slow'], comment: '跑了三次' },
    201,
  );
  const rated = await ok(person, 'GET', `/api/ratings/cases/${c.id}`);
  const ratingId = rated.stages.find((s: { stage: string }) => s.stage === 'concluded').rating.id;
  const created = await ok(w.operator, 'POST', `/api/hotline/from-rating/${ratingId}`, undefined, 201);
  const view = await ok(w.operator, 'GET', `/api/hotline/requests/${created.id}`);
  assert.equal(view.kind, 'complaint');
  assert.equal(view.caseId, c.id);
  assert.equal(view.ratingId, ratingId);
  assert.match(view.content, /办理时间长/);
  const mine = await ok(person, 'GET', '/api/hotline/mine');
  assert.ok(
    mine.items.some((r: { id: string }) => r.id === created.id),
    'the rater sees it as theirs',
  );
  const again = await w.operator.request({ method: 'POST', url: `/api/hotline/from-rating/${ratingId}` });
  assert.equal(again.statusCode, 409);

  const good = await concluded();
  const happy = await signIn(t.app, good.applicant);
  await ok(
    happy,
    'POST',
    `/api/ratings/cases/${good.id}`,
    { stage: 'concluded', level: 5, subScores: { ...scores, overall: 5 } },
    201,
  );
  const goodId = (await ok(happy, 'GET', `/api/ratings/cases/${good.id}`)).stages.find(
    (s: { stage: string }) => s.stage === 'concluded',
  ).rating.id;
  const refused = await w.operator.request({ method: 'POST', url: `/api/hotline/from-rating/${goodId}` });
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().error.field, 'ratingId');
});
