import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { signIn } from '../testing/factories.ts';
import { rebuildRatingMonthly } from './rebuild.ts';
import { BAD, buildRatingWorld, handledAtWindow, ONLINE_SCORES, ok, WINDOW_SCORES } from './testing.ts';

/** Rebuilding rating_monthly from the ratings gives back the counts kept with each change. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRatingWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildRatingWorld(t);
});
after(() => t?.close());

async function kept() {
  const { rows } = await t.db.db.execute(
    sql`SELECT month::text, scope_kind, scope_id, total, level1, level2, level3, level4, level5, defaults, bad,
          rectified, rectified_in_time, voided
        FROM rating_monthly ORDER BY month, scope_kind, scope_id`,
  );
  return rows.filter((row) => Object.values(row).some((v) => typeof v === 'number' && v !== 0));
}

test('a rebuild of rating_monthly after ratings, a rectification and a voided 差评 equals the kept counts', async () => {
  const rate = async (stage: 'accepted' | 'concluded', body: object) => {
    const c = await w.caseAt(stage);
    await ok(await signIn(t.app, c.applicant), 'POST', `/api/ratings/cases/${c.id}`, { stage, ...body }, 201);
  };
  await rate('accepted', { level: 5, subScores: ONLINE_SCORES });
  await rate('concluded', BAD);
  await rate('concluded', { ...BAD, level: 2 });
  const atWindow = await w.caseAt('accepted');
  await handledAtWindow(t, atWindow.id, w.hall.id, w.window.id);
  await ok(
    w.clerk,
    'POST',
    `/api/ratings/windows/${w.window.id}/cases/${atWindow.id}`,
    { stage: 'accepted', level: 4, subScores: WINDOW_SCORES },
    201,
  );
  const [first, second] = (await ok(w.head, 'GET', '/api/ratings/revisits')).items as { id: string }[];
  await ok(w.head, 'POST', `/api/ratings/revisits/${first!.id}/rectify`, { outcome: '已整改' });
  await ok(w.head, 'POST', `/api/ratings/revisits/${second!.id}/review-request`, { reason: '恶意差评' });
  await ok(w.supervisor, 'POST', `/api/ratings/revisits/${second!.id}/review-decision`, {
    upheld: true,
    reason: '经核实为恶意差评',
  });

  const before = await kept();
  const scopes = new Set(before.map((r) => r.scope_kind));
  assert.deepEqual([...scopes].sort(), ['department', 'hall', 'region', 'window']);
  assert.ok(before.some((r) => r.rectified === 1 && r.voided === 1 && r.total === 3));

  await t.db.db.execute(sql`UPDATE rating_monthly SET total = total + 5, voided = 0`);
  await t.db.db.execute(
    sql`INSERT INTO rating_monthly (month, scope_kind, scope_id, total) VALUES ('2001-01-01', 'region', '610000', 2)`,
  );
  const rebuilt = await rebuildRatingMonthly(t.db.db);
  assert.equal(rebuilt.rows, before.length);
  assert.deepEqual(await kept(), before);
});
