import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { todayInChina } from '../calendar/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildStaff, signIn } from '../testing/factories.ts';
import { refreshRevisitWarnings } from './revisit-list.ts';
import { BAD, buildRatingWorld, ok } from './testing.ts';

/** The revisit of a 差评: contact and rectify by the department, review by the supervisor, warnings. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRatingWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildRatingWorld(t);
});
after(() => t?.close());

const month = () => todayInChina().slice(0, 7);

/** A 差评 of a new concluded case; its revisit as the department lists it. */
async function badRating() {
  const c = await w.caseAt('concluded');
  const person = await signIn(t.app, c.applicant);
  await ok(person, 'POST', `/api/ratings/cases/${c.id}`, { ...BAD, stage: 'concluded' }, 201);
  const list = await ok(w.head, 'GET', '/api/ratings/revisits');
  const revisit = list.items.find((r: { caseId: string }) => r.caseId === c.id);
  assert.ok(revisit, 'the department lists the revisit');
  return { c, person, revisit };
}

const figures = async () =>
  (
    await ok(
      w.supervisor,
      'GET',
      `/api/ratings/figures?scope=department&id=${w.matter.departmentId}&from=${month()}&to=${month()}`,
    )
  ).months[0];

test('the department contacts the rater and rectifies; the rater sees the outcome; others get a 404', async () => {
  const { c, person, revisit } = await badRating();
  assert.equal(revisit.status, 'open');
  assert.equal(revisit.level, 1);
  assert.deepEqual(revisit.problems, ['slow']);
  const outsider = await signIn(t.app, await buildStaff(t.db.db, { role: 'department_head' }));
  const foreign = await outsider.request({
    method: 'POST',
    url: `/api/ratings/revisits/${revisit.id}/contact`,
    payload: { note: '已电话联系' },
  });
  assert.equal(foreign.statusCode, 404);
  assert.ok(
    !(await ok(outsider, 'GET', '/api/ratings/revisits')).items.some(
      (r: { id: string }) => r.id === revisit.id,
    ),
  );
  const clerk = await w.clerk.request({ method: 'GET', url: '/api/ratings/revisits' });
  assert.equal(clerk.statusCode, 403, 'a window clerk follows up no 差评');
  const bySupervisor = await w.supervisor.request({
    method: 'POST',
    url: `/api/ratings/revisits/${revisit.id}/contact`,
    payload: { note: '已电话联系' },
  });
  assert.equal(bySupervisor.statusCode, 404, 'the supervisor watches but does not follow up');

  const before = await figures();
  const contacted = await ok(w.reviewer, 'POST', `/api/ratings/revisits/${revisit.id}/contact`, {
    note: '已电话联系申请人',
  });
  assert.equal(contacted.status, 'contacted');
  assert.equal(contacted.contactNote, '已电话联系申请人');
  const twice = await w.reviewer.request({
    method: 'POST',
    url: `/api/ratings/revisits/${revisit.id}/contact`,
    payload: { note: '再次联系' },
  });
  assert.equal(twice.statusCode, 409);
  const rectified = await ok(w.head, 'POST', `/api/ratings/revisits/${revisit.id}/rectify`, {
    outcome: '已压缩办理时限至3个工作日',
  });
  assert.equal(rectified.status, 'rectified');
  const after = await figures();
  assert.equal(after.rectified - before.rectified, 1);
  assert.equal(after.rectifiedInTime - before.rectifiedInTime, 1);
  const seen = (await ok(person, 'GET', `/api/ratings/cases/${c.id}`)).stages[1].rating.revisit;
  assert.equal(seen.status, 'rectified');
  assert.equal(seen.outcome, '已压缩办理时限至3个工作日');
  const { rows } = await t.db.db.execute(
    sql`SELECT action FROM audit_records WHERE target_id = ${revisit.id} ORDER BY at`,
  );
  assert.deepEqual(
    rows.map((r) => r.action),
    ['rating.revisit_contact', 'rating.revisit_rectify'],
  );
});

