import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { auditRecords } from '../audit/index.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, signIn } from '../testing/factories.ts';
import { ticketEvents, tickets } from './index.ts';
import { buildTicketHall, ok } from './testing.ts';

/** The clerk's calling panel on the real database: the window's state, pausing, and the audit of each action. */

let t: TestApp;
let person: Browser;
let personAccount: Awaited<ReturnType<typeof buildApplicant>>;

before(async () => {
  t = await createTestApp();
  personAccount = await buildApplicant(t.db.db);
  person = await signIn(t.app, personAccount);
});
after(() => t?.close());

type Hall = Awaited<ReturnType<typeof buildTicketHall>>;
const take = (h: Hall, who: Browser, categoryId = h.categories.a) =>
  ok(who, 'POST', `/api/tickets/halls/${h.hall.id}/take`, { categoryId }, 201);
const state = (h: Hall, window: string) => ok(h.clerk, 'GET', `/api/tickets/windows/${window}`);
const step = (h: Hall, id: string, action: string, body?: unknown, status = 200) =>
  ok(h.clerk, 'POST', `/api/tickets/${id}/${action}`, body, status);

test('my windows: the clerk’s hall’s windows with what each calls and how many wait; not another hall’s', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const other = await buildTicketHall(t.app, t.db.db);
  await take(h, h.clerk);
  await take(h, h.clerk);
  await take(h, h.clerk, h.categories.b);
  const mine = await ok(h.clerk, 'GET', '/api/tickets/my-windows');
  assert.deepEqual(
    mine.map((w: { id: string }) => w.id),
    [...h.allWindows],
  );
  const [w1, , w3] = mine;
  assert.equal(w1.hallName, h.hall.name);
  assert.deepEqual(
    w1.categories.map((c: { letter: string; waiting: number }) => [c.letter, c.waiting]),
    [['A', 2]],
  );
  assert.deepEqual(
    w3.categories.map((c: { letter: string; waiting: number }) => [c.letter, c.waiting]),
    [['B', 1]],
  );
  const theirs = await ok(other.clerk, 'GET', '/api/tickets/my-windows');
  assert.ok(theirs.every((w: { hallId: string }) => w.hallId === other.hall.id));
  assert.deepEqual(await ok(person, 'GET', '/api/tickets/my-windows'), []);
  const res = await other.clerk.request({ method: 'GET', url: `/api/tickets/windows/${h.windows[0]}` });
  assert.equal(res.statusCode, 404);
});

