import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { TEST_AUDIT } from '../accounts/testing.ts';
import { recordAudit } from '../audit/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { startAuditLink } from './audit-link.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

const linked = async () =>
  Number((await t.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_chain`)).rows[0]!.n);

test('the linker job links a committed record into the chain within a few seconds, without a verification', async () => {
  const job = startAuditLink({ db: t.db, intervalSeconds: 1, log: () => {} });
  try {
    const before = await linked();
    await t.db.transaction((tx) =>
      recordAudit(tx, TEST_AUDIT, { action: 'test.job', targetType: 'thing', summary: {} }),
    );
    const deadline = Date.now() + 5000;
    while ((await linked()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await linked(), before + 1);
    const pending = await t.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_pending`);
    assert.equal(Number(pending.rows[0]!.n), 0);
  } finally {
    await job.stop();
  }
});
