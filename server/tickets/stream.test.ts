import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { connect, type Database } from '../core/db/client.ts';
import type { App } from '../core/http/types.ts';
import { buildApp } from '../http/app.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { callsIn, openStream, type Received } from './sse-testing.ts';
import { buildTicketHall, ok } from './testing.ts';

/**
 * The calling screen's data and live stream, with two server instances on one database: calls made
 * through one reach the screens of the other, in order, and a screen that reconnects misses none.
 */

let t: TestApp;
let h: Awaited<ReturnType<typeof buildTicketHall>>;
/** The second server instance, listening: the screens connect here. */
let other: App;
let otherDb: Database;
let base: string;

before(async () => {
  t = await createTestApp();
  h = await buildTicketHall(t.app, t.db.db);
  otherDb = connect(t.db.url, { max: 3 });
  other = await buildApp({ config: t.config, database: otherDb, logger: false, serveApp: false });
  await other.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(other.server.address() as AddressInfo).port}/api/tickets/halls/${h.hall.id}`;
});
after(async () => {
  await other?.close();
  await otherDb?.close();
  await t?.close();
});

const take = async (category: 'a' | 'b' = 'a') =>
  (
    await ok(
      h.clerk,
      'POST',
      `/api/tickets/halls/${h.hall.id}/take`,
      { categoryId: h.categories[category] },
      201,
    )
  ).code as string;
/** Calls the next ticket at window `w` (0-based) and marks the one before done first. */
async function callAt(w: number): Promise<string> {
  const { ticket } = await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[w]}/call`);
  assert.ok(ticket, 'a ticket waits');
  await ok(h.clerk, 'POST', `/api/tickets/${ticket.id}/done`);
  return ticket.code;
}
// biome-ignore lint/suspicious/noExplicitAny: test bodies are read freely
const screen = async (): Promise<any> => (await fetch(`${base}/screen`)).json();
const lastCall = (received: Received[]) => received.filter((r) => r.message.kind === 'called').at(-1);

test('calls made through one server reach a screen of another server, in order, with the hall’s counts', async () => {
  const { lastEventId } = await screen();
  const client = await openStream(`${base}/stream?after=${lastEventId}`);
  assert.equal(client.status, 200);
  const taken = [await take(), await take(), await take('b')];
  const called = [await callAt(0), await callAt(1), await callAt(2)];
  assert.deepEqual(called, taken);
  const got = await client.until((r) => callsIn(r).length === 3);
  assert.deepEqual(callsIn(got), called);
  const calls = got.filter((r) => r.message.kind === 'called');
  assert.deepEqual(
    calls.map((r) => r.message.windowNumber),
    ['1', '2', '3'],
  );
  const ids = got.filter((r) => r.id !== null).map((r) => Number(r.id));
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => a - b),
    'events arrive in the order they happened',
  );
  assert.equal(new Set(ids).size, ids.length);
  const b = calls[2]!.message.waiting.find((w) => w.letter === 'B');
  assert.equal(b?.name, '不动产');
  assert.equal(b?.count, 0);
  client.close();
});

test('a screen reconnecting with Last-Event-ID gets every call it missed exactly once, then live ones', async () => {
  const first = await openStream(`${base}/stream?after=${(await screen()).lastEventId}`);
  await take();
  const seen = await callAt(0);
  const last = lastCall(await first.until((r) => callsIn(r).includes(seen)))!;
  first.close();
  await first.ended;

  const missed = [];
  for (let i = 0; i < 3; i++) {
    await take();
    missed.push(await callAt(i % 2));
  }
  const again = await openStream(`${base}/stream`, last.id!);
  await again.until((r) => callsIn(r).length === 3);
  await take();
  const live = await callAt(0);
  const got = await again.until((r) => callsIn(r).includes(live));
  assert.deepEqual(callsIn(got), [...missed, live]);
  const ids = got.filter((r) => r.id !== null).map((r) => Number(r.id));
  assert.equal(new Set(ids).size, ids.length, 'no event twice');
  assert.ok(ids.every((id) => id > Number(last.id)));
  again.close();
});

