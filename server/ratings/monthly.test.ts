import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { signIn } from '../testing/factories.ts';
import { recordDefaultRatings } from './defaults.ts';
import { BAD, buildRatingWorld, handledAtWindow, ONLINE_SCORES, ok, WINDOW_SCORES } from './testing.ts';

/** rating_monthly, kept with each change, equals the same counts computed by a plain query over ratings. */

let t: TestApp;
let w: Awaited<ReturnType<typeof buildRatingWorld>>;
before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildRatingWorld(t);
});
after(() => t?.close());

const COUNTS = `count(*) FILTER (WHERE status = 'valid')::int AS total,
  count(*) FILTER (WHERE status = 'valid' AND level = 1)::int AS level1,
  count(*) FILTER (WHERE status = 'valid' AND level = 2)::int AS level2,
  count(*) FILTER (WHERE status = 'valid' AND level = 3)::int AS level3,
  count(*) FILTER (WHERE status = 'valid' AND level = 4)::int AS level4,
  count(*) FILTER (WHERE status = 'valid' AND level = 5)::int AS level5,
  count(*) FILTER (WHERE status = 'valid' AND is_default)::int AS defaults,
  count(*) FILTER (WHERE status = 'valid' AND level <= 2)::int AS bad,
  count(*) FILTER (WHERE status = 'valid' AND revisit_status = 'rectified')::int AS rectified,
  count(*) FILTER (WHERE status = 'valid' AND revisit_status = 'rectified'
    AND (rectified_at AT TIME ZONE 'Asia/Shanghai')::date <= rectify_due)::int AS rectified_in_time,
  count(*) FILTER (WHERE status = 'voided')::int AS voided`;

async function fromRatings() {
  const { rows } = await t.db.db.execute(
    sql.raw(`WITH r AS (
        SELECT r.*, v.status AS revisit_status, v.rectified_at, v.rectify_due
        FROM ratings r LEFT JOIN rating_revisits v ON v.rating_id = r.id),
      scoped AS (
        SELECT 'department' AS kind, department_id::text AS scope_id, r.* FROM r
        UNION ALL SELECT 'hall', hall_id::text, r.* FROM r WHERE hall_id IS NOT NULL
        UNION ALL SELECT 'window', window_id::text, r.* FROM r WHERE window_id IS NOT NULL
        UNION ALL SELECT 'region', code, r.* FROM r, unnest(string_to_array(region_path, '/')) AS code)
      SELECT month::text, kind, scope_id AS id, ${COUNTS} FROM scoped
      GROUP BY month, kind, scope_id ORDER BY month, kind, scope_id`),
  );
  return rows;
}

async function kept() {
  const { rows } = await t.db.db.execute(
    sql`SELECT month::text, scope_kind AS kind, scope_id AS id, total, level1, level2, level3, level4, level5, defaults,
          bad, rectified, rectified_in_time, voided
        FROM rating_monthly ORDER BY month, kind, id`,
  );
  return rows;
}

