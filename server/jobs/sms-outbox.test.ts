import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { accounts } from '../accounts/tables.ts';
import { notify } from '../notifications/service.ts';
import { notifications } from '../notifications/tables.ts';
import { recordingGateway } from '../notifications/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { startSmsOutbox } from './sms-outbox.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ demo: true });
});
after(async () => {
  await t.close();
});

test('the outbox job hands a committed SMS to the gateway within a few seconds', async () => {
  const [person] = await t.db.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.login, '11010519491231002X'));
  const { gateway, texts: sent } = recordingGateway();
  const job = startSmsOutbox({ db: t.db.db, intervalSeconds: 1, sms: gateway, log: () => {} });
  try {
    const { smsId } = await notify({
      db: t.db.db,
      accountId: person!.id,
      title: '任务',
      body: '定时发送',
      subject: {},
    });
    const deadline = Date.now() + 5000;
    while (!sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(sent, ['【一网通办】任务：定时发送']);
    const [row] = await t.db.db.select().from(notifications).where(eq(notifications.id, smsId!));
    assert.equal(row!.status, 'sent');
    assert.equal(row!.providerId, 'rec-1');
  } finally {
    await job.stop();
  }
});
