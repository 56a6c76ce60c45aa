import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { todayInChina, workingDeadline } from '../calendar/index.ts';
import { takeRequest } from '../hotline/testing.ts';
import { recordDefaultRatings } from '../ratings/index.ts';
import { BAD } from '../ratings/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildCase, buildMatter, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { ok } from '../testing/requests.ts';

/**
 * The settings at work: default ratings after a region's days, a 差评's revisit dues and a 12345
 * request's due day from the region of the case or request; other regions keep the defaults.
 */

let t: TestApp;
let supervisor: Browser;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const city = await buildOrganisation(t.db.db, { regionCode: '610100' });
  supervisor = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'supervisor', organisationId: city.id }),
  );
  await ok(supervisor, 'PUT', '/api/region-settings/610103', {
    version: 0,
    settings: {
      ratings: { defaultAfterDays: 3, revisitContactWorkingDays: 2, revisitRectifyWorkingDays: 8 },
      hotline: { limitDays: { complaint: 20 } },
    },
  });
});
after(() => t?.close());

const concludedCase = async (regionCode: string) =>
  buildCase(t, {
    matter: await buildMatter(t.db.db, { regionCode }),
    actions: ['accept', 'start_review', 'approve', 'conclude'],
  });
const concludedDaysAgo = (id: string, days: number) =>
  t.db.db.execute(sql`UPDATE cases SET concluded_at = now() - ${days} * interval '1 day' WHERE id = ${id}`);
const due = (days: number) =>
  workingDeadline({ db: t.db.db, from: todayInChina(), days, unit: 'working_days' });

test('a region with defaultAfterDays 3 gets default ratings after 3 days; another keeps 7', async () => {
  const beilin4 = await concludedCase('610103');
  const beilin2 = await concludedCase('610103');
  const lianhu4 = await concludedCase('610104');
  const lianhu8 = await concludedCase('610104');
  await concludedDaysAgo(beilin4.id, 4);
  await concludedDaysAgo(beilin2.id, 2);
  await concludedDaysAgo(lianhu4.id, 4);
  await concludedDaysAgo(lianhu8.id, 8);

  assert.equal(await recordDefaultRatings({ db: t.db.db }), 2);
  const { rows } = await t.db.db.execute(
    sql`SELECT case_id FROM ratings WHERE stage = 'concluded' AND channel = 'default' AND is_default`,
  );
  assert.deepEqual(rows.map((r) => r.case_id).sort(), [beilin4.id, lianhu8.id].sort());
});

test("a 差评's revisit is due on the days of the case's region", async () => {
  const revisitOf = async (regionCode: string) => {
    const c = await concludedCase(regionCode);
    await ok(
      await signIn(t.app, c.applicant),
      'POST',
      `/api/ratings/cases/${c.id}`,
      { ...BAD, stage: 'concluded' },
      201,
    );
    const { rows } = await t.db.db.execute(
      sql`SELECT contact_due::text AS contact, rectify_due::text AS rectify FROM rating_revisits WHERE case_id = ${c.id}`,
    );
    return rows[0] as { contact: string; rectify: string };
  };
  assert.deepEqual(await revisitOf('610103'), { contact: await due(2), rectify: await due(8) });
  assert.deepEqual(await revisitOf('610104'), { contact: await due(1), rectify: await due(5) });
});

test('a 投诉 in a region with complaint 20 is due 20 working days on; elsewhere 15', async () => {
  const operator = await signIn(t.app, await buildStaff(t.db.db, { role: 'hotline_operator' }));
  const beilin = await takeRequest(operator, { regionCode: '610103' });
  assert.equal(beilin.dueDate, await due(20));
  const view = await ok(operator, 'GET', `/api/hotline/requests/${beilin.id}`);
  assert.equal(view.limitDays, 20);
  const lianhu = await takeRequest(operator, { regionCode: '610104' });
  assert.equal(lianhu.dueDate, await due(15));
  const consult = await takeRequest(operator, { regionCode: '610103', kind: 'consult' });
  assert.equal(consult.dueDate, await due(2), 'the other kinds keep theirs');
});