test('after ratings from every channel, defaults, rectifications and a voided 差评 the kept figures equal the plain count', async () => {
  const rate = async (stage: 'accepted' | 'concluded', body: object) => {
    const c = await w.caseAt(stage);
    await ok(await signIn(t.app, c.applicant), 'POST', `/api/ratings/cases/${c.id}`, { stage, ...body }, 201);
    return c;
  };
  await rate('accepted', { level: 5, subScores: ONLINE_SCORES });
  await rate('accepted', { level: 3, subScores: ONLINE_SCORES });
  await rate('concluded', { level: 4, subScores: ONLINE_SCORES });
  for (let i = 0; i < 3; i++) await rate('concluded', BAD);
  await rate('accepted', { ...BAD, level: 2 });

  const atWindow = await w.caseAt('accepted');
  await handledAtWindow(t, atWindow.id, w.hall.id, w.window.id);
  await ok(
    w.clerk,
    'POST',
    `/api/ratings/windows/${w.window.id}/cases/${atWindow.id}`,
    {
      stage: 'accepted',
      level: 1,
      subScores: WINDOW_SCORES,
      problems: ['attitude'],
    },
    201,
  );
  const byPhone = await w.caseAt('accepted');
  await ok(
    w.operator,
    'POST',
    '/api/ratings/hotline',
    {
      caseNo: byPhone.caseNo,
      stage: 'accepted',
      level: 4,
      subScores: ONLINE_SCORES,
    },
    201,
  );
  const old = await w.caseAt('concluded');
  await t.db.db.execute(sql`UPDATE cases SET concluded_at = now() - interval '10 days' WHERE id = ${old.id}`);
  await recordDefaultRatings({ db: t.db.db });

  const revisits = (await ok(w.head, 'GET', '/api/ratings/revisits')).items as {
    id: string;
    caseId: string;
  }[];
  assert.equal(revisits.length, 5);
  const [a, b, c, d] = revisits;
  await ok(w.head, 'POST', `/api/ratings/revisits/${a!.id}/rectify`, { outcome: '已整改' });
  await ok(w.head, 'POST', `/api/ratings/revisits/${b!.id}/rectify`, { outcome: '已整改' });
  // One rectified late: its due day moved into the past before the outcome came.
  await t.db.db.execute(sql`UPDATE rating_revisits SET rectify_due = current_date - 3 WHERE id = ${c!.id}`);
  await ok(w.head, 'POST', `/api/ratings/revisits/${c!.id}/rectify`, { outcome: '逾期整改' });
  for (const revisit of [b!, d!]) {
    await ok(w.head, 'POST', `/api/ratings/revisits/${revisit.id}/review-request`, { reason: '恶意差评' });
    await ok(w.supervisor, 'POST', `/api/ratings/revisits/${revisit.id}/review-decision`, {
      upheld: true,
      reason: '经核实为恶意差评',
    });
  }

  const expected = await fromRatings();
  assert.ok(expected.length >= 5, 'department, hall, window and regions counted');
  assert.deepEqual(await kept(), expected);
  const department = expected.find((r) => r.kind === 'department')!;
  assert.equal(department.voided, 2);
  assert.equal(department.defaults, 1);
  assert.equal(department.rectified, 2);
  assert.equal(department.rectified_in_time, 1);
});

test('the public monthly publication lists the rated departments and halls of a region; figures are for their staff', async () => {
  const month = ((await kept())[0]!.month as string).slice(0, 7);
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/ratings/public?month=${month}&regionCode=610100`,
  });
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as {
    scope: string;
    id: string;
    name: string;
    total: number;
    satisfaction: number;
  }[];
  const department = items.find((i) => i.scope === 'department' && i.id === w.matter.departmentId);
  assert.ok(department, 'the department is published');
  assert.ok(department.name.length > 0);
  const figures = await ok(
    w.head,
    'GET',
    `/api/ratings/figures?scope=department&id=${w.matter.departmentId}&from=${month}&to=${month}`,
  );
  assert.equal(department.total, figures.months[0].total);
  assert.equal(department.satisfaction, figures.months[0].satisfaction);
  const m = figures.months[0];
  const satisfied = m.levels.level3 + m.levels.level4 + m.levels.level5;
  assert.equal(m.satisfaction, Math.round((satisfied / m.total) * 10_000) / 10_000);
  assert.ok(
    items.some((i) => i.scope === 'hall' && i.id === w.hall.id),
    'the hall rated at its window',
  );

  const unknown = await t.app.inject({
    method: 'GET',
    url: `/api/ratings/public?month=${month}&regionCode=999999`,
  });
  assert.equal(unknown.statusCode, 400);
  const backwards = await w.head.request({
    method: 'GET',
    url: `/api/ratings/figures?scope=department&id=${w.matter.departmentId}&from=2026-05&to=2026-01`,
  });
  assert.equal(backwards.statusCode, 400);
  assert.equal(backwards.json().error.field, 'to');
  const clerk = await w.clerk.request({
    method: 'GET',
    url: `/api/ratings/figures?scope=department&id=${w.matter.departmentId}&from=${month}&to=${month}`,
  });
  assert.equal(clerk.statusCode, 404, 'no figures of a department for a window clerk');
});
