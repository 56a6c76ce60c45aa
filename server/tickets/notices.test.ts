import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltAccount, buildApplicant, signIn } from '../testing/factories.ts';
import { tellAfter } from './notices.ts';
import { buildTicketHall, ok } from './testing.ts';

/** Telling the person: the window when called or recalled, and once that their turn is near. */

let t: TestApp;

before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

type Message = { channel: string; address: string | null; body: string };
const messages = async (account: BuiltAccount) =>
  (
    await t.db.db.execute(
      sql`SELECT channel, address, body FROM notifications WHERE account_id = ${account.id} ORDER BY created_at, channel`,
    )
  ).rows as Message[];

test('a called ticket’s holder gets the window in the app and by SMS, again when recalled', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const holder = await buildApplicant(t.db.db);
  const ticket = await ok(
    await signIn(t.app, holder),
    'POST',
    `/api/tickets/halls/${h.hall.id}/take`,
    { categoryId: h.categories.b },
    201,
  );
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[2]}/call`);
  const text = `请 ${ticket.code} 号到 3 号窗口办理（${h.hall.name}）`;
  const told = (await messages(holder)).filter((m) => m.body.includes(text));
  assert.deepEqual(
    told.map((m) => [m.channel, m.address]),
    [
      ['in_app', null],
      ['sms', holder.phone],
    ],
  );
  await ok(h.clerk, 'POST', `/api/tickets/${ticket.id}/recall`);
  assert.equal((await messages(holder)).filter((m) => m.body.includes(text)).length, 4);
});

test('the holder is told once when at most three people are ahead', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const holder = await buildApplicant(t.db.db);
  const take = `/api/tickets/halls/${h.hall.id}/take`;
  for (let i = 0; i < 5; i++) await ok(h.clerk, 'POST', take, { categoryId: h.categories.a }, 201);
  await ok(await signIn(t.app, holder), 'POST', take, { categoryId: h.categories.a }, 201);
  const near = async () => (await messages(holder)).filter((m) => m.body.startsWith('您前面还有'));
  const serveOne = async () => {
    const { ticket } = await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[0]}/call`);
    await ok(h.clerk, 'POST', `/api/tickets/${ticket.id}/done`);
  };
  await serveOne();
  assert.deepEqual(await near(), [], 'four ahead: not yet');
  await serveOne();
  const once = await near();
  assert.equal(once.length, 1);
  assert.match(once[0]!.body, /^您前面还有 3 人，请留意叫号/);
  assert.equal(once[0]!.channel, 'in_app');
  await serveOne();
  await serveOne();
  assert.equal((await near()).length, 1, 'told once only');
});

test('a ticket without an account is called without any message, and the call still succeeds', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const ticket = await ok(
    h.clerk,
    'POST',
    `/api/tickets/halls/${h.hall.id}/take`,
    { categoryId: h.categories.a, personName: '赵大爷' },
    201,
  );
  const { ticket: called } = await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[0]}/call`);
  assert.equal(called.id, ticket.id);
  assert.equal(called.status, 'called');
  const { rows } = await t.db.db.execute(
    sql`SELECT count(*)::int AS n FROM notifications WHERE subject->>'ticketId' = ${ticket.id}`,
  );
  assert.equal((rows[0] as { n: number }).n, 0);
});

test('a ticket taken at reception with a phone and no account is called by SMS to that phone only', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const ticket = await ok(
    h.clerk,
    'POST',
    `/api/tickets/halls/${h.hall.id}/take`,
    { categoryId: h.categories.a, personName: '钱阿姨', phone: '13700001234' },
    201,
  );
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[0]}/call`);
  const { rows } = await t.db.db.execute(
    sql`SELECT channel, address, account_id AS "accountId", body FROM notifications
        WHERE subject->>'ticketId' = ${ticket.id}`,
  );
  assert.deepEqual(
    rows.map((r) => [r.channel, r.address, r.accountId]),
    [['sms', '13700001234', null]],
  );
  assert.match(rows[0]!.body as string, new RegExp(`请 ${ticket.code} 号到 1 号窗口办理`));
});

test('a notice that cannot be written is logged and does not fail the action', async () => {
  const broken = {
    execute: async () => {
      throw new Error('database unavailable');
    },
    transaction: async () => {
      throw new Error('database unavailable');
    },
  } as unknown as Parameters<typeof tellAfter>[0];
  const warned: unknown[] = [];
  const log = { warn: (...args: unknown[]) => warned.push(args) } as unknown as Parameters<
    typeof tellAfter
  >[1];
  await tellAfter(broken, log, crypto.randomUUID(), crypto.randomUUID(), 'call');
  assert.equal(warned.length, 1);
});
