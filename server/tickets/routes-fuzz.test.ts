import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, signIn } from '../testing/factories.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileJson, hostileString } from '../testing/fuzz/values.ts';
import { buildTicketHall, ok } from './testing.ts';

/**
 * Property test of the ticket routes with random ids and bodies, as a person, a clerk of the hall,
 * its manager, a clerk of another hall or nobody: never a 5xx, a 4xx names a code, and another
 * hall's ticket or window is a 404 to that hall's clerk.
 */

let t: TestApp;
let who: Record<'person' | 'clerk' | 'manager' | 'otherClerk', Browser>;
let ids: Record<string, string>;

before(async () => {
  t = await createTestApp();
  const h = await buildTicketHall(t.app, t.db.db);
  const other = await buildTicketHall(t.app, t.db.db);
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  who = { person, clerk: h.clerk, manager: h.manager, otherClerk: other.clerk };
  const ticket = await ok(
    person,
    'POST',
    `/api/tickets/halls/${h.hall.id}/take`,
    { categoryId: h.categories.a },
    201,
  );
  ids = {
    hall: h.hall.id,
    catA: h.categories.a,
    catB: h.categories.b,
    window: h.windows[0],
    window3: h.windows[2],
    ticket: ticket.id,
  };
});
after(() => t?.close());

const NAMES = ['hall', 'catA', 'catB', 'window', 'window3', 'ticket'] as const;
const { id, value, enc } = namedIds(NAMES, () => ids);
const ACTIONS = ['recall', 'skip', 'return', 'done', 'no-show'] as const;

const requestArb = fc.oneof(
  fc.record({
    kind: fc.constant('take' as const),
    hallId: id(),
    categoryId: id(),
    appointmentId: fc.option(id()),
    priority: fc.option(fc.oneof(fc.constantFrom('green', 'agent'), hostileString(10))),
    extra: fc.option(hostileJson),
  }),
  fc.record({ kind: fc.constant('read' as const), ticketId: id() }),
  fc.record({ kind: fc.constant('categories' as const), hallId: id() }),
  fc.record({
    kind: fc.constant('category' as const),
    hallId: id(),
    letter: fc.oneof(fc.constantFrom('A', 'C', 'Z', 'a', 'AA'), hostileString(4)),
    name: hostileString(60),
  }),
  fc.record({
    kind: fc.constant('serve' as const),
    windowId: id(),
    categoryIds: fc.array(id(), { maxLength: 4 }),
  }),
  fc.record({
    kind: fc.constant('window' as const),
    windowId: id(),
    op: fc.constantFrom('call', 'pause', 'resume'),
  }),
  fc.record({ kind: fc.constant('act' as const), ticketId: id(), action: fc.constantFrom(...ACTIONS) }),
  fc.record({
    kind: fc.constant('transfer' as const),
    ticketId: id(),
    body: fc.oneof(
      fc.record({ windowId: id() }),
      fc.record({ categoryId: id() }),
      fc.record({ windowId: id(), categoryId: id() }),
      hostileJson,
    ),
  }),
);

test('random ticket requests: never a 5xx, and another hall’s clerk gets a 404 for this hall’s ticket or window', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom('person', 'clerk', 'manager', 'otherClerk', 'nobody'),
      async (r, as) => {
        const send = sendAs(t.app, who, as);
        let res: Awaited<ReturnType<Browser['request']>>;
        let target: string | null = null;
        switch (r.kind) {
          case 'take':
            res = await send({
              method: 'POST',
              url: `/api/tickets/halls/${enc(r.hallId)}/take`,
              payload: {
                categoryId: value(r.categoryId),
                ...(r.appointmentId === null ? {} : { appointmentId: value(r.appointmentId) }),
                ...(r.priority === null ? {} : { priority: r.priority }),
                ...(r.extra === null ? {} : { extra: r.extra }),
              },
            });
            break;
          case 'read':
            target = r.ticketId;
            res = await send({ method: 'GET', url: `/api/tickets/${enc(r.ticketId)}` });
            break;
          case 'categories':
            res = await send({ method: 'GET', url: `/api/tickets/halls/${enc(r.hallId)}/categories` });
            break;
          case 'category':
            res = await send({
              method: 'POST',
              url: `/api/tickets/halls/${enc(r.hallId)}/categories`,
              payload: { letter: r.letter, name: r.name },
            });
            break;
          case 'serve':
            target = r.windowId;
            res = await send({
              method: 'PUT',
              url: `/api/tickets/windows/${enc(r.windowId)}/categories`,
              payload: { categoryIds: r.categoryIds.map(value) },
            });
            break;
          case 'window':
            target = r.windowId;
            res = await send({ method: 'POST', url: `/api/tickets/windows/${enc(r.windowId)}/${r.op}` });
            break;
          case 'act':
            target = r.ticketId;
            res = await send({ method: 'POST', url: `/api/tickets/${enc(r.ticketId)}/${r.action}` });
            break;
          default:
            target = r.ticketId;
            res = await send({
              method: 'POST',
              url: `/api/tickets/${enc(r.ticketId)}/transfer`,
              payload:
                typeof r.body === 'object' && r.body !== null && !Array.isArray(r.body)
                  ? Object.fromEntries(
                      Object.entries(r.body).map(([k, v]) => [k, typeof v === 'string' ? value(v) : v]),
                    )
                  : (r.body as object),
            });
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
        const own =
          target === 'ticket'
            ? ['read', 'act', 'transfer']
            : target?.startsWith('window')
              ? ['serve', 'window']
              : [];
        if (as === 'otherClerk' && own.includes(r.kind)) {
          // Nothing of this hall's ticket or window shows: a 404, or a 400 for a body refused before any look-up.
          assert.ok(
            [400, 404].includes(res.statusCode),
            `${r.kind} of ${target}: ${res.statusCode} ${res.body}`,
          );
          if (res.statusCode === 400) assert.notEqual(r.kind, 'read');
        }
      },
    ),
    { numRuns: 300, seed: 20261206 },
  );
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
  assert.ok(statuses.has(404) && statuses.has(409), JSON.stringify([...statuses]));
});