test('when the server’s LISTEN connection is cut, it comes back and the calls meanwhile still reach screens', async () => {
  const client = await openStream(`${base}/stream?after=${(await screen()).lastEventId}`);
  const { rows } = await t.db.db.execute(
    sql`SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
  );
  assert.ok(rows.length >= 1, 'a LISTEN connection was open');
  await take();
  const called = await callAt(1);
  const got = await client.until((r) => callsIn(r).includes(called));
  assert.equal(callsIn(got).filter((c) => c === called).length, 1);
  client.close();
});

test('pausing and resuming a window reaches the screens', async () => {
  const client = await openStream(`${base}/stream?after=${(await screen()).lastEventId}`);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[1]}/pause`);
  const paused = await client.until((r) => r.some((x) => x.message.kind === 'hall'));
  const hallMessage = paused.find((x) => x.message.kind === 'hall')!;
  assert.equal(hallMessage.id, null);
  assert.deepEqual(hallMessage.message.windowsOpen, ['1', '3']);
  assert.deepEqual((await screen()).windowsOpen, ['1', '3']);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[1]}/resume`);
  const resumed = await client.until((r) => r.filter((x) => x.message.kind === 'hall').length === 2);
  assert.deepEqual(resumed.filter((x) => x.message.kind === 'hall')[1]!.message.windowsOpen, ['1', '2', '3']);
  client.close();
});

test('the screen and its stream show codes, windows and counts, never the person on a ticket', async () => {
  const client = await openStream(`${base}/stream?after=${(await screen()).lastEventId}`);
  const ticket = await ok(
    h.clerk,
    'POST',
    `/api/tickets/halls/${h.hall.id}/take`,
    { categoryId: h.categories.a },
    201,
  );
  await t.db.db.execute(
    sql`UPDATE tickets SET person_name = '王小明', phone = '13912345678' WHERE id = ${ticket.id}`,
  );
  const code = await callAt(0);
  const got = await client.until((r) => callsIn(r).includes(code));
  const shown = await screen();
  assert.equal(shown.hallName, h.hall.name);
  assert.equal(shown.calls[0].code, code);
  assert.deepEqual(Object.keys(shown.calls[0]).sort(), ['at', 'code', 'eventId', 'kind', 'windowNumber']);
  for (const text of [JSON.stringify(shown), JSON.stringify(got)]) {
    assert.ok(!text.includes('王小明') && !text.includes('1391234'), 'no name or phone');
    assert.ok(!text.includes(ticket.id), 'no ticket id');
    assert.ok(!/accountId|actor|personName|phone/.test(text), text.slice(0, 200));
  }
  client.close();
});

test('an unknown hall is a 404; a bad Last-Event-ID or after is a 400 naming it', async () => {
  const unknown = '00000000-0000-4000-8000-000000000000';
  for (const path of ['screen', 'stream']) {
    const res = await t.app.inject({ method: 'GET', url: `/api/tickets/halls/${unknown}/${path}` });
    assert.equal(res.statusCode, 404, path);
    assert.equal(res.json().error.code, 'resource.not_found');
  }
  const bad = await t.app.inject({
    method: 'GET',
    url: `/api/tickets/halls/${h.hall.id}/stream`,
    headers: { 'last-event-id': 'abc' },
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'Last-Event-ID');
  const negative = await t.app.inject({
    method: 'GET',
    url: `/api/tickets/halls/${h.hall.id}/stream?after=-1`,
  });
  assert.equal(negative.statusCode, 400);
  assert.match(negative.body, /after/);
});

test('closing the server ends its open streams', async () => {
  const client = await openStream(`${base}/stream`);
  const third = await buildApp({ config: t.config, database: otherDb, logger: false, serveApp: false });
  await third.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(third.server.address() as AddressInfo).port}/api/tickets/halls/${h.hall.id}/stream`;
  const open = await openStream(url);
  assert.equal(open.status, 200);
  await third.close();
  await open.ended;
  client.close();
});
