import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltMatter,
  buildApplicant,
  buildIdNumber,
  buildMatter,
  signIn,
} from '../testing/factories.ts';
import { buildTicketHall, ok } from '../tickets/testing.ts';
import { cases } from './tables.ts';

/**
 * 开始受理 from a called ticket: the counter filing names the ticket, the case keeps it and shows
 * how long the person waited and was served; a ticket the clerk may not use files nothing.
 */

let t: TestApp;
let matter: BuiltMatter;
let h: Awaited<ReturnType<typeof buildTicketHall>>;
let other: Awaited<ReturnType<typeof buildTicketHall>>;

before(async () => {
  t = await createTestApp();
  matter = await buildMatter(t.db.db, { regionCode: '610100' });
  h = await buildTicketHall(t.app, t.db.db);
  other = await buildTicketHall(t.app, t.db.db);
});
after(() => t?.close());

const walkIn = (login = buildIdNumber()) => ({
  kind: 'person',
  login,
  displayName: '王建国',
  phone: '13912340088',
});
const file = (who: Browser, extra: Record<string, unknown>) =>
  who.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter.id, applicant: walkIn(), ...extra },
  });
const casesOfTicket = async (ticketId: string) =>
  (await t.db.db.select({ id: cases.id }).from(cases).where(eq(cases.ticketId, ticketId))).length;

/** A ticket of the hall taken `minutes` ago, called to `window` (unless `call` is false). */
async function calledTicket(hall: typeof h, window: string, minutes: number, call = true) {
  const ticket = await ok(
    hall.clerk,
    'POST',
    `/api/tickets/halls/${hall.hall.id}/take`,
    { categoryId: hall.categories.a },
    201,
  );
  await t.db.db.execute(
    sql`UPDATE tickets SET taken_at = now() - make_interval(mins => ${minutes}) WHERE id = ${ticket.id}`,
  );
  if (call) {
    const { ticket: called } = await ok(hall.clerk, 'POST', `/api/tickets/windows/${window}/call`);
    assert.equal(called.id, ticket.id);
  }
  return ticket as { id: string; code: string };
}

test('a case filed from the called ticket keeps it and shows the waiting and handling times', async () => {
  const ticket = await calledTicket(h, h.windows[0], 12);
  const res = await file(h.clerk, { ticketId: ticket.id });
  assert.equal(res.statusCode, 201, res.body);
  const filed = res.json();
  assert.equal(filed.windowId, h.windows[0], 'taken at the ticket’s window');
  assert.equal(filed.ticket.code, ticket.code);
  assert.ok(
    filed.ticket.waitSeconds >= 12 * 60 && filed.ticket.waitSeconds < 13 * 60,
    filed.ticket.waitSeconds,
  );
  assert.ok(filed.ticket.handleSeconds >= 0, 'served so far while still called');
  assert.equal(await casesOfTicket(ticket.id), 1);

  // Done 25 minutes after the call: the case page shows it.
  await ok(h.clerk, 'POST', `/api/tickets/${ticket.id}/done`);
  await t.db.db.execute(
    sql`UPDATE tickets SET called_at = finished_at - interval '25 minutes' WHERE id = ${ticket.id}`,
  );
  const page = await ok(h.clerk, 'GET', `/api/cases/${filed.id}`);
  assert.equal(page.ticket.handleSeconds, 25 * 60);
  assert.ok(page.ticket.finishedAt);

  // A second matter for the same person at the same visit may name the done ticket too.
  const again = await file(h.clerk, { ticketId: ticket.id });
  assert.equal(again.statusCode, 201, again.body);
});

test('another hall’s ticket, a waiting ticket, an old one, a random id: refused naming ticketId, no case made', async () => {
  const theirs = await calledTicket(other, other.windows[0], 3);
  const yesterday = await calledTicket(h, h.windows[1], 3);
  const waiting = await calledTicket(h, h.windows[0], 3, false);
  await t.db.db.execute(sql`UPDATE tickets SET day = day - 1 WHERE id = ${yesterday.id}`);
  const refusals: [string, number][] = [
    [theirs.id, 404],
    [waiting.id, 400],
    [yesterday.id, 400],
    ['00000000-0000-4000-8000-000000000000', 404],
  ];
  for (const [ticketId, status] of refusals) {
    const res = await file(h.clerk, { ticketId });
    assert.equal(res.statusCode, status, `${ticketId}: ${res.body}`);
    assert.equal(res.json().error.field, 'ticketId');
    assert.equal(await casesOfTicket(ticketId), 0);
  }
  const bad = await file(h.clerk, { ticketId: 'A001' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.field ?? bad.body, /ticketId/);
});

test('an applicant online cannot name a ticket, and the hall’s manager files from none', async () => {
  const fresh = await buildTicketHall(t.app, t.db.db);
  const ticket = await calledTicket(fresh, fresh.windows[0], 1);
  const applicant = await signIn(t.app, await buildApplicant(t.db.db));
  const res = await applicant.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter.id, ticketId: ticket.id },
  });
  assert.equal(res.statusCode, 400, res.body);
  assert.equal(res.json().error.field, 'ticketId');
  // The hall's manager holds no window and files no application.
  const byManager = await file(fresh.manager, { ticketId: ticket.id });
  assert.equal(byManager.statusCode, 403, byManager.body);
  assert.equal(await casesOfTicket(ticket.id), 0);
});
