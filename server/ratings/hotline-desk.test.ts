import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildHall } from '../testing/factories.ts';
import { recordDefaultRatings } from './defaults.ts';
import { buildRatingWorld, handledAtWindow, ok, WINDOW_SCORES } from './testing.ts';

/**
 * The 12345 desk: a case looked up by number, a phone rating with the window's sub-ratings, the
 * request made from a 差评 shown with the rating and in the department's revisits; the public
 * monthly publication per window.
 */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRatingWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildRatingWorld(t);
});
after(() => t?.close());

const lookUp = (caseNo: string) =>
  w.operator.request({
    method: 'GET',
    url: `/api/ratings/hotline/case?caseNo=${encodeURIComponent(caseNo)}`,
  });

test('an operator looks a case up by number, audited; others may not; an unknown number is a 404 naming caseNo', async () => {
  const c = await w.caseAt('accepted');
  const res = await lookUp(c.caseNo);
  assert.equal(res.statusCode, 200, res.body);
  const found = res.json();
  assert.equal(found.caseId, c.id);
  assert.equal(found.matterName.length > 0, true);
  assert.ok(found.departmentName.length > 0);
  assert.match(found.applicantName, /^.\**$/u, 'the applicant’s name is masked');
  assert.deepEqual(
    found.stages.map((s: { stage: string; reached: boolean; rating: unknown }) => [
      s.stage,
      s.reached,
      s.rating,
    ]),
    [
      ['accepted', true, null],
      ['concluded', false, null],
    ],
  );
  const { rows } = await t.db.db.execute(
    sql`SELECT 1 FROM audit_records WHERE action = 'rating.hotline_case' AND target_id = ${c.id}`,
  );
  assert.equal(rows.length, 1, 'the look-up is audited');
  for (const other of [w.head, w.clerk, w.supervisor]) {
    const refused = await other.request({
      method: 'GET',
      url: `/api/ratings/hotline/case?caseNo=${c.caseNo}`,
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().caseId, undefined);
  }
  const unknown = await lookUp('610100-20000101-999999');
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.field, 'caseNo');
  const empty = await lookUp('');
  assert.equal(empty.statusCode, 400);
  assert.equal(empty.json().error.field, 'caseNo');
});

test('a phone 差评 with the window’s sub-ratings becomes a complaint; the look-up and the revisits name the request', async () => {
  const c = await w.caseAt('concluded');
  await handledAtWindow(t, c.id, w.hall.id, w.window.id);
  const body = {
    caseNo: c.caseNo,
    stage: 'concluded',
    level: 2,
    subScores: { ...WINDOW_SCORES, attitude: 1 },
    problems: ['attitude'],
    comment: '窗口人员态度生硬',
  };
  const online = await w.operator.request({ method: 'POST', url: '/api/ratings/hotline', payload: body });
  assert.equal(online.statusCode, 400, 'window sub-ratings are not the online set');
  assert.match(online.json().error.field, /^subScores\./);
  const created = await ok(
    w.operator,
    'POST',
    '/api/ratings/hotline',
    { ...body, subScoreSet: 'window' },
    201,
  );
  const looked = (await lookUp(c.caseNo)).json();
  assert.equal(looked.atWindow, true);
  assert.equal(looked.hallName, w.hall.name);
  const rating = looked.stages.find((s: { stage: string }) => s.stage === 'concluded').rating;
  assert.equal(rating.id, created.id);
  assert.equal(rating.level, 2);
  assert.equal(rating.channel, 'hotline');
  assert.equal(rating.isDefault, false);
  assert.equal(rating.requestNo, null);

  const request = await ok(w.operator, 'POST', `/api/hotline/from-rating/${created.id}`, undefined, 201);
  const after = (await lookUp(c.caseNo))
    .json()
    .stages.find((s: { stage: string }) => s.stage === 'concluded');
  assert.equal(after.rating.requestId, request.id);
  assert.equal(after.rating.requestNo, request.requestNo);
  const revisits = await ok(w.head, 'GET', '/api/ratings/revisits');
  const revisit = revisits.items.find((r: { ratingId: string }) => r.ratingId === created.id);
  assert.equal(revisit.hotlineRequestNo, request.requestNo);
});

test('the publication lists a window with its hall: a rectified 差评 and a default, 好评率 with and without defaults', async () => {
  const hall = await buildHall(t.db.db, {
    windows: [{ number: '07', name: '不动产窗口', kind: 'comprehensive' }],
  });
  const windowId = hall.windows[0]!.id;
  const bad = await w.caseAt('concluded');
  const quiet = await w.caseAt('concluded');
  for (const c of [bad, quiet]) await handledAtWindow(t, c.id, hall.id, windowId);
  const rated = await ok(
    w.operator,
    'POST',
    '/api/ratings/hotline',
    {
      caseNo: bad.caseNo,
      stage: 'concluded',
      level: 1,
      subScores: WINDOW_SCORES,
      subScoreSet: 'window',
      problems: ['slow'],
    },
    201,
  );
  const revisit = (await ok(w.head, 'GET', '/api/ratings/revisits')).items.find(
    (r: { ratingId: string }) => r.ratingId === rated.id,
  );
  await ok(w.head, 'POST', `/api/ratings/revisits/${revisit.id}/contact`, { note: '已联系' });
  await ok(w.head, 'POST', `/api/ratings/revisits/${revisit.id}/rectify`, { outcome: '已增设窗口' });
  await t.db.db.execute(
    sql`UPDATE cases SET concluded_at = now() - interval '8 days' WHERE id = ${quiet.id}`,
  );
  assert.ok((await recordDefaultRatings({ db: t.db.db })) >= 1);
  const { rows } = await t.db.db.execute(
    sql`SELECT to_char(r.month, 'YYYY-MM') AS month, o.region_code AS code FROM ratings r
        JOIN halls h ON h.id = r.hall_id JOIN organisations o ON o.id = h.organisation_id WHERE r.id = ${rated.id}`,
  );
  const { month, code } = rows[0] as { month: string; code: string };
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/ratings/public?month=${month}&regionCode=${code}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  const row = res
    .json()
    .items.find((i: { scope: string; id: string }) => i.scope === 'window' && i.id === windowId);
  assert.ok(row, 'the window is published');
  assert.equal(row.name, '07号 不动产窗口');
  assert.equal(row.hallName, hall.name);
  assert.deepEqual([row.total, row.defaults, row.bad, row.rectified, row.rectifiedInTime], [2, 1, 1, 1, 1]);
  assert.equal(row.satisfaction, 0.5, 'the default counts as 基本满意');
  assert.equal(row.satisfactionWithoutDefaults, 0, 'without it only the 差评 is left');
  assert.equal(row.rectificationRate, 1);
  const hallRow = res
    .json()
    .items.find((i: { scope: string; id: string }) => i.scope === 'hall' && i.id === hall.id);
  assert.equal(hallRow.hallName, null);
  assert.equal(hallRow.total, 2);
});
