import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildHall } from '../testing/factories.ts';
import { bookableDays } from './schedule.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

/** Tuesday 8 December 2026 at a time in China (UTC+8). */
const tuesdayAt = (time: string) => new Date(`2026-12-08T${time}:00+08:00`);

async function firstDays(minDaysAhead: number, now: Date): Promise<string[]> {
  const hall = await buildHall(t.db.db);
  const days = await bookableDays(t.db.db, { hallId: hall.id, ...DEFAULT_SETTINGS, minDaysAhead }, now);
  return days.slice(0, 2).map((d) => d.day);
}

test('a hall that takes bookings for the same day offers today while a slot is still to start', async () => {
  assert.deepEqual(await firstDays(0, tuesdayAt('09:10')), ['2026-12-08', '2026-12-09']);
  assert.deepEqual(await firstDays(0, tuesdayAt('16:29')), ['2026-12-08', '2026-12-09']);
});

test('today is not offered once its last slot has started, nor by a hall that books a day ahead', async () => {
  assert.deepEqual(await firstDays(0, tuesdayAt('16:30')), ['2026-12-09', '2026-12-10']);
  assert.deepEqual(await firstDays(1, tuesdayAt('09:10')), ['2026-12-09', '2026-12-10']);
});
