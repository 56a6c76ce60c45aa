import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FigureCasesAnswer, FiguresAnswer } from '../../common/statistics/api.ts';
import { type Browser, signInAs } from '../accounts/testing.ts';
import { todayInChina } from '../calendar/index.ts';
import { FOOD_LICENCE, publishMatter, uploadedMaterial } from '../cases/testing.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { ok } from '../testing/requests.ts';
import { rebuildCaseDaily, refreshCaseDaily } from './refresh.ts';

/**
 * 容缺受理占比 counts what happened at 受理: a case accepted with gaps counts on its day of acceptance
 * after the missing materials arrived and it was concluded, in the rollups, the figures and the cases
 * listed behind the figure; a case accepted without gaps never does.
 */

type Figures = Static<typeof FiguresAnswer>;
type Cases = Static<typeof FigureCasesAnswer>;
type Case = { id: string; version: number; status: string; gaps: string[] };

let t: TestApp;
let dataDir: string;
let food: string;
let department: string;
let clerk: Browser;
let reviewer: Browser;
let head: Browser;
let supervisor: Browser;
const today = todayInChina(new Date());
const period = `from=${today}&to=${today}`;

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'yw-gaps-share-'));
  t = await createTestApp({ demo: true, env: { DATA_DIR: dataDir, SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const [market] = (
    await t.db.db.execute<{ id: string }>("SELECT id FROM organisations WHERE short_name = '市场监管局'")
  ).rows;
  department = market!.id;
  food = await publishMatter(t.db.db, department, FOOD_LICENCE);
  clerk = await signInAs(t.app, 'clerk', DEMO_PASSWORD);
  reviewer = await signInAs(t.app, 'reviewer', DEMO_PASSWORD);
  head = await signInAs(t.app, 'head', DEMO_PASSWORD);
  supervisor = await signInAs(t.app, 'supervisor', DEMO_PASSWORD);
});
after(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const act = async (who: Browser, c: Case, action: string, body: Record<string, unknown> = {}) =>
  (await ok(who, 'POST', `/api/cases/${c.id}/${action}`, { version: c.version, ...body })) as Case;

/** A food licence filed at the counter with the application only (the premises proof missing). */
async function fileAtCounter(login: string, displayName: string): Promise<Case> {
  const payload = {
    implementationId: food,
    applicant: { kind: 'person', login, displayName },
    materials: [await uploadedMaterial(clerk, 'sqs', `sqs ${login}`)],
  };
  return (await ok(clerk, 'POST', '/api/cases', payload, 201)) as Case;
}

const gapsShareOf = async (scope: string) => {
  const figures = (await ok(supervisor, 'GET', `/api/statistics/figures?${period}&${scope}`)) as Figures;
  return figures.figures.find((f) => f.key === 'gapsShare')!.current;
};

const listedOf = async (scope: string, partOnly: boolean) => {
  const url = `/api/statistics/cases?figure=gapsShare&${period}&${scope}&pageSize=100${partOnly ? '&part=true' : ''}`;
  return (await ok(supervisor, 'GET', url)) as Cases;
};

/** The department's 容缺 and accepted counts of today in case_daily. */
async function rollupToday(): Promise<{ gaps: number; accepted: number }> {
  const { rows } = await t.db.db.execute<{ gaps: number; accepted: number }>(sql`
    SELECT coalesce(sum(accepted_with_gaps), 0)::int AS gaps, coalesce(sum(accepted), 0)::int AS accepted
    FROM case_daily WHERE department_id = ${department}::uuid AND day = ${today}::date`);
  return rows[0]!;
}

test('a case accepted with gaps counts in 容缺受理占比 after its materials arrive; one accepted without gaps does not', async () => {
  await rebuildCaseDaily(t.db.db);
  const rollupBefore = await rollupToday();
  const departmentScope = `departmentId=${department}`;
  const before = await gapsShareOf(departmentScope);

  let withGaps = await fileAtCounter('610102198001010023', '王秀英');
  withGaps = await act(clerk, withGaps, 'accept-with-gaps', { gaps: ['zscl'], gapDeadline: '2999-01-01' });
  withGaps = await act(clerk, withGaps, 'supply-gap', {
    materials: [await uploadedMaterial(clerk, 'zscl', 'zscl arrived')],
  });
  assert.equal(withGaps.status, 'accepted', 'every missing material arrived');
  withGaps = await act(reviewer, withGaps, 'start-review');
  withGaps = await act(head, withGaps, 'approve');
  withGaps = await act(reviewer, withGaps, 'conclude');
  const page = (await ok(clerk, 'GET', `/api/cases/${withGaps.id}`)) as Case;
  assert.deepEqual(page.gaps, [], 'no gap is open any more');

  let plain = await fileAtCounter('610102198001010031', '李建华');
  plain = await act(clerk, plain, 'accept');
  assert.equal(plain.status, 'accepted');

  await refreshCaseDaily(t.db.db);
  const rollupAfter = await rollupToday();
  assert.deepEqual(
    { gaps: rollupAfter.gaps - rollupBefore.gaps, accepted: rollupAfter.accepted - rollupBefore.accepted },
    { gaps: 1, accepted: 2 },
    'case_daily: both accepted today, one of them with gaps',
  );

  const byDepartment = await gapsShareOf(departmentScope);
  assert.equal(byDepartment.numerator, before.numerator + 1, 'the rollups count the case accepted with gaps');
  assert.equal(byDepartment.denominator, before.denominator + 2);

  const matterScope = `implementationId=${food}`;
  const byMatter = await gapsShareOf(matterScope);
  assert.deepEqual(
    { value: byMatter.value, numerator: byMatter.numerator, denominator: byMatter.denominator },
    { value: 0.5, numerator: 1, denominator: 2 },
    'the matter’s cases: one of the two accepted today was accepted with gaps',
  );

  for (const scope of [matterScope, departmentScope]) {
    const part = await listedOf(scope, true);
    const partIds = part.items.map((c) => c.id);
    assert.ok(partIds.includes(withGaps.id), `${scope}: the case accepted with gaps is listed`);
    assert.ok(!partIds.includes(plain.id), `${scope}: the case accepted without gaps is not`);
    assert.equal(part.partTotal, scope === matterScope ? 1 : byDepartment.numerator);
    const all = await listedOf(scope, false);
    const listed = all.items.filter((c) => c.id === withGaps.id || c.id === plain.id);
    assert.deepEqual(
      listed.map((c) => [c.id, c.part]).sort(),
      [
        [withGaps.id, true],
        [plain.id, false],
      ].sort(),
      `${scope}: both accepted cases are behind the figure, only one singled out`,
    );
  }
});
