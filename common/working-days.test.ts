import assert from 'node:assert/strict';
import { test } from 'node:test';
import published from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import {
  addNaturalDays,
  addWorkingDays,
  isIsoDate,
  isWorkday,
  naturalDaysBetween,
  nextWorkdayOnOrAfter,
  type WorkingCalendar,
  weekdayOf,
  workingDaysBetween,
} from './working-days.ts';

/** China's 2026 calendar as the `chinese-days` package publishes it. */
const calendar2026: WorkingCalendar = new Map([
  ...Object.keys(published.holidays)
    .filter((d) => d.startsWith('2026-'))
    .map((d) => [d, false] as const),
  ...Object.keys(published.workdays)
    .filter((d) => d.startsWith('2026-'))
    .map((d) => [d, true] as const),
]);

test('the package has 春节 2026 as Feb 15–23 off, with Saturdays Feb 14 and Feb 28 worked', () => {
  for (let d = 15; d <= 23; d++) assert.equal(isWorkday(calendar2026, `2026-02-${d}`), false, `Feb ${d}`);
  assert.equal(weekdayOf('2026-02-14'), 6);
  assert.equal(weekdayOf('2026-02-28'), 6);
  assert.equal(isWorkday(calendar2026, '2026-02-14'), true);
  assert.equal(isWorkday(calendar2026, '2026-02-28'), true);
  assert.equal(isWorkday(calendar2026, '2026-02-13'), true, 'the Friday before');
  assert.equal(isWorkday(calendar2026, '2026-02-24'), true, 'the Tuesday after');
  assert.equal(isWorkday(calendar2026, '2026-03-07'), false, 'an ordinary Saturday');
});

test('国庆 2026: Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked', () => {
  for (let d = 1; d <= 7; d++) assert.equal(isWorkday(calendar2026, `2026-10-0${d}`), false, `Oct ${d}`);
  assert.equal(weekdayOf('2026-09-20'), 7);
  assert.equal(isWorkday(calendar2026, '2026-09-20'), true);
  assert.equal(isWorkday(calendar2026, '2026-10-10'), true);
  assert.equal(isWorkday(calendar2026, '2026-10-11'), false);
});

test('a Friday plus one working day is the Monday; the start day is not counted', () => {
  assert.equal(weekdayOf('2026-03-06'), 5);
  assert.equal(addWorkingDays(calendar2026, '2026-03-06', 1), '2026-03-09');
  assert.equal(addWorkingDays(calendar2026, '2026-03-07', 1), '2026-03-09', 'from a Saturday');
  assert.equal(addWorkingDays(calendar2026, '2026-03-06', 0), '2026-03-06', 'concluded on the day');
  assert.equal(addWorkingDays(calendar2026, '2026-03-02', 5), '2026-03-09');
});

test('deadlines across 春节 count the adjusted Saturdays and skip the holiday', () => {
  assert.equal(addWorkingDays(calendar2026, '2026-02-13', 1), '2026-02-14');
  assert.equal(addWorkingDays(calendar2026, '2026-02-13', 2), '2026-02-24');
  assert.equal(addWorkingDays(calendar2026, '2026-02-12', 5), '2026-02-26');
});

test('a 20-working-day limit spanning 中秋 and 国庆 2026', () => {
  // Sep 25–27 中秋 off; Sep 28–30 three days; Oct 1–7 off; Oct 8, 9, 10 (adjusted Saturday) …
  assert.equal(addWorkingDays(calendar2026, '2026-09-24', 3), '2026-09-30');
  assert.equal(addWorkingDays(calendar2026, '2026-09-24', 4), '2026-10-08');
  assert.equal(addWorkingDays(calendar2026, '2026-09-24', 6), '2026-10-10');
  assert.equal(addWorkingDays(calendar2026, '2026-09-24', 20), '2026-10-29');
  assert.equal(addWorkingDays(calendar2026, '2026-09-30', 1), '2026-10-08');
});

test('workingDaysBetween counts the days after `from` up to `to` and inverts addWorkingDays', () => {
  assert.equal(workingDaysBetween(calendar2026, '2026-03-06', '2026-03-06'), 0);
  assert.equal(workingDaysBetween(calendar2026, '2026-03-06', '2026-03-09'), 1);
  assert.equal(workingDaysBetween(calendar2026, '2026-02-13', '2026-02-24'), 2);
  assert.equal(workingDaysBetween(calendar2026, '2026-10-08', '2026-09-30'), -1);
  for (let i = 0; i < 365; i += 3) {
    const from = addNaturalDays('2026-01-01', i);
    for (const n of [0, 1, 2, 5, 20]) {
      const to = addWorkingDays(calendar2026, from, n);
      assert.equal(workingDaysBetween(calendar2026, from, to), n, `${from} + ${n}`);
      if (n > 0) assert.equal(isWorkday(calendar2026, to), true, `${to} is a working day`);
    }
  }
});

test('natural days cross months, leap days and years', () => {
  assert.equal(addNaturalDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addNaturalDays('2026-02-28', 1), '2026-03-01');
  assert.equal(addNaturalDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addNaturalDays('2026-10-08', -8), '2026-09-30');
  assert.equal(naturalDaysBetween('2026-01-01', '2027-01-01'), 365);
  assert.equal(nextWorkdayOnOrAfter(calendar2026, '2026-10-01'), '2026-10-08');
  assert.equal(nextWorkdayOnOrAfter(calendar2026, '2026-10-09'), '2026-10-09');
});

test('a year the calendar does not list (2027) follows Monday to Friday', () => {
  assert.equal(
    Object.keys(published.holidays).some((d) => d.startsWith('2027-')),
    false,
    'the package has no 2027 holidays',
  );
  assert.equal(weekdayOf('2027-10-01'), 5);
  assert.equal(isWorkday(calendar2026, '2027-10-01'), true);
  assert.equal(addWorkingDays(calendar2026, '2027-01-01', 1), '2027-01-04');
});

test('only real YYYY-MM-DD dates are accepted', () => {
  assert.equal(isIsoDate('2024-02-29'), true);
  assert.equal(isIsoDate('2026-02-29'), false);
  assert.equal(isIsoDate('2026-13-01'), false);
  assert.equal(isIsoDate('2026-1-1'), false);
  assert.equal(isIsoDate('2026-10-01T00:00:00Z'), false);
  assert.throws(() => addWorkingDays(calendar2026, '2026-02-30', 1), RangeError);
  assert.throws(() => addWorkingDays(calendar2026, '2026-02-01', -1), RangeError);
  assert.throws(() => addNaturalDays('2026-02-01', 1.5), RangeError);
});
