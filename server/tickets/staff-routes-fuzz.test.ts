import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildIdNumber, buildMatter, signIn } from '../testing/factories.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileJson } from '../testing/fuzz/values.ts';
import { buildTicketHall, ok } from './testing.ts';

/**
 * Property test of the calling panel's routes (my windows, a window's state, the called person) and
 * of the counter filing naming a ticket, with random ids, as a person, a clerk of the hall, its
 * manager, a clerk of another hall or nobody: never a 5xx, a 4xx names a code, another hall's clerk
 * reads nothing of this hall's window or ticket, and a refused filing makes no case.
 */

let t: TestApp;
let who: Record<'person' | 'clerk' | 'manager' | 'otherClerk', Browser>;
let ids: Record<string, string>;

before(async () => {
  t = await createTestApp();
  const h = await buildTicketHall(t.app, t.db.db);
  const other = await buildTicketHall(t.app, t.db.db);
  const matter = await buildMatter(t.db.db, { regionCode: '610100' });
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  who = { person, clerk: h.clerk, manager: h.manager, otherClerk: other.clerk };
  const take = (hall: typeof h) =>
    ok(hall.clerk, 'POST', `/api/tickets/halls/${hall.hall.id}/take`, { categoryId: hall.categories.a }, 201);
  const waiting = await take(h);
  await ok(h.clerk, 'POST', `/api/tickets/windows/${h.windows[0]}/call`);
  const waitingToo = await take(h);
  await take(other);
  const theirs = await ok(other.clerk, 'POST', `/api/tickets/windows/${other.windows[0]}/call`);
  ids = {
    hall: h.hall.id,
    window: h.windows[0],
    window3: h.windows[2],
    called: waiting.id,
    waiting: waitingToo.id,
    theirs: theirs.ticket.id,
    matter: matter.id,
  };
});
after(() => t?.close());

const NAMES = ['hall', 'window', 'window3', 'called', 'waiting', 'theirs', 'matter'] as const;
const { id, value, enc } = namedIds(NAMES, () => ids);

const requestArb = fc.oneof(
  fc.record({ kind: fc.constant('mine' as const) }),
  fc.record({ kind: fc.constant('window' as const), windowId: id() }),
  fc.record({ kind: fc.constant('person' as const), ticketId: id() }),
  fc.record({
    kind: fc.constant('file' as const),
    ticketId: fc.oneof(id(), hostileJson),
    windowId: fc.option(id()),
  }),
);

test('random panel requests and counter filings: never a 5xx, nothing of another hall, no case from a refused ticket', async () => {
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
          case 'mine':
            res = await send({ method: 'GET', url: '/api/tickets/my-windows' });
            break;
          case 'window':
            target = r.windowId;
            res = await send({ method: 'GET', url: `/api/tickets/windows/${enc(r.windowId)}` });
            break;
          case 'person':
            target = r.ticketId;
            res = await send({ method: 'GET', url: `/api/tickets/${enc(r.ticketId)}/person` });
            break;
          default:
            target = typeof r.ticketId === 'string' ? r.ticketId : null;
            res = await send({
              method: 'POST',
              url: '/api/cases',
              payload: {
                implementationId: ids.matter,
                applicant: {
                  kind: 'person',
                  login: buildIdNumber(),
                  displayName: '测试',
                  phone: '13912340088',
                },
                ticketId: typeof r.ticketId === 'string' ? value(r.ticketId) : r.ticketId,
                ...(r.windowId === null ? {} : { windowId: value(r.windowId) }),
              },
            });
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
        if (r.kind === 'mine' && res.statusCode === 200 && as !== 'clerk' && as !== 'manager')
          assert.ok(
            res.json().every((w: { hallId: string }) => w.hallId !== ids.hall),
            `${as} sees the hall's windows`,
          );
        if (as === 'otherClerk' && (r.kind === 'window' || r.kind === 'person') && ids[target ?? ''])
          assert.ok([400, 404].includes(res.statusCode), `${r.kind} of ${target}: ${res.statusCode}`);
        if (r.kind === 'file' && res.statusCode < 300) {
          // Only this hall's clerk files, and only with the ticket called at its window.
          assert.equal(as, 'clerk');
          assert.equal(target, 'called');
        }
        if (r.kind === 'file' && ['waiting', 'theirs'].includes(target ?? ''))
          assert.ok(res.statusCode >= 400, `${target} as ${as}: ${res.statusCode}`);
      },
    ),
    { numRuns: 200, seed: 20261206 },
  );
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
  assert.ok(statuses.has(404) && statuses.has(400), JSON.stringify([...statuses]));
});
