import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildStaff, signIn } from '../testing/factories.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileJson, hostileNumber, hostileString } from '../testing/fuzz/values.ts';
import { buildTicketHall, ok } from './testing.ts';

/**
 * Property test of the board, figures and settings routes with random hall ids, dates and bodies,
 * as the hall's manager, its clerk, its region's supervisor, another hall's manager or nobody:
 * never a 5xx, a 4xx names a code, another hall's manager reads nothing of this hall and the
 * settings change only through a valid save by this hall's manager.
 */

let t: TestApp;
let who: Record<'manager' | 'clerk' | 'supervisor' | 'otherManager', Browser>;
let hallId: string;

before(async () => {
  t = await createTestApp();
  const h = await buildTicketHall(t.app, t.db.db);
  const other = await buildTicketHall(t.app, t.db.db);
  const supervisor = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'supervisor', organisationId: h.hall.organisationId }),
  );
  who = { manager: h.manager, clerk: h.clerk, supervisor, otherManager: other.manager };
  hallId = h.hall.id;
  await ok(h.manager, 'POST', `/api/tickets/halls/${hallId}/take`, { categoryId: h.categories.a }, 201);
});
after(() => t?.close());

const { id, enc } = namedIds(['hall'], () => ({ hall: hallId }));
const day = fc.oneof(
  fc
    .date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '0000-01-01', '2026-13-01', '', '2026-1-1'),
  hostileString(12),
);
const settingValue = fc.oneof(fc.integer({ min: -5, max: 300 }), hostileNumber, hostileString(6));

const requestArb = fc.oneof(
  fc.record({
    kind: fc.constantFrom('board' as const, 'settings' as const),
    hallId: id(),
  }),
  fc.record({
    kind: fc.constantFrom('figures' as const, 'figures.xlsx' as const),
    hallId: id(),
    from: fc.option(day),
    to: fc.option(day),
    by: fc.option(fc.oneof(fc.constantFrom('day', 'month'), hostileString(6))),
  }),
  fc.record({
    kind: fc.constant('save' as const),
    hallId: id(),
    body: fc.oneof(
      fc.record({
        waitGoalMinutes: settingValue,
        dailyLimitPerPerson: settingValue,
        nearNoticeAhead: settingValue,
        updatedAt: fc.oneof(
          fc.constant(null),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          hostileString(30),
        ),
      }),
      hostileJson,
    ),
  }),
);

test('random board, figures and settings requests: never a 5xx; another hall’s manager gets nothing of this hall', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom('manager', 'clerk', 'supervisor', 'otherManager', 'nobody'),
      async (r, as) => {
        const send = sendAs(t.app, who, as);
        const base = `/api/tickets/halls/${enc(r.hallId)}`;
        let res: Awaited<ReturnType<Browser['request']>>;
        if (r.kind === 'board' || r.kind === 'settings') {
          res = await send({ method: 'GET', url: `${base}/${r.kind}` });
        } else if (r.kind === 'save') {
          res = await send({ method: 'PUT', url: `${base}/settings`, payload: r.body as object });
        } else {
          const query = new URLSearchParams();
          for (const [key, v] of Object.entries(
            r as { from: string | null; to: string | null; by: string | null },
          ))
            if (v !== null && ['from', 'to', 'by'].includes(key)) query.set(key, v);
          res = await send({ method: 'GET', url: `${base}/${r.kind}?${query}` });
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
        if (as === 'otherManager' && r.hallId === 'hall') assert.ok(res.statusCode >= 400, res.body);
        if (res.statusCode < 300 && r.kind === 'save') assert.equal(as, 'manager');
      },
    ),
    { numRuns: 300, seed: 20261206 },
  );
  assert.ok(
    [200, 400, 403, 404].every((s) => statuses.has(s)),
    JSON.stringify([...statuses]),
  );
});
