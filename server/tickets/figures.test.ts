import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildStaff, signIn } from '../testing/factories.ts';
import { seedTicket } from './board-testing.ts';
import { buildTicketHall, ok } from './testing.ts';

/** A hall's figures by day and by month (China time), for the hall, its windows and its clerks. */

let t: TestApp;
let h: Awaited<ReturnType<typeof buildTicketHall>>;
let supervisor: Browser;

before(async () => {
  t = await createTestApp();
  h = await buildTicketHall(t.app, t.db.db);
  const org = h.hall.organisationId;
  const zhang = await buildStaff(t.db.db, { role: 'window_clerk', organisationId: org, displayName: '张敏' });
  const li = await buildStaff(t.db.db, { role: 'window_clerk', organisationId: org, displayName: '李强' });
  supervisor = await signIn(t.app, await buildStaff(t.db.db, { role: 'supervisor', organisationId: org }));
  const [w1, , w3] = h.windows;
  const seed = (day: string, input: Omit<Parameters<typeof seedTicket>[1], 'hallId' | 'day'>) =>
    seedTicket(t.db.db, { hallId: h.hall.id, day, ...input });
  const { a, b } = h.categories;
  // 30 October: 张敏 serves two at window 1 (waits 10 and 30 min, handling 6 and 10); 李强 a no-show.
  await seed('2026-10-30', {
    categoryId: a,
    status: 'done',
    taken: '09:00',
    called: '09:10',
    finished: '09:16',
    windowId: w1,
    clerkId: zhang.id,
  });
  await seed('2026-10-30', {
    categoryId: a,
    status: 'done',
    taken: '09:05',
    called: '09:35',
    finished: '09:45',
    windowId: w1,
    clerkId: zhang.id,
  });
  await seed('2026-10-30', {
    categoryId: b,
    status: 'no_show',
    taken: '10:00',
    called: '10:20',
    finished: '10:22',
    windowId: w3,
    clerkId: li.id,
  });
  // 31 October, just before midnight China time (16:xx UTC): 李强 serves one at window 3.
  await seed('2026-10-31', {
    categoryId: b,
    status: 'done',
    taken: '23:00',
    called: '23:20',
    finished: '23:50',
    windowId: w3,
    clerkId: li.id,
  });
  // 2 November: one ticket never called.
  await seed('2026-11-02', { categoryId: a, status: 'waiting', taken: '16:00' });
  // Outside the range.
  await seed('2026-12-01', { categoryId: a, status: 'waiting', taken: '16:00' });
});
after(() => t?.close());

const url = (query: string) => `/api/tickets/halls/${h.hall.id}/figures?${query}`;

test('by day: the hall, each window and each clerk with served, no-shows and average times', async () => {
  const f = await ok(h.manager, 'GET', url('from=2026-10-30&to=2026-11-30&by=day'));
  assert.deepEqual(f.hall, [
    {
      period: '2026-10-30',
      taken: 3,
      served: 2,
      noShows: 1,
      averageWaitSeconds: 20 * 60,
      averageHandleSeconds: 8 * 60,
    },
    {
      period: '2026-10-31',
      taken: 1,
      served: 1,
      noShows: 0,
      averageWaitSeconds: 20 * 60,
      averageHandleSeconds: 30 * 60,
    },
    {
      period: '2026-11-02',
      taken: 1,
      served: 0,
      noShows: 0,
      averageWaitSeconds: null,
      averageHandleSeconds: null,
    },
  ]);
  assert.deepEqual(
    f.windows.map((w: Record<string, unknown>) => [
      w.period,
      w.windowNumber,
      w.served,
      w.noShows,
      w.averageWaitSeconds,
    ]),
    [
      ['2026-10-30', '1', 2, 0, 20 * 60],
      ['2026-10-30', '3', 0, 1, 20 * 60],
      ['2026-10-31', '3', 1, 0, 20 * 60],
    ],
  );
  assert.deepEqual(
    f.clerks.map((c: Record<string, unknown>) => [
      c.period,
      c.clerkName,
      c.served,
      c.noShows,
      c.averageHandleSeconds,
    ]),
    [
      ['2026-10-30', '张敏', 2, 0, 8 * 60],
      ['2026-10-30', '李强', 0, 1, null],
      ['2026-10-31', '李强', 1, 0, 30 * 60],
    ],
  );
});

test('by month: October and November, and the region’s supervisor reads them too', async () => {
  const f = await ok(supervisor, 'GET', url('from=2026-10-01&to=2026-11-30&by=month'));
  assert.deepEqual(
    f.hall.map((r: Record<string, unknown>) => [
      r.period,
      r.taken,
      r.served,
      r.noShows,
      r.averageWaitSeconds,
    ]),
    [
      ['2026-10', 4, 3, 1, 20 * 60],
      ['2026-11', 1, 0, 0, null],
    ],
  );
  assert.deepEqual(
    f.clerks.map((c: Record<string, unknown>) => [c.period, c.clerkName, c.served, c.noShows]),
    [
      ['2026-10', '张敏', 2, 0],
      ['2026-10', '李强', 1, 1],
    ],
  );
});

test('the Excel download holds the same figures, one sheet each for hall, windows and clerks', async () => {
  const res = await h.manager.request({
    method: 'GET',
    url: `/api/tickets/halls/${h.hall.id}/figures.xlsx?from=2026-10-30&to=2026-10-31`,
  });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /hall-figures-2026-10-30-2026-10-31\.xlsx/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(
    book.worksheets.map((s) => s.name),
    ['大厅', '窗口', '工作人员'],
  );
  const hall = book.getWorksheet('大厅')!;
  assert.deepEqual((hall.getRow(1).values as unknown[]).slice(1, 4), ['日期', '取号数', '办结数']);
  assert.deepEqual((hall.getRow(2).values as unknown[]).slice(1), ['2026-10-30', 3, 2, 1, 20, 8]);
  const clerks = book.getWorksheet('工作人员')!;
  assert.deepEqual((clerks.getRow(3).values as unknown[]).slice(1, 5), ['2026-10-30', '李强', 0, 1]);
});

test('bad ranges are a 400 naming the field', async () => {
  const cases: [string, string, RegExp][] = [
    ['from=2026-11-01&to=2026-10-01', 'to', /不能早于/],
    ['from=2025-01-01&to=2026-01-02', 'to', /366/],
    ['from=2026-02-30&to=2026-03-01', 'from', /格式/],
    ['from=2026-10-01', 'to', /必填/],
    ['from=2026-10-01&to=2026-10-02&by=week', 'by', /./],
  ];
  for (const [query, field, message] of cases) {
    const res = await h.manager.request({ method: 'GET', url: url(query) });
    assert.equal(res.statusCode, 400, query);
    assert.equal(res.json().error.field, field, query);
    assert.match(res.json().error.message, message, query);
  }
  const year = await h.manager.request({ method: 'GET', url: url('from=2024-01-01&to=2024-12-31') });
  assert.equal(year.statusCode, 200, 'a leap year is 366 days');
  const clerk = await h.clerk.request({ method: 'GET', url: url('from=2026-10-01&to=2026-10-02') });
  assert.equal(clerk.statusCode, 403);
});
