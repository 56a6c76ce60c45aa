import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildCase, buildMatter, buildOrganisation } from '../testing/factories.ts';
import { buildTicketHall, ok } from '../tickets/testing.ts';
import { refreshCaseDaily } from './refresh.ts';
import { type Screen, screenAnswer, screenRegion } from './screen.ts';
import { screenFingerprint } from './screen-fingerprint.ts';
import { createScreenHub, type ScreenHub } from './screen-hub.ts';
import { dayFromToday, placeCase } from './screen-testing.ts';

/**
 * The hub's poll on the real database: a watched region whose fingerprint stays the same is not
 * computed again, a case change of today or a ticket taken is, and a backdated change shows once the
 * full answer is due again. The poll timer never fires here: the test polls and moves the clock.
 */

const FULL_EVERY = 60_000;
let t: TestApp;
let templateId: string;
let departmentId: string;
let hub: ScreenHub;
let clock = 0;
/** Full answers computed, per region. */
const computed = new Map<string, number>();
/** The answers sent to the screens, per region. */
const sent = new Map<string, Screen[]>();

before(async () => {
  t = await createTestApp();
  const db = t.db.db;
  departmentId = (await buildOrganisation(db, { kind: 'department', regionCode: '610102' })).id;
  const matter = await buildMatter(db, { departmentId, regionCode: '610102' });
  templateId = (await buildCase(t, { matter, actions: ['accept'] })).id;
  await refreshCaseDaily(db);
  hub = createScreenHub({
    compute: async (code) => {
      computed.set(code, (computed.get(code) ?? 0) + 1);
      return screenAnswer(db, await screenRegion(db, code));
    },
    fingerprint: async (code) => screenFingerprint(db, await screenRegion(db, code)),
    log: (message) => assert.fail(message),
    pollMs: 3_600_000,
    fullEveryMs: FULL_EVERY,
    now: () => clock,
  });
  for (const region of ['610100', '610102', '610103']) {
    sent.set(region, []);
    hub.subscribe(region, {
      write: (frame) => {
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data) sent.get(region)!.push(JSON.parse(data) as Screen);
      },
      end: () => {},
    });
  }
  await hub.poll();
});
after(async () => {
  hub?.endStreams();
  await t?.close();
});

/** Polls `times` times, two seconds apart; the full answers computed meanwhile, per region. */
async function polls(times = 1, stepMs = 2_000) {
  const before = new Map(computed);
  for (let i = 0; i < times; i++) {
    clock += stepMs;
    await hub.poll();
  }
  return Object.fromEntries([...computed].map(([code, n]) => [code, n - (before.get(code) ?? 0)]));
}

const last = (region: string) => sent.get(region)!.at(-1)!;

test('idle regions are computed once, then not again on each poll', async () => {
  assert.deepEqual(Object.fromEntries(computed), { '610100': 1, '610102': 1, '610103': 1 });
  assert.equal(last('610100').today.received, 1);
  assert.deepEqual(await polls(5), { '610100': 0, '610102': 0, '610103': 0 });
  assert.equal(sent.get('610100')!.length, 1);
});

test('a case of 新城区 concluded today: its region and the city are computed again and sent, 碑林区 is not', async () => {
  await placeCase(t.db.db, templateId, {
    region: '610102',
    departmentId,
    filed: dayFromToday(0),
    concluded: dayFromToday(0),
  });
  assert.deepEqual(await polls(), { '610100': 0, '610102': 0, '610103': 0 }, 'not refreshed yet');
  await refreshCaseDaily(t.db.db);
  assert.deepEqual(await polls(), { '610100': 1, '610102': 1, '610103': 0 });
  assert.equal(last('610100').today.concluded, 1);
  assert.equal(last('610102').today.received, 2);
  assert.equal(sent.get('610103')!.length, 1);
  assert.deepEqual(await polls(3), { '610100': 0, '610102': 0, '610103': 0 });
});

test('someone taking a ticket in a hall of the city is computed again', async () => {
  const h = await buildTicketHall(t.app, t.db.db);
  const waiting = last('610100').waiting;
  await ok(h.clerk, 'POST', `/api/tickets/halls/${h.hall.id}/take`, { categoryId: h.categories.a }, 201);
  assert.equal((await polls())['610100'], 1);
  assert.equal(last('610100').waiting, waiting + 1);
});

test('a backdated change shows once the full answer is due again, every region computed then', async () => {
  const yesterday = dayFromToday(-1);
  const before = last('610103').days.find((d) => d.day === yesterday)!;
  await placeCase(t.db.db, templateId, {
    region: '610103',
    departmentId,
    filed: yesterday,
    concluded: yesterday,
  });
  await refreshCaseDaily(t.db.db);
  assert.deepEqual(await polls(), { '610100': 0, '610102': 0, '610103': 0 }, 'today is unchanged');
  const sentBefore = sent.get('610102')!.length;
  assert.deepEqual(await polls(1, FULL_EVERY), { '610100': 1, '610102': 1, '610103': 1 });
  const after = last('610103').days.find((d) => d.day === yesterday)!;
  assert.equal(after.concluded, before.concluded + 1);
  assert.equal(sent.get('610102')!.length, sentBefore, 'an unchanged answer is not sent again');
  assert.deepEqual(await polls(2), { '610100': 0, '610102': 0, '610103': 0 });
});
