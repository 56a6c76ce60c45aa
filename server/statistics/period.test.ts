import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../core/errors.ts';
import { eachDay, lastMonth, monthsOf, resolvePeriods } from './period.ts';

/** The periods of the statistics in China days: defaults, the previous period, limits. */

test('no period is last month, across the new year too', () => {
  assert.deepEqual(lastMonth('2026-01-15'), { from: '2025-12-01', to: '2025-12-31' });
  assert.deepEqual(lastMonth('2024-03-01'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(resolvePeriods({}, '2026-12-06'), {
    current: { from: '2026-11-01', to: '2026-11-30' },
    previous: { from: '2026-10-02', to: '2026-10-31' },
    days: 30,
  });
});

test('one end given: `to` alone starts on the first of its month, `from` alone ends today', () => {
  assert.deepEqual(resolvePeriods({ to: '2026-05-20' }, '2026-12-06').current, {
    from: '2026-05-01',
    to: '2026-05-20',
  });
  assert.deepEqual(resolvePeriods({ from: '2026-12-01' }, '2026-12-06').current, {
    from: '2026-12-01',
    to: '2026-12-06',
  });
});

test('a leap year of 366 days is allowed, one day more is a 400 naming `to`; so is `from` after `to`', () => {
  const year = resolvePeriods({ from: '2024-01-01', to: '2024-12-31' }, '2026-12-06');
  assert.equal(year.days, 366);
  assert.deepEqual(year.previous, { from: '2022-12-31', to: '2023-12-31' });
  const refused = (query: { from?: string; to?: string }, field: string) =>
    assert.throws(
      () => resolvePeriods(query, '2026-12-06'),
      (e: unknown) => e instanceof AppError && e.status === 400 && e.field === field,
    );
  refused({ from: '2024-01-01', to: '2025-01-01' }, 'to');
  refused({ from: '2026-10-02', to: '2026-10-01' }, 'to');
  refused({ from: '1970-01-01', to: '1970-01-31' }, 'from');
  refused({ from: '2026-01-01', to: '3000-01-01' }, 'to');
});

test('the days and the months a period touches', () => {
  assert.deepEqual(eachDay({ from: '2024-02-28', to: '2024-03-01' }), [
    '2024-02-28',
    '2024-02-29',
    '2024-03-01',
  ]);
  assert.deepEqual(monthsOf({ from: '2025-11-30', to: '2026-02-01' }), [
    '2025-11',
    '2025-12',
    '2026-01',
    '2026-02',
  ]);
});
