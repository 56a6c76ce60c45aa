import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation } from '../testing/factories.ts';
import { applyHotlineMonthly, monthlyHotlineCounts, zeroCounts } from './monthly.ts';

/** Reading hotline_monthly: every column per scope, zeros for a scope without a row. */

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t?.close());

test('the counts of a month per region and per department, zeros where nothing was kept', async () => {
  const db = t.db.db;
  const department = await buildOrganisation(db, { kind: 'department', regionCode: '610100' });
  const place = { month: '2026-03-01', regionPath: '610000/610100', primaryDepartmentId: department.id };
  await applyHotlineMonthly(db, place, { received: 1, complaints: 1, dispatched: 1 });
  await applyHotlineMonthly(db, place, { closed: 1, closedLate: 1, satisfied: 1, revisited: 1 });
  await applyHotlineMonthly(db, { ...place, primaryDepartmentId: null }, { received: 1, consults: 1 });
  await applyHotlineMonthly(db, { ...place, month: '2026-04-01' }, { received: 1, helps: 1 });

  const regions = await monthlyHotlineCounts(db, {
    month: '2026-03',
    scopeKind: 'region',
    scopeIds: ['610000', '610100', '610200'],
  });
  assert.deepEqual([...regions.keys()], ['610000', '610100', '610200']);
  const expected = {
    ...zeroCounts(),
    received: 2,
    complaints: 1,
    consults: 1,
    dispatched: 1,
    closed: 1,
    closedLate: 1,
    revisited: 1,
    satisfied: 1,
  };
  assert.deepEqual(regions.get('610000'), expected);
  assert.deepEqual(regions.get('610100'), expected);
  assert.deepEqual(regions.get('610200'), zeroCounts());

  const departments = await monthlyHotlineCounts(db, {
    month: '2026-03-01',
    scopeKind: 'department',
    scopeIds: [department.id],
  });
  assert.deepEqual(departments.get(department.id), {
    ...expected,
    received: 1,
    consults: 0,
  });
  const april = await monthlyHotlineCounts(db, {
    month: '2026-04',
    scopeKind: 'department',
    scopeIds: [department.id],
  });
  assert.equal(april.get(department.id)?.helps, 1);
  assert.equal(april.get(department.id)?.received, 1);
  assert.equal(
    (await monthlyHotlineCounts(db, { month: '2026-04', scopeKind: 'region', scopeIds: [] })).size,
    0,
  );
  await assert.rejects(
    monthlyHotlineCounts(db, { month: '2026-13', scopeKind: 'region', scopeIds: ['610000'] }),
    (e: { field?: string }) => e.field === 'month',
  );
});