test('window state: the called person (ID number and phone masked), skipped tickets that may return, served today', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const w = h.windows[0];
  const mine = await take(h, person);
  const next = await take(h, h.clerk);
  let s = await state(h, w);
  assert.equal(s.window.number, '1');
  assert.equal(s.window.paused, false);
  assert.equal(s.current, null);
  assert.equal(s.window.categories[0].waiting, 2);

  const before = s.lastEventId;
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w}/call`);
  s = await state(h, w);
  assert.ok(s.lastEventId > before, 'the stream is followed from the newest event');
  assert.equal(s.current.id, mine.id);
  assert.equal(s.current.person.name, personAccount.displayName);
  assert.equal(s.current.person.kind, 'person');
  assert.equal(
    s.current.person.login,
    `${personAccount.login.slice(0, 6)}********${personAccount.login.slice(-4)}`,
  );
  assert.equal(
    s.current.person.phone,
    `${personAccount.phone!.slice(0, 3)}****${personAccount.phone!.slice(-4)}`,
  );
  assert.equal(s.window.categories[0].waiting, 1);

  await step(h, mine.id, 'skip');
  s = await state(h, w);
  assert.equal(s.current, null);
  assert.deepEqual(
    s.skipped.map((x: { code: string }) => x.code),
    [mine.code],
  );
  await step(h, mine.id, 'return');
  s = await state(h, w);
  assert.deepEqual(s.skipped, []);

  await ok(h.clerk, 'POST', `/api/tickets/windows/${w}/call`);
  s = await state(h, w);
  assert.equal(s.current.id, mine.id, 'a returned ticket keeps its place before later numbers');
  await step(h, mine.id, 'done');
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w}/call`);
  s = await state(h, w);
  assert.equal(s.current.id, next.id);
  assert.equal(s.current.person.name, null, 'a reception ticket without a name has no person');
  assert.equal(s.servedToday, 1);
  await step(h, next.id, 'skip');
  await step(h, next.id, 'return');
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w}/call`);
  await step(h, next.id, 'skip');
  s = await state(h, w);
  assert.deepEqual(s.skipped, [], 'a ticket returned once cannot return again');
});

test('pausing a window sends the tickets transferred to it back to their category’s queue', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const [w1, w2] = h.windows;
  const first = await take(h, h.clerk);
  const second = await take(h, h.clerk);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w2}/call`);
  await step(h, first.id, 'transfer', { windowId: w1 });
  await step(h, second.id, 'transfer', { windowId: w1 });
  assert.equal((await state(h, w1)).waitingHere, 2);

  const paused = await ok(h.clerk, 'POST', `/api/tickets/windows/${w1}/pause`);
  assert.equal(paused.paused, true);
  const s = await state(h, w1);
  assert.equal(s.window.paused, true);
  assert.equal(s.waitingHere, 0);
  const moved = await t.db.db
    .select({ id: tickets.id, windowId: tickets.windowId, status: tickets.status })
    .from(tickets)
    .where(inArray(tickets.id, [first.id, second.id]));
  assert.ok(moved.every((x) => x.windowId === null && x.status === 'waiting'));
  const events = await t.db.db
    .select()
    .from(ticketEvents)
    .where(and(inArray(ticketEvents.ticketId, [first.id, second.id]), eq(ticketEvents.kind, 'requeued')));
  assert.equal(events.length, 2);
  assert.ok(events.every((e) => e.windowId === w1));

  // Window 2 serves the category: it calls them now, in their order.
  const called = await ok(h.clerk, 'POST', `/api/tickets/windows/${w2}/call`);
  assert.equal(called.ticket.id, first.id);
  const refused = await h.clerk.request({ method: 'POST', url: `/api/tickets/windows/${w1}/call` });
  assert.equal(refused.statusCode, 409);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w1}/resume`);
  assert.equal((await state(h, w1)).window.paused, false);
});

test('every staff action on a ticket or window is in the audit log, with the clerk who did it', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const [w1, w2] = h.windows;
  const a = await take(h, h.clerk);
  const b = await take(h, h.clerk);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w1}/call`);
  await step(h, a.id, 'recall');
  await step(h, a.id, 'skip');
  await step(h, a.id, 'return');
  await step(h, a.id, 'transfer', { windowId: w2 });
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w2}/call`);
  await step(h, a.id, 'done');
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w1}/call`);
  await step(h, b.id, 'no-show');
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w1}/pause`);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w1}/resume`);
  // A call with no one waiting and a refused action change nothing and record nothing.
  await ok(h.clerk, 'POST', `/api/tickets/windows/${w1}/call`);
  await step(h, a.id, 'skip', undefined, 409);

  const records = await t.db.db
    .select()
    .from(auditRecords)
    .where(and(inArray(auditRecords.targetId, [a.id, b.id, w1]), like(auditRecords.action, 'ticket.%')))
    .orderBy(asc(auditRecords.seq));
  assert.deepEqual(
    records.map((r) => [r.action, r.targetId]),
    [
      ['ticket.call', a.id],
      ['ticket.recall', a.id],
      ['ticket.skip', a.id],
      ['ticket.return', a.id],
      ['ticket.transfer', a.id],
      ['ticket.call', a.id],
      ['ticket.done', a.id],
      ['ticket.call', b.id],
      ['ticket.no_show', b.id],
      ['ticket.window_pause', w1],
      ['ticket.window_resume', w1],
    ],
  );
  const clerkId = records[0]!.actorId;
  assert.ok(clerkId);
  assert.ok(records.every((r) => r.actorId === clerkId && r.actorName));
  assert.equal((records[0]!.summary as { code: string }).code, a.code);
});

test('the called person in full for the counter intake: only a called ticket of the clerk’s hall, each read audited', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const other = await buildTicketHall(t.app, t.db.db);
  const mine = await take(h, person);
  const url = `/api/tickets/${mine.id}/person`;
  assert.equal((await h.clerk.request({ method: 'GET', url })).statusCode, 404, 'a waiting ticket');
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[0]}/call`);
  const full = await ok(h.clerk, 'GET', url);
  assert.deepEqual(
    [full.code, full.login, full.name, full.phone, full.windowId],
    [mine.code, personAccount.login, personAccount.displayName, personAccount.phone, h.windows[0]],
  );
  assert.equal((await other.clerk.request({ method: 'GET', url })).statusCode, 404);
  assert.equal((await person.request({ method: 'GET', url })).statusCode, 404);
  const reads = await t.db.db
    .select()
    .from(auditRecords)
    .where(and(eq(auditRecords.targetId, mine.id), eq(auditRecords.action, 'ticket.person.read')));
  assert.equal(reads.length, 1);
});
