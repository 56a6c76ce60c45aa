import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { notifications, notify, OUTBOX_BATCH } from '../notifications/index.ts';
import { recordingGateway } from '../notifications/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant } from '../testing/factories.ts';
import { startSmsOutbox } from './sms-outbox.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => {
  await t.close();
});

/** The account id of a person whose mobile number is on record. */
async function personWithMobile(): Promise<string> {
  return (await buildApplicant(t.db.db, { phone: '13912345678' })).id;
}

test('the outbox job hands a committed SMS to the gateway within a few seconds', async () => {
  const person = await personWithMobile();
  const { gateway, texts: sent } = recordingGateway();
  const job = startSmsOutbox({ db: t.db.db, intervalSeconds: 1, sms: gateway, log: () => {} });
  try {
    const { smsId } = await notify({
      db: t.db.db,
      accountId: person,
      title: '任务',
      body: '定时发送',
      subject: {},
    });
    // The gateway takes the text first; the job then marks the row sent.
    const deadline = Date.now() + 5000;
    const read = async () =>
      (await t.db.db.select().from(notifications).where(eq(notifications.id, smsId!)))[0];
    let row = await read();
    while (row?.status !== 'sent' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      row = await read();
    }
    assert.deepEqual(sent, ['【一网通办】任务：定时发送']);
    assert.equal(row!.status, 'sent');
    assert.equal(row!.providerId, 'rec-1');
  } finally {
    await job.stop();
  }
});

test('a backlog larger than one batch is sent in runs one after another, not one batch per interval', async () => {
  const person = await personWithMobile();
  const backlog = OUTBOX_BATCH * 4 + 17;
  await t.db.db.insert(notifications).values(
    Array.from({ length: backlog }, (_, i) => ({
      accountId: person,
      channel: 'sms',
      address: '13912345678',
      title: '积压',
      body: `【一网通办】积压：第${i}条`,
      subject: {},
      status: 'queued',
    })),
  );
  const { gateway, texts } = recordingGateway();
  const started = Date.now();
  const job = startSmsOutbox({ db: t.db.db, intervalSeconds: 2, sms: gateway, log: () => {} });
  try {
    const queued = async () =>
      (
        await t.db.db
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(eq(notifications.title, '积压'), eq(notifications.status, 'queued')))
      ).length;
    while ((await queued()) > 0 && Date.now() - started < 15_000)
      await new Promise((r) => setTimeout(r, 100));
    const took = Date.now() - started;
    assert.equal(await queued(), 0);
    assert.equal(texts.filter((x) => x.includes('积压')).length, backlog, 'each message sent once');
    // One batch per 2-s interval would need five runs: at least 10 s.
    assert.ok(took < 8_000, `the backlog went out in ${took} ms, not one batch every 2 s`);
  } finally {
    await job.stop();
  }
});
