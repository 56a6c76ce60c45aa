import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildCase, buildMatter, buildOrganisation } from '../testing/factories.ts';
import { refreshCaseDaily } from './refresh.ts';
import { dayFromToday, openScreenStream, placeCase, type ScreenStream } from './screen-testing.ts';

/** The big screen's stream over real HTTP: the answer on connect, a new one when a case concludes. */

let t: TestApp;
let base: string;
let templateId: string;
let departmentId: string;
const streams: ScreenStream[] = [];
let closed = false;

before(async () => {
  t = await createTestApp();
  departmentId = (await buildOrganisation(t.db.db, { kind: 'department', regionCode: '610102' })).id;
  const matter = await buildMatter(t.db.db, { departmentId, regionCode: '610102' });
  templateId = (await buildCase(t, { matter, actions: ['accept'] })).id;
  await refreshCaseDaily(t.db.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
after(async () => {
  for (const s of streams) s.close();
  if (!closed) await t?.close();
});

const open = async (query: string) => {
  const s = await openScreenStream(`${base}/api/screen/stream${query}`);
  streams.push(s);
  return s;
};

test('two screens of 西安市 get the answer on connect, then a new one once a case of 新城区 concludes', async () => {
  const first = await open('?region=610100');
  assert.equal(first.status, 200);
  assert.match(first.contentType, /^text\/event-stream/);
  const [initial] = await first.until((u) => u.length >= 1);
  assert.equal(initial!.region.code, '610100');
  assert.equal(initial!.today.received, 1);
  assert.equal(initial!.today.concluded, 0);
  const second = await open('');
  await second.until((u) => u.length >= 1);
  assert.deepEqual(second.updates[0]!.today, initial!.today, 'the default region is the city');

  await placeCase(t.db.db, templateId, {
    region: '610102',
    departmentId,
    filed: dayFromToday(0),
    concluded: dayFromToday(0),
  });
  await refreshCaseDaily(t.db.db);
  for (const s of [first, second]) {
    const updates = await s.until((u) => u.at(-1)!.today.concluded === 1);
    const last = updates.at(-1)!;
    assert.equal(last.today.received, 2);
    assert.equal(last.districts.find((d) => d.code === '610102')!.concluded, 1);
  }
  assert.equal(first.updates.length, 2, 'nothing is sent while nothing changed');
});

test('a screen of another district is not told about 新城区; an unknown region is a 404 naming it', async () => {
  const beilin = await open('?region=610103');
  const [initial] = await beilin.until((u) => u.length >= 1);
  assert.equal(initial!.today.received, 0);
  await placeCase(t.db.db, templateId, { region: '610102', departmentId, filed: dayFromToday(0) });
  await refreshCaseDaily(t.db.db);
  await new Promise((r) => setTimeout(r, 2_500));
  assert.equal(beilin.updates.length, 1);

  const res = await fetch(`${base}/api/screen/stream?region=999999`);
  assert.equal(res.status, 404);
  assert.equal(((await res.json()) as { error: { field: string } }).error.field, 'region');
});

test('one address may hold 16 streams at once; the next is refused with a 429 until one closes', async () => {
  const before = streams.length;
  while (streams.length < 16) await open('?region=610104');
  const refused = await fetch(`${base}/api/screen/stream?region=610104`);
  assert.equal(refused.status, 429);
  await refused.body?.cancel();
  streams[before]!.close();
  await streams[before]!.ended;
  // The server learns of the closed connection a moment later.
  let again: Response | null = null;
  for (let i = 0; i < 50 && again?.status !== 200; i++) {
    await again?.body?.cancel();
    again = await fetch(`${base}/api/screen/stream?region=610104`);
    if (again.status !== 200) await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(again!.status, 200);
  await again!.body?.cancel();
});

test('the streams end when the server closes', async () => {
  const live = streams.filter((s) => s.status === 200).slice(-3);
  assert.equal(live.length, 3);
  closed = true;
  const closing = t.close();
  await Promise.all(live.map((s) => s.ended));
  await closing;
});
