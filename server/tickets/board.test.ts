import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { seedTicket } from './board-testing.ts';
import { buildTicketHall, ok } from './testing.ts';

/** The live board (大厅实况) of a hall, checked against tickets with known times on the real database. */

let t: TestApp;
let h: Awaited<ReturnType<typeof buildTicketHall>>;
let clerks: { id: string; displayName: string }[];
let supervisor: Browser;

before(async () => {
  t = await createTestApp();
  h = await buildTicketHall(t.app, t.db.db);
  const org = h.hall.organisationId;
  clerks = [
    await buildStaff(t.db.db, { role: 'window_clerk', organisationId: org, displayName: '张敏' }),
    await buildStaff(t.db.db, { role: 'window_clerk', organisationId: org, displayName: '李强' }),
  ];
  supervisor = await signIn(t.app, await buildStaff(t.db.db, { role: 'supervisor', organisationId: org }));
  const [w1, w2, w3] = h.windows;
  const { a, b } = h.categories;
  const seed = (input: Omit<Parameters<typeof seedTicket>[1], 'hallId'>) =>
    seedTicket(t.db.db, { hallId: h.hall.id, ...input });
  const [zhang, li] = clerks.map((c) => c.id) as [string, string];
  // Served at window 1 by 张敏: waits 10 and 20 minutes, handled in 10 and 5.
  await seed({
    categoryId: a,
    status: 'done',
    taken: 40,
    called: 30,
    finished: 20,
    windowId: w1,
    clerkId: zhang,
  });
  await seed({
    categoryId: a,
    status: 'done',
    taken: 35,
    called: 15,
    finished: 10,
    windowId: w1,
    clerkId: zhang,
  });
  // At window 3 by 李强: a no-show after 25 minutes, a skipped ticket after 17.
  await seed({
    categoryId: b,
    status: 'no_show',
    taken: 30,
    called: 5,
    finished: 4,
    windowId: w3,
    clerkId: li,
  });
  await seed({
    categoryId: b,
    status: 'skipped',
    taken: 20,
    called: 3,
    finished: 2,
    windowId: w3,
    clerkId: li,
  });
  // Being served at window 2 by 李强 after 11 minutes.
  await seed({ categoryId: a, status: 'called', taken: 12, called: 1, windowId: w2, clerkId: li });
  // Waiting: one already longer than the 20-minute goal.
  await seed({ categoryId: a, status: 'waiting', taken: 25 });
  await seed({ categoryId: a, status: 'waiting', taken: 5 });
  await seed({ categoryId: b, status: 'waiting', taken: 8 });
  // Yesterday's ticket is not today's.
  await seed({
    categoryId: a,
    day: '2026-01-05',
    status: 'done',
    taken: '09:00',
    called: '10:30',
    finished: '10:40',
    windowId: w1,
    clerkId: zhang,
  });
});
after(() => t?.close());

const board = (who: Browser = h.manager) => ok(who, 'GET', `/api/tickets/halls/${h.hall.id}/board`);
/** The seconds a ticket taken `minutes` ago has waited: at least that, a minute more at most on a slow machine. */
const waitedAbout = (seconds: number | null, minutes: number) =>
  assert.ok(seconds !== null && seconds >= minutes * 60 && seconds < (minutes + 1) * 60, `${seconds}`);

test('today’s numbers: taken, served, no-shows, skipped, waits and handling times of the tickets', async () => {
  const b = await board();
  assert.deepEqual(b.today, {
    taken: 8,
    served: 2,
    noShows: 1,
    skipped: 1,
    // (10 + 20 + 25 + 17 + 11) / 5 minutes
    averageWaitSeconds: 996,
    longestWaitSeconds: 1500,
    averageHandleSeconds: 450,
  });
  assert.equal(b.waiting, 3);
  waitedAbout(b.longestWaitingSeconds, 25);
  const [catA, catB] = b.categories;
  assert.deepEqual([catA.letter, catA.waiting, catB.letter, catB.waiting], ['A', 2, 'B', 1]);
  waitedAbout(catA.longestWaitSeconds, 25);
  waitedAbout(catB.longestWaitSeconds, 8);
  assert.equal(b.waitGoalMinutes, 20);
  assert.equal(b.goalMissed, false, 'an average of 16.6 minutes meets the 20-minute goal');
  assert.equal(b.waitingOverGoal, 1);
});

test('each window with its clerk, tickets served and current ticket; each clerk with what they served', async () => {
  const b = await board();
  const [w1, w2, w3] = b.windows;
  assert.deepEqual(
    [w1, w3].map((w) => [w.number, w.clerkName, w.served, w.averageHandleSeconds, w.currentTicket]),
    [
      ['1', '张敏', 2, 450, null],
      ['3', '李强', 0, null, null],
    ],
  );
  assert.equal(w2.clerkName, '李强');
  assert.match(w2.currentTicket.code, /^Z\d+$/);
  assert.equal(b.windowsOpen, 3);
  assert.deepEqual(
    b.clerks.map((c: { name: string; served: number; averageHandleSeconds: number | null }) => [
      c.name,
      c.served,
      c.averageHandleSeconds,
    ]),
    [
      ['张敏', 2, 450],
      ['李强', 0, null],
    ],
  );
});

test('a paused window counts as paused, not open', async () => {
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[2]}/pause`);
  const b = await board();
  assert.deepEqual([b.windowsOpen, b.windowsPaused], [2, 1]);
  assert.equal(b.windows[2].paused, true);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[2]}/resume`);
});

test('a goal below today’s average wait is missed', async () => {
  const url = `/api/tickets/halls/${h.hall.id}/settings`;
  const read = await ok(h.manager, 'GET', url);
  await ok(h.manager, 'PUT', url, { ...read, waitGoalMinutes: 15, hallId: undefined });
  const b = await board();
  assert.equal(b.waitGoalMinutes, 15);
  assert.equal(b.goalMissed, true);
  assert.equal(b.waitingOverGoal, 1);
});

test('the board is for the hall’s managers and its region’s supervisors; others are refused', async () => {
  const b = await board(supervisor);
  assert.equal(b.today.taken, 8);
  const res = await h.clerk.request({ method: 'GET', url: `/api/tickets/halls/${h.hall.id}/board` });
  assert.equal(res.statusCode, 403);
  const other = await buildTicketHall(t.app, t.db.db);
  const stranger = await other.manager.request({
    method: 'GET',
    url: `/api/tickets/halls/${h.hall.id}/board`,
  });
  assert.equal(stranger.statusCode, 403);
  const elsewhere = await buildOrganisation(t.db.db, { regionCode: '610300' });
  const farSupervisor = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'supervisor', organisationId: elsewhere.id }),
  );
  const far = await farSupervisor.request({ method: 'GET', url: `/api/tickets/halls/${h.hall.id}/board` });
  assert.equal(far.statusCode, 403);
  const none = await h.manager.request({
    method: 'GET',
    url: '/api/tickets/halls/00000000-0000-4000-8000-000000000000/board',
  });
  assert.equal(none.statusCode, 404);
});

test('a ticket taken now shows on the board, with the hall’s newest event for its stream to follow', async () => {
  const before = await board();
  await ok(h.clerk, 'POST', `/api/tickets/halls/${h.hall.id}/take`, { categoryId: h.categories.b }, 201);
  const after = await board();
  assert.ok(after.lastEventId > before.lastEventId, `${before.lastEventId} → ${after.lastEventId}`);
  assert.deepEqual([after.today.taken, after.waiting], [before.today.taken + 1, before.waiting + 1]);
});
