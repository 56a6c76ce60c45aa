import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditTrail, type Browser, makeStaff, signInAs } from '../accounts/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { organisations } from '../organisations/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { FOOD_LICENCE, publishMatter, signInApplicant } from './testing.ts';

let t: TestApp;
let food: string;
const who: Record<string, Browser> = {};
const ids: Record<string, string> = {};

before(async () => {
  t = await createTestApp({ demo: true });
  const db = t.db.db;
  const org = async (shortName: string) =>
    (await db.select().from(organisations).where(eq(organisations.shortName, shortName)))[0]!.id;
  const market = await org('市场监管局');
  const police = await org('公安局');
  food = await publishMatter(db, market, FOOD_LICENCE);
  for (const login of ['reviewer', 'head', 'clerk']) who[login] = await signInAs(t.app, login, DEMO_PASSWORD);
  who.person = await signInApplicant(t.app, 'person', '11010519491231002X');
  const second = await makeStaff({
    db,
    organisationId: market,
    displayName: '赵敏',
    roles: [{ role: 'department_reviewer', organisationId: market }],
  });
  const policeReviewer = await makeStaff({
    db,
    organisationId: police,
    roles: [{ role: 'department_reviewer', organisationId: police }],
  });
  const otherHead = await makeStaff({
    db,
    organisationId: police,
    roles: [{ role: 'department_head', organisationId: police }],
  });
  who.second = await signInAs(t.app, second.login);
  who.otherHead = await signInAs(t.app, otherHead.login);
  ids.second = second.id;
  ids.policeReviewer = policeReviewer.id;
  const [reviewer] = (await db.execute<{ id: string }>("SELECT id FROM accounts WHERE login = 'reviewer'"))
    .rows;
  ids.reviewer = reviewer!.id;
});
after(async () => {
  await t?.close();
});

type Case = { id: string; version: number; status: string; assigneeId: string | null; [k: string]: unknown };

const act = (b: Browser, c: Case, action: string, body: Record<string, unknown> = {}) =>
  b.request({
    method: 'POST',
    url: `/api/cases/${c.id}/${action}`,
    payload: { version: c.version, ...body },
  });

async function caseInReview(): Promise<Case> {
  let c = (
    await who.person!.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;
  for (const action of ['accept', 'start-review']) {
    const res = await act(who.reviewer!, c, action);
    assert.equal(res.statusCode, 200, res.body);
    c = res.json();
  }
  assert.equal(c.assigneeId, ids.reviewer);
  return c;
}

test('the head lists the reviewers of the case department; others may not', async () => {
  const c = await caseInReview();
  const res = await who.head!.request({ method: 'GET', url: `/api/cases/${c.id}/reviewers` });
  assert.equal(res.statusCode, 200, res.body);
  const listed = (res.json().items as { id: string; displayName: string }[]).map((r) => r.id);
  assert.ok(listed.includes(ids.reviewer!) && listed.includes(ids.second!));
  assert.ok(!listed.includes(ids.policeReviewer!), 'not a reviewer of another department');
  assert.equal(
    (await who.reviewer!.request({ method: 'GET', url: `/api/cases/${c.id}/reviewers` })).statusCode,
    403,
  );
  assert.equal(
    (await who.otherHead!.request({ method: 'GET', url: `/api/cases/${c.id}/reviewers` })).statusCode,
    404,
  );
});

test('改派: the head gives the case to another reviewer; status kept, timeline event and audit record', async () => {
  const c = await caseInReview();
  const res = await act(who.head!, c, 'reassign', { assigneeId: ids.second, reason: '原承办人休假' });
  assert.equal(res.statusCode, 200, res.body);
  const after = res.json();
  assert.equal(after.status, 'in_review');
  assert.equal(after.assigneeId, ids.second);
  assert.equal(after.version, c.version + 1);
  const event = after.timeline.at(-1);
  assert.equal(event.action, 'reassign');
  assert.equal(event.actorRole, 'department_head');
  assert.deepEqual(event.details, {
    fromAssigneeId: ids.reviewer,
    assigneeId: ids.second,
    assigneeName: '赵敏',
    reason: '原承办人休假',
  });
  const audit = (await auditTrail(t.db.db, 'case.reassign')).filter((r) => r.targetId === c.id);
  assert.equal(audit.length, 1);
  assert.equal((audit[0]!.summary as { assigneeId: string }).assigneeId, ids.second);

  const stale = await act(who.head!, c, 'reassign', { assigneeId: ids.reviewer, reason: '再改' });
  assert.equal(stale.statusCode, 409, 'the version the head saw is stale');
  assert.equal(stale.json().error.code, 'resource.conflict');
});

test('the new assignee must be a reviewer of the case department; reason required; only the head reassigns', async () => {
  const c = await caseInReview();
  const elsewhere = await act(who.head!, c, 'reassign', { assigneeId: ids.policeReviewer, reason: '改派' });
  assert.equal(elsewhere.statusCode, 400);
  assert.equal(elsewhere.json().error.code, 'case.assignee_not_reviewer');
  assert.equal(elsewhere.json().error.field, 'assigneeId');
  assert.match(elsewhere.json().error.message, /西安市市场监督管理局|市场监管/);
  const nobody = await act(who.head!, c, 'reassign', {
    assigneeId: '00000000-0000-4000-8000-000000000000',
    reason: '改派',
  });
  assert.equal(nobody.json().error.code, 'case.assignee_not_reviewer');
  const noReason = await act(who.head!, c, 'reassign', { assigneeId: ids.second });
  assert.equal(noReason.statusCode, 400);
  assert.equal(noReason.json().error.field, 'reason');
  assert.equal(
    (await act(who.reviewer!, c, 'reassign', { assigneeId: ids.second, reason: 'x' })).statusCode,
    403,
  );
  assert.equal(
    (await act(who.otherHead!, c, 'reassign', { assigneeId: ids.second, reason: 'x' })).statusCode,
    404,
  );
  const accepted = (
    await who.person!.request({ method: 'POST', url: '/api/cases', payload: { implementationId: food } })
  ).json() as Case;
  const early = await act(who.head!, accepted, 'reassign', { assigneeId: ids.second, reason: '改派' });
  assert.equal(early.statusCode, 409, 'only a case under review is reassigned');
  assert.equal(early.json().error.code, 'case.transition_not_allowed');
});

test('退回改派: only the assigned reviewer hands the case back; the head then reassigns it', async () => {
  let c = await caseInReview();
  const notMine = await act(who.second!, c, 'hand-back', { reason: '非本人承办' });
  assert.equal(notMine.statusCode, 403);
  assert.equal(notMine.json().error.code, 'case.not_assignee');
  const back = await act(who.reviewer!, c, 'hand-back', { reason: '涉及回避事由' });
  assert.equal(back.statusCode, 200, back.body);
  c = back.json();
  assert.equal(c.assigneeId, null);
  assert.equal(c.status, 'in_review');
  const again = await act(who.head!, c, 'reassign', { assigneeId: ids.second, reason: '回避后改派' });
  assert.equal(again.statusCode, 200, again.body);
  assert.equal(again.json().assigneeId, ids.second);
});
