import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildStaff, signIn } from '../testing/factories.ts';
import { buildTicketHall, ok } from './testing.ts';

/** A hall's queue settings: the defaults, ranges, a stale save refused, only the hall's managers. */

let t: TestApp;
let h: Awaited<ReturnType<typeof buildTicketHall>>;
let url: string;

before(async () => {
  t = await createTestApp();
  h = await buildTicketHall(t.app, t.db.db);
  url = `/api/tickets/halls/${h.hall.id}/settings`;
});
after(() => t?.close());

const body = (read: Record<string, unknown>, change: Record<string, unknown> = {}) => {
  const { hallId: _, ...rest } = read;
  return { ...rest, ...change };
};

test('a hall that saved nothing has the defaults; saving keeps what the manager set', async () => {
  const read = await ok(h.manager, 'GET', url);
  assert.deepEqual(body(read), {
    waitGoalMinutes: 20,
    dailyLimitPerPerson: 3,
    nearNoticeAhead: 3,
    updatedAt: null,
  });
  const saved = await ok(h.manager, 'PUT', url, body(read, { waitGoalMinutes: 30, nearNoticeAhead: 5 }));
  assert.equal(saved.waitGoalMinutes, 30);
  assert.ok(saved.updatedAt);
  const again = await ok(h.manager, 'GET', url);
  assert.deepEqual(again, saved);
  const next = await ok(h.manager, 'PUT', url, body(again, { dailyLimitPerPerson: 20 }));
  assert.deepEqual([next.waitGoalMinutes, next.dailyLimitPerPerson, next.nearNoticeAhead], [30, 20, 5]);
});

test('saving over a change made by someone else since reading is a 409 in Chinese', async () => {
  const read = await ok(h.manager, 'GET', url);
  const colleague = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'hall_manager', organisationId: h.hall.organisationId }),
  );
  await ok(colleague, 'PUT', url, body(read, { waitGoalMinutes: 25 }));
  const res = await h.manager.request({ method: 'PUT', url, payload: body(read, { waitGoalMinutes: 40 }) });
  assert.equal(res.statusCode, 409);
  assert.match(res.json().error.message, /已被他人修改/);
  const stale = await h.manager.request({ method: 'PUT', url, payload: body(read, { updatedAt: null }) });
  assert.equal(stale.statusCode, 409, 'the defaults are no longer what is saved');
  assert.equal((await ok(h.manager, 'GET', url)).waitGoalMinutes, 25);
});

test('values outside their ranges are a 400 naming the field and the range', async () => {
  const read = await ok(h.manager, 'GET', url);
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ waitGoalMinutes: 0 }, 'waitGoalMinutes', /1–240/],
    [{ waitGoalMinutes: 241 }, 'waitGoalMinutes', /1–240/],
    [{ dailyLimitPerPerson: 21 }, 'dailyLimitPerPerson', /1–20/],
    [{ nearNoticeAhead: 0 }, 'nearNoticeAhead', /1–20/],
    [{ nearNoticeAhead: 2.5 }, 'nearNoticeAhead', /类型|格式/],
    [{ updatedAt: 'yesterday' }, 'updatedAt', /格式/],
  ];
  for (const [change, field, message] of cases) {
    const res = await h.manager.request({ method: 'PUT', url, payload: body(read, change) });
    assert.equal(res.statusCode, 400, JSON.stringify(change));
    assert.equal(res.json().error.field, field);
    assert.match(res.json().error.message, message);
  }
  const { waitGoalMinutes } = await ok(h.manager, 'GET', url);
  assert.equal(waitGoalMinutes, read.waitGoalMinutes);
});

test('only the hall’s managers read and set its queue settings', async () => {
  const read = await ok(h.manager, 'GET', url);
  const other = await buildTicketHall(t.app, t.db.db);
  const supervisor = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'supervisor', organisationId: h.hall.organisationId }),
  );
  for (const who of [h.clerk, other.manager, supervisor]) {
    assert.equal((await who.request({ method: 'GET', url })).statusCode, 403);
    const res = await who.request({ method: 'PUT', url, payload: body(read, { waitGoalMinutes: 9 }) });
    assert.equal(res.statusCode, 403);
  }
  assert.equal((await ok(h.manager, 'GET', url)).waitGoalMinutes, read.waitGoalMinutes);
});
