import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/db.ts';
import { seedDemoAccounts } from '../accounts.ts';
import { seedDemoCatalogue } from '../catalogue/seed.ts';
import { seedDemoOrganisations } from '../organisations.ts';
import { DEMO_AUDIT } from '../seed.ts';
import { generateActivity, rebuildActivityFigures } from './generate.ts';
import { SEED_FIGURES, XIAN_PROFILE } from './profile.ts';
import { readBack } from './read-back.ts';

/**
 * A small year generated over the demo catalogue: its figures, read back from the rollups as the
 * statistics read them, land near the seeds' figures; the same seed gives the same cases.
 */

const COUNT = 3000;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const NOW = new Date('2026-03-02T10:00:00+08:00');
const databases: TestDatabase[] = [];

async function generatedYear(seed: number, options: { skipRollupMarks?: boolean } = {}) {
  const database = await createTestDatabase();
  databases.push(database);
  await database.db.transaction(async (tx) => {
    const orgs = await seedDemoOrganisations({ db: tx, audit: DEMO_AUDIT });
    await seedDemoAccounts({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoCatalogue({ db: tx, audit: DEMO_AUDIT, orgs });
  });
  const generated = await generateActivity({
    db: database.db,
    count: COUNT,
    ...YEAR,
    seed,
    openShare: 0.02,
    now: NOW,
    ...options,
  });
  await rebuildActivityFigures(database.db);
  return { database, generated };
}

/** What a person would compare between two generations: every case's facts, in case-number order. */
async function fingerprint(db: DbOrTx): Promise<string> {
  const { rows } = await db.execute<{ print: string }>(sql`
    SELECT md5(string_agg(concat_ws('|', c.case_no, c.query_code, i.code, a.login, c.channel, c.status,
      c.accepted_on, c.promised_deadline, c.concluded_at, c.working_days_used, c.visits, c.on_promise,
      (SELECT string_agg(e.action, ',' ORDER BY e.seq) FROM case_events e WHERE e.case_id = c.id),
      (SELECT string_agg(x.material_key || ':' || x.source, ',' ORDER BY x.material_key) FROM case_attachments x
        WHERE x.case_id = c.id),
      (SELECT string_agg(r.level || r.channel, ',') FROM ratings r WHERE r.case_id = c.id)), ';' ORDER BY c.case_no)) AS print
    FROM cases c JOIN implementations i ON i.id = c.implementation_id JOIN accounts a ON a.id = c.applicant_id`);
  return rows[0]!.print;
}

let first: Awaited<ReturnType<typeof generatedYear>>;
before(async () => {
  first = await generatedYear(17);
});
after(async () => {
  for (const database of databases) await database.drop();
});

test('the year read back from the rollups shows the seed figures within their tolerances', async () => {
  assert.equal(first.generated.cases, COUNT);
  assert.ok(first.generated.open > 0 && first.generated.open < COUNT * 0.02, `${first.generated.open} open`);
  const figures = await readBack(first.database.db, { regionCode: '610100', ...YEAR });
  const near = (name: string, value: number | null, expected: number, tolerance: number) =>
    assert.ok(
      value !== null && Math.abs(value - expected) <= tolerance,
      `${name}: ${value} is not within ${tolerance} of ${expected}`,
    );
  // Proportions of 3,000 cases: ±0.03 is about three standard deviations.
  near('即办件占比', figures.immediateShare, SEED_FIGURES.immediateShare, 0.03);
  near('最多跑一次', figures.atMostOneVisitShare, SEED_FIGURES.atMostOneVisitShare, 0.03);
  near('零跑腿', figures.zeroVisitShare, SEED_FIGURES.zeroVisitShare, 0.03);
  near('满意率', figures.satisfaction, SEED_FIGURES.satisfaction, 0.012);
  for (const [channel, share] of Object.entries(XIAN_PROFILE.channels)) {
    near(`收件渠道 ${channel}`, figures.channels[channel as keyof typeof figures.channels], share, 0.03);
  }
  near('一次办成率', figures.firstTimeSuccess, 1 - XIAN_PROFILE.supplementShare, 0.02);
  // Promised cases (44 %) are 98 % on time: a case in a hundred or so concluded late, none of the immediate ones.
  assert.ok(figures.concludedLate > 0, 'some cases concluded late');
  near('按时办结率', figures.onTimeRate, 1 - (1 - XIAN_PROFILE.immediateShare) * 0.02, 0.006);
  // Cases that keep their promises compress the legal limits more than the promises do.
  assert.ok(figures.actualCompression! > figures.promisedCompression!, 'used days below the promised limits');
  assert.equal(figures.badRectified, 1, 'every 差评 rectified');
  assert.ok(figures.materialReduction! > 0 && figures.materialReduction! < 1);
  // 容缺受理 read back as the timelines tell it, though every generated case's gaps are closed since.
  const [gaps] = (
    await first.database.db.execute<{ withGaps: number; accepted: number; open: number }>(sql`
      SELECT count(*) FILTER (WHERE EXISTS (SELECT 1 FROM case_events e
          WHERE e.case_id = c.id AND e.action = 'accept_with_gaps'))::int AS "withGaps",
        count(*) FILTER (WHERE c.accepted_on IS NOT NULL)::int AS accepted,
        count(*) FILTER (WHERE jsonb_array_length(c.gaps) > 0 AND c.concluded_at IS NOT NULL)::int AS open
      FROM cases c WHERE c.accepted_on BETWEEN ${YEAR.from}::date AND ${YEAR.to}::date`)
  ).rows;
  assert.ok(gaps!.withGaps > 0, 'some cases accepted with gaps');
  assert.equal(gaps!.open, 0, 'no concluded case still misses a material');
  near('容缺受理占比', figures.gapsShare, gaps!.withGaps / gaps!.accepted, 1e-9);
  const { rows } = await first.database.db.execute<{ concluded: number; rated: number }>(sql`
    SELECT count(*) FILTER (WHERE concluded_at IS NOT NULL)::int AS concluded,
      (SELECT count(*) FROM ratings)::int AS rated FROM cases`);
  assert.equal(rows[0]!.rated, rows[0]!.concluded, 'each concluded case rated once');
});

test('the generated cases are filed by generated applicants only, and the same seed gives the same cases', async () => {
  const { rows } = await first.database.db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM cases c JOIN accounts a ON a.id = c.applicant_id
    WHERE a.login IN ('11010519491231002X', '91350100M000100Y43', '610102198503120016')`);
  assert.equal(rows[0]!.n, 0, 'no case of a demo applicant');
  const again = await generatedYear(17);
  assert.equal(await fingerprint(again.database.db), await fingerprint(first.database.db));
  const other = await generatedYear(18);
  assert.notEqual(await fingerprint(other.database.db), await fingerprint(first.database.db));
});

test('generated in bulk, each case counts the materials and the 补正 its attachments and timeline hold', async () => {
  const bulk = await generatedYear(19, { skipRollupMarks: true });
  const { rows } = await bulk.database.db.execute<{
    cases: number;
    wrong: number;
    reused: number;
    uploaded: number;
    supplemented: number;
  }>(sql`
    WITH told AS (
      SELECT c.id,
        (SELECT count(*) FILTER (WHERE NOT p.up) FROM (SELECT bool_or(a.source IN ('applicant', 'clerk_scan')) AS up
          FROM case_attachments a WHERE a.case_id = c.id GROUP BY a.material_key) p)::int AS reused,
        (SELECT count(*) FILTER (WHERE p.up) FROM (SELECT bool_or(a.source IN ('applicant', 'clerk_scan')) AS up
          FROM case_attachments a WHERE a.case_id = c.id GROUP BY a.material_key) p)::int AS uploaded,
        EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'request_supplement') AS supplemented
      FROM cases c)
    SELECT count(*)::int AS cases,
      count(*) FILTER (WHERE (c.materials_reused, c.materials_uploaded, c.supplemented)
        IS DISTINCT FROM (t.reused, t.uploaded, t.supplemented))::int AS wrong,
      sum(t.reused)::int AS reused, sum(t.uploaded)::int AS uploaded,
      count(*) FILTER (WHERE t.supplemented)::int AS supplemented
    FROM cases c JOIN told t ON t.id = c.id`);
  const r = rows[0]!;
  assert.equal(r.cases, COUNT);
  assert.ok(r.reused > 0 && r.uploaded > 0 && r.supplemented > 0, JSON.stringify(r));
  assert.equal(r.wrong, 0, 'every case as its attachments and timeline tell');
});
