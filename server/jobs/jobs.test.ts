import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { TEST_AUDIT } from '../accounts/testing.ts';
import { recordAudit } from '../audit/index.ts';
import { loadConfig } from '../core/config.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { startJobs } from './jobs.ts';

let t: TestDatabase;
let dataDir: string;
before(async () => {
  t = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'yiwang-jobs-'));
});
after(async () => {
  await t.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const pending = async () =>
  Number((await t.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_pending`)).rows[0]!.n);

const recordOne = () =>
  t.db.transaction((tx) =>
    recordAudit(tx, TEST_AUDIT, { action: 'test.jobs', targetType: 'thing', summary: {} }),
  );

const configWith = (sweepIntervalSeconds: string) =>
  loadConfig({ DATA_DIR: dataDir, SWEEP_INTERVAL_SECONDS: sweepIntervalSeconds }, dataDir);

test('with the sweep on, the jobs run: a committed audit record is linked into the chain within seconds', async () => {
  const jobs = await startJobs({ db: t.db, config: configWith('60'), log: () => {} });
  try {
    await recordOne();
    const deadline = Date.now() + 5000;
    while ((await pending()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await pending(), 0);
  } finally {
    await jobs.stop();
  }
});

test('SWEEP_INTERVAL_SECONDS=0 runs none of the jobs in this process, and after stop none runs either', async () => {
  const jobs = await startJobs({ db: t.db, config: configWith('0'), log: () => {} });
  await recordOne();
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await pending(), 1);
  await jobs.stop();

  const running = await startJobs({ db: t.db, config: configWith('60'), log: () => {} });
  await running.stop();
  await recordOne();
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(await pending(), 2);
});