test('the supervisor decides a review: upheld voids the 差评 and the figures change; rejected keeps it', async () => {
  const first = await badRating();
  const second = await badRating();
  const early = await w.supervisor.request({
    method: 'POST',
    url: `/api/ratings/revisits/${first.revisit.id}/review-decision`,
    payload: { upheld: true, reason: '恶意差评' },
  });
  assert.equal(early.statusCode, 409, 'nothing asked for review yet');
  for (const { revisit } of [first, second]) {
    const asked = await ok(w.head, 'POST', `/api/ratings/revisits/${revisit.id}/review-request`, {
      reason: '申请人与窗口发生争执后恶意差评',
    });
    assert.equal(asked.reviewStatus, 'requested');
  }
  const byDepartment = await w.head.request({
    method: 'POST',
    url: `/api/ratings/revisits/${first.revisit.id}/review-decision`,
    payload: { upheld: true, reason: '自行认定' },
  });
  assert.equal(byDepartment.statusCode, 404, 'the department does not decide its own review');
  const requested = await ok(w.supervisor, 'GET', '/api/ratings/revisits?reviewStatus=requested');
  assert.ok(requested.items.some((r: { id: string }) => r.id === first.revisit.id));

  const before = await figures();
  const upheld = await ok(w.supervisor, 'POST', `/api/ratings/revisits/${first.revisit.id}/review-decision`, {
    upheld: true,
    reason: '经核实为恶意差评',
  });
  assert.equal(upheld.reviewStatus, 'upheld');
  const rejected = await ok(
    w.supervisor,
    'POST',
    `/api/ratings/revisits/${second.revisit.id}/review-decision`,
    {
      upheld: false,
      reason: '评价属实',
    },
  );
  assert.equal(rejected.reviewStatus, 'rejected');
  const after = await figures();
  assert.equal(before.total - after.total, 1);
  assert.equal(before.bad - after.bad, 1);
  assert.equal(before.levels.level1 - after.levels.level1, 1);
  assert.equal(after.voided - before.voided, 1);
  const voided = (await ok(first.person, 'GET', `/api/ratings/cases/${first.c.id}`)).stages[1].rating;
  assert.equal(voided.status, 'voided');
  const kept = (await ok(second.person, 'GET', `/api/ratings/cases/${second.c.id}`)).stages[1].rating;
  assert.equal(kept.status, 'valid');
});

test('a revisit turns yellow on its due day and red once the day has passed', async () => {
  const { revisit } = await badRating();
  const today = todayInChina();
  await t.db.db.execute(
    sql`UPDATE rating_revisits SET contact_due = ${today}::date WHERE id = ${revisit.id}`,
  );
  const yellow = (await ok(w.head, 'GET', '/api/ratings/revisits')).items.find(
    (r: { id: string }) => r.id === revisit.id,
  );
  assert.equal(yellow.warning, 'yellow');
  await t.db.db.execute(
    sql`UPDATE rating_revisits SET contact_due = ${today}::date - 1 WHERE id = ${revisit.id}`,
  );
  const list = (await ok(w.head, 'GET', '/api/ratings/revisits')).items;
  assert.equal(list[0].id, revisit.id, 'red first');
  assert.equal(list[0].warning, 'red');
  assert.ok((await refreshRevisitWarnings(t.db.db)) >= 1);
  const { rows } = await t.db.db.execute(sql`SELECT warning FROM rating_revisits WHERE id = ${revisit.id}`);
  assert.equal(rows[0]!.warning, 'red', 'the sweep stores it');
  await ok(w.head, 'POST', `/api/ratings/revisits/${revisit.id}/contact`, { note: '已联系' });
  const contacted = (await ok(w.head, 'GET', '/api/ratings/revisits')).items.find(
    (r: { id: string }) => r.id === revisit.id,
  );
  assert.equal(contacted.warning, 'none', 'contacted, the rectify day still ahead');
});
