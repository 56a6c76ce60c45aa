import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildHall, buildStaff, signIn } from '../testing/factories.ts';
import { recordDefaultRatings } from './defaults.ts';
import { sendDueLinks } from './due-links.ts';
import { rateByLink, readLink } from './links.ts';
import {
  BAD,
  buildRatingWorld,
  handledAtWindow,
  monthly,
  ONLINE_SCORES,
  ok,
  WINDOW_SCORES,
} from './testing.ts';

/** 好差评 from the window's 评价器, SMS links, the 12345 hotline, and the defaults after 7 days. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRatingWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildRatingWorld(t);
});
after(() => t?.close());

const tokenOf = (url: string) => url.split('/').at(-1)!;
const anyone: Pick<Browser, 'request'> = { request: (options) => t.app.inject(options) };

test('the 评价器 shows the case accepted at its window today and rates it for the applicant there', async () => {
  const current = `/api/ratings/windows/${w.window.id}/current`;
  const c = await w.caseAt('accepted');
  await handledAtWindow(t, c.id, w.hall.id, w.window.id);
  const shown = (await ok(w.clerk, 'GET', current)).current;
  assert.equal(shown.caseNo, c.caseNo);
  assert.equal(shown.stage, 'accepted');
  assert.equal(shown.matterName, w.matter.document.name);
  assert.match(shown.applicantName, /^.\*+$/, 'the applicant is masked');

  const url = `/api/ratings/windows/${w.window.id}/cases/${c.id}`;
  const online = await w.clerk.request({
    method: 'POST',
    url,
    payload: { stage: 'accepted', level: 5, subScores: ONLINE_SCORES },
  });
  assert.equal(online.statusCode, 400, 'a window asks for the window sub-ratings');
  await ok(w.clerk, 'POST', url, { stage: 'accepted', level: 5, subScores: WINDOW_SCORES }, 201);
  assert.equal((await ok(w.clerk, 'GET', current)).current, null, 'nothing left to rate at the window');
  const view = await ok(await signIn(t.app, c.applicant), 'GET', `/api/ratings/cases/${c.id}`);
  assert.equal(view.stages[0].rating.channel, 'window');
  const again = await w.clerk.request({
    method: 'POST',
    url,
    payload: { stage: 'accepted', level: 5, subScores: WINDOW_SCORES },
  });
  assert.equal(again.statusCode, 409);

  // Another hall's clerk, and a case handled elsewhere, are 404s.
  const other = await buildHall(t.db.db, {
    windows: [{ number: '09', name: '其他窗口', kind: 'comprehensive' }],
  });
  const otherClerk = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'window_clerk', organisationId: other.organisationId }),
  );
  assert.equal((await otherClerk.request({ method: 'GET', url: current })).statusCode, 404);
  const elsewhere = await w.caseAt('accepted');
  const res = await w.clerk.request({
    method: 'POST',
    url: `/api/ratings/windows/${w.window.id}/cases/${elsewhere.id}`,
    payload: { stage: 'accepted', level: 5, subScores: WINDOW_SCORES },
  });
  assert.equal(res.statusCode, 404);
  const applicant = await signIn(t.app, c.applicant);
  assert.equal((await applicant.request({ method: 'GET', url: current })).statusCode, 404);
});

test('an SMS link rates that case and stage once; a wrong token is a 404, a used or expired one a 410', async () => {
  const c = await w.caseAt('concluded');
  const notReached = await w.caseAt('accepted');
  const early = await w.head.request({
    method: 'POST',
    url: `/api/ratings/cases/${notReached.id}/link`,
    payload: { stage: 'concluded' },
  });
  assert.equal(early.statusCode, 400);
  const stranger = await signIn(t.app, await buildStaff(t.db.db, { role: 'department_head' }));
  const foreign = await stranger.request({
    method: 'POST',
    url: `/api/ratings/cases/${c.id}/link`,
    payload: { stage: 'concluded' },
  });
  assert.equal(foreign.statusCode, 404, 'another department');

  const issued = await ok(w.head, 'POST', `/api/ratings/cases/${c.id}/link`, { stage: 'concluded' }, 201);
  const { rows: sms } = await t.db.db.execute(
    sql`SELECT body FROM notifications WHERE account_id = ${c.applicant.id} AND subject->>'event' = 'rating_link'`,
  );
  assert.ok(
    sms.some((r) => (r.body as string).includes(issued.url)),
    'the link is sent to the applicant',
  );
  const token = tokenOf(issued.url);
  const page = await ok(anyone, 'GET', `/api/ratings/links/${token}`);
  assert.equal(page.caseNo, c.caseNo);
  assert.equal(page.stage, 'concluded');

  const body = { level: 4, subScores: ONLINE_SCORES };
  const wrong = await t.app.inject({ method: 'POST', url: `/api/ratings/links/${token}x`, payload: body });
  assert.equal(wrong.statusCode, 404);
  await ok(anyone, 'POST', `/api/ratings/links/${token}`, body, 201);
  const used = await t.app.inject({ method: 'POST', url: `/api/ratings/links/${token}`, payload: body });
  assert.equal(used.statusCode, 410);
  assert.equal((await t.app.inject({ method: 'GET', url: `/api/ratings/links/${token}` })).statusCode, 410);
  const view = await ok(await signIn(t.app, c.applicant), 'GET', `/api/ratings/cases/${c.id}`);
  const rating = view.stages.find((s: { stage: string }) => s.stage === 'concluded').rating;
  assert.equal(rating.channel, 'sms');
  assert.equal(view.stages[0].rating, null, 'the link rated its stage only');

  const later = await ok(w.head, 'POST', `/api/ratings/cases/${c.id}/link`, { stage: 'accepted' }, 201);
  const eightDays = new Date(Date.now() + 8 * 86_400_000);
  await assert.rejects(readLink(t.db.db, tokenOf(later.url), eightDays), { code: 'rating.link_gone' });
  await assert.rejects(
    rateByLink({
      db: t.db.db,
      audit: { actor: null, clientAddress: null, requestId: null },
      token: tokenOf(later.url),
      body,
      now: eightDays,
    }),
    { code: 'rating.link_gone' },
  );
});

test('a 12345 operator enters a rating given by phone for a case number; others may not', async () => {
  const c = await w.caseAt('accepted');
  const body = {
    caseNo: c.caseNo,
    stage: 'accepted',
    level: 2,
    subScores: ONLINE_SCORES,
    problems: ['attitude'],
  };
  assert.equal(
    (await w.head.request({ method: 'POST', url: '/api/ratings/hotline', payload: body })).statusCode,
    403,
  );
  const unknown = await w.operator.request({
    method: 'POST',
    url: '/api/ratings/hotline',
    payload: { ...body, caseNo: '610100-20000101-999999' },
  });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.field, 'caseNo');
  const created = await ok(w.operator, 'POST', '/api/ratings/hotline', body, 201);
  assert.equal(created.caseId, c.id);
  const { rows } = await t.db.db.execute(
    sql`SELECT channel, entered_by, rater_id FROM ratings WHERE id = ${created.id}`,
  );
  assert.equal(rows[0]!.channel, 'hotline');
  assert.equal(rows[0]!.rater_id, c.applicant.id);
  assert.ok(rows[0]!.entered_by, 'the operator is recorded');
  const { rows: revisits } = await t.db.db.execute(
    sql`SELECT 1 FROM rating_revisits WHERE rating_id = ${created.id}`,
  );
  assert.equal(revisits.length, 1, 'a 差评 by phone opens a revisit too');
});

test('a case concluded more than 7 days ago without a rating gets a default 基本满意, counted apart', async () => {
  const old = await w.caseAt('concluded');
  const recent = await w.caseAt('concluded');
  const rated = await w.caseAt('concluded');
  await ok(
    await signIn(t.app, rated.applicant),
    'POST',
    `/api/ratings/cases/${rated.id}`,
    { ...BAD, stage: 'concluded' },
    201,
  );
  for (const id of [old.id, rated.id])
    await t.db.db.execute(sql`UPDATE cases SET concluded_at = now() - interval '8 days' WHERE id = ${id}`);
  await t.db.db.execute(
    sql`UPDATE cases SET concluded_at = now() - interval '6 days' WHERE id = ${recent.id}`,
  );
  const month = `${new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)}-01`;
  const before = await monthly(t, 'department', w.matter.departmentId, month);

  assert.ok((await recordDefaultRatings({ db: t.db.db })) >= 1);
  const { rows } = await t.db.db.execute(
    sql`SELECT case_id, level, channel, is_default FROM ratings WHERE stage = 'concluded'
          AND case_id IN (${old.id}, ${recent.id}, ${rated.id}) ORDER BY level`,
  );
  assert.deepEqual(
    rows.map((r) => [r.case_id, r.level, r.channel, r.is_default]),
    [
      [rated.id, 1, 'online', false],
      [old.id, 3, 'default', true],
    ],
  );
  assert.equal(await recordDefaultRatings({ db: t.db.db }), 0, 'once only');
  const after = await monthly(t, 'department', w.matter.departmentId, month);
  assert.equal(Number(after!.defaults) - Number(before?.defaults ?? 0), 1);
  assert.equal(Number(after!.level3) - Number(before?.level3 ?? 0), 1);
  const figures = await ok(
    w.head,
    'GET',
    `/api/ratings/figures?scope=department&id=${w.matter.departmentId}&from=${month.slice(0, 7)}&to=${month.slice(0, 7)}`,
  );
  const m = figures.months[0];
  assert.equal(m.defaults, Number(after!.defaults));
  assert.ok(m.satisfactionWithoutDefaults < m.satisfaction, 'without defaults the 差评 weighs more');
});

test('the job sends the SMS link of a stage just reached, once', async () => {
  const c = await w.caseAt('accepted');
  await sendDueLinks({ db: t.db.db });
  const links = async () =>
    (await t.db.db.execute(sql`SELECT stage FROM rating_links WHERE case_id = ${c.id}`)).rows.map(
      (r) => r.stage,
    );
  assert.deepEqual(await links(), ['accepted']);
  const { rows } = await t.db.db.execute(
    sql`SELECT body FROM notifications WHERE account_id = ${c.applicant.id} AND subject->>'event' = 'rating_link'`,
  );
  assert.ok(rows.length >= 1 && rows.every((r) => (r.body as string).includes('/rate/')));
  await sendDueLinks({ db: t.db.db });
  assert.deepEqual(await links(), ['accepted'], 'not sent twice');
  const old = await w.caseAt('accepted');
  await t.db.db.execute(sql`UPDATE case_events SET at = at - interval '3 days' WHERE case_id = ${old.id}`);
  await t.db.db.execute(sql`UPDATE cases SET accepted_on = accepted_on - 3 WHERE id = ${old.id}`);
  await sendDueLinks({ db: t.db.db });
  const { rows: none } = await t.db.db.execute(sql`SELECT 1 FROM rating_links WHERE case_id = ${old.id}`);
  assert.equal(none.length, 0, 'a stage reached days ago gets none');
  const done = await w.caseAt('concluded');
  await sendDueLinks({ db: t.db.db });
  const { rows: stages } = await t.db.db.execute(
    sql`SELECT stage FROM rating_links WHERE case_id = ${done.id} ORDER BY stage`,
  );
  assert.deepEqual(
    stages.map((r) => r.stage),
    ['accepted', 'concluded'],
    'a case concluded just now: both stages',
  );
});
