import assert from 'node:assert/strict';
import { after, before, mock, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildKiosk } from '../testing/factories.ts';
import { recordStatements, statementsOf } from '../testing/statements.ts';
import { KIOSK_KEPT_MS } from './session-cache.ts';
import { KIOSK_MAX_MINUTES } from './sessions.ts';
import { kioskSessions } from './tables.ts';
import { kioskOf, kioskSessionOf } from './testing.ts';

let t: TestApp;
let KIOSK_TOKEN: string;
const LI = { name: '李秀兰', idNumber: '11010519491231002X' };

before(async () => {
  recordStatements();
  t = await createTestApp();
  KIOSK_TOKEN = (await buildKiosk(t.db.db)).token;
});
after(async () => {
  mock.timers.reset();
  await t?.close();
});

/** The kiosk guard's look-up (the kiosk session with its device). */
const looksUpKioskSession = (sql: string) => /from "kiosk_sessions" inner join "kiosk_devices"/i.test(sql);

test("a kiosk session's next request within a few seconds is bound to its kiosk without a look-up", async () => {
  const kiosk = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await kiosk.identify(LI)).statusCode, 200);
  const session = () => kiosk.request({ method: 'GET', url: '/api/kiosk/session' });
  const first = await statementsOf(async () => assert.equal((await session()).statusCode, 200));
  assert.equal(first.filter(looksUpKioskSession).length, 1);
  const second = await statementsOf(async () => {
    const res = await session();
    assert.equal(res.statusCode, 200, 'still a kiosk session');
    assert.equal(res.json().applicant.displayName, '李秀兰');
  });
  assert.deepEqual(second.filter(looksUpKioskSession), []);
});

test('a kept kiosk session reaching its time limit ends at the next request', async () => {
  const kiosk = kioskOf(t.app, KIOSK_TOKEN);
  assert.equal((await kiosk.identify(LI)).statusCode, 200);
  const row = await kioskSessionOf(t.db.db, kiosk);
  const start = Date.now();
  await t.db.db
    .update(kioskSessions)
    .set({ startedAt: new Date(start - KIOSK_MAX_MINUTES * 60_000 + 2000) })
    .where(eq(kioskSessions.id, row.id));
  mock.timers.enable({ apis: ['Date'], now: start });
  try {
    assert.equal((await kiosk.request({ method: 'GET', url: '/api/auth/me' })).statusCode, 200);
    mock.timers.tick(3000);
    assert.ok(3000 < KIOSK_KEPT_MS, 'still within the time a kiosk session is kept');
    assert.equal((await kiosk.request({ method: 'GET', url: '/api/auth/me' })).statusCode, 401);
  } finally {
    mock.timers.reset();
  }
  const [ended] = await t.db.db.select().from(kioskSessions).where(eq(kioskSessions.id, row.id));
  assert.equal(ended!.endReason, 'time_limit');
});
