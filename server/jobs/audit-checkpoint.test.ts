import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { TEST_AUDIT } from '../accounts/testing.ts';
import { checkpointSettings } from '../audit/checkpoints/testing.ts';
import { recordAudit } from '../audit/index.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { startAuditCheckpoints } from './audit-checkpoint.ts';

let t: TestDatabase;
let dir: ReturnType<typeof checkpointSettings>;
before(async () => {
  t = await createTestDatabase();
  dir = checkpointSettings(t.url);
});
after(async () => {
  await t.drop();
  dir.remove();
});

const record = () =>
  t.db.transaction((tx) =>
    recordAudit(tx, TEST_AUDIT, { action: 'test.job', targetType: 'thing', summary: {} }),
  );
const logged = () =>
  fs.existsSync(dir.config.logPath)
    ? fs
        .readFileSync(dir.config.logPath, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as { seq: number })
    : [];

test('the interval job writes a checkpoint only when the head moved, linking what is queued first', async () => {
  const job = startAuditCheckpoints({ db: t.db, config: dir.config, intervalSeconds: 0, log: () => {} });
  try {
    assert.deepEqual(await job.runOnce(), { ran: true, checkpoint: null }, 'an empty chain: nothing');
    assert.deepEqual(logged(), []);
    await record();
    await record();
    const first = await job.runOnce();
    assert.equal(first.ran && first.checkpoint?.seq, 2, 'the two queued records were linked first');
    assert.deepEqual(await job.runOnce(), { ran: true, checkpoint: null }, 'the head has not moved');
    assert.deepEqual(
      logged().map((c) => c.seq),
      [2],
    );
    await record();
    const second = await job.runOnce();
    assert.equal(second.ran && second.checkpoint?.seq, 3);
    assert.deepEqual(
      logged().map((c) => c.seq),
      [2, 3],
    );
  } finally {
    await job.stop();
  }
});

test('on its timer, the job checkpoints a moved head within seconds and writes nothing while it stays', async () => {
  const job = startAuditCheckpoints({ db: t.db, config: dir.config, intervalSeconds: 1, log: () => {} });
  try {
    await record();
    const deadline = Date.now() + 10_000;
    while (logged().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(
      logged().map((c) => c.seq),
      [2, 3, 4],
    );
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(logged().length, 3, 'no checkpoint while the head stays');
  } finally {
    await job.stop();
  }
});
