import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { AuditContext } from '../audit/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildStaff } from '../testing/factories.ts';
import { updateAccount } from './changes.ts';
import { currentPhone } from './contacts.ts';
import { accounts } from './tables.ts';

const SYSTEM: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'test' };
let t: TestApp;
let clerkId: string;

before(async () => {
  t = await createTestApp();
  clerkId = (await buildStaff(t.db.db, { role: 'window_clerk' })).id;
});
after(async () => {
  await t?.close();
});

const clerk = async () => {
  const [row] = await t.db.db.select().from(accounts).where(eq(accounts.id, clerkId));
  return row!;
};

/** Changes the clerk's phone through the accounts module. */
const changePhone = async (phone: string) => {
  const account = await clerk();
  await updateAccount({
    db: t.db.db,
    audit: SYSTEM,
    id: account.id,
    input: { version: account.version, phone },
  });
  return account.id;
};

test('a phone read for messages is kept a few seconds; a change through the accounts module shows at once', async () => {
  const id = await changePhone('13900000001');
  assert.equal(await currentPhone(t.db.db, id), '13900000001');
  // A change behind this process's back (another process) is not seen while the phone is kept.
  await t.db.db.update(accounts).set({ phone: '13900000002' }).where(eq(accounts.id, id));
  assert.equal(await currentPhone(t.db.db, id), '13900000001');
  await changePhone('13900000003');
  assert.equal(await currentPhone(t.db.db, id), '13900000003');
});
