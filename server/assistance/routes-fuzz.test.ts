import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildKiosk, signIn } from '../testing/factories.ts';
import { hostileJson, hostileString } from '../testing/fuzz/values.ts';
import { buildHelpHall, ok } from './testing.ts';

/**
 * Property test of the help-request routes with random ids and bodies, as the person who asked,
 * another person, an agent and the manager of the hall, an agent of another hall, a kiosk or
 * nobody: never a 5xx, a 4xx names a code, and the request is a 404 to everyone outside the hall
 * but its owner.
 */

let t: TestApp;
let who: Record<'person' | 'stranger' | 'agent' | 'manager' | 'otherAgent', Browser>;
let ids: Record<string, string>;
let kioskToken: string;

before(async () => {
  t = await createTestApp();
  const h = await buildHelpHall(t.app, t.db.db);
  const other = await buildHelpHall(t.app, t.db.db);
  const person = await signIn(t.app, await buildApplicant(t.db.db));
  const stranger = await signIn(t.app, await buildApplicant(t.db.db));
  who = { person, stranger, agent: h.agent, manager: h.manager, otherAgent: other.agent };
  kioskToken = (await buildKiosk(t.db.db, { hallId: h.hall.id })).token;
  const asked = await ok(
    person,
    'POST',
    '/api/help-requests',
    { hallId: h.hall.id, phone: '13900001234' },
    201,
  );
  ids = { hall: h.hall.id, otherHall: other.hall.id, request: asked.id };
});
after(() => t?.close());

const NAMES = ['hall', 'otherHall', 'request'] as const;
const id = () => fc.oneof(fc.constantFrom(...NAMES), fc.uuid(), hostileString(40));
const value = (v: string) => (Object.hasOwn(ids, v) ? ids[v]! : v);
const enc = (v: string) =>
  [...Buffer.from(value(v))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const phone = fc.oneof(
  fc.constantFrom('13900001234', '13811112222', '029-88886666', '110'),
  hostileString(20),
);

const requestArb = fc.oneof(
  fc.record({
    kind: fc.constant('ask' as const),
    body: fc.oneof(
      fc.record(
        {
          hallId: id(),
          name: hostileString(60),
          phone,
          implementationId: id(),
          note: fc.oneof(hostileString(40), fc.string({ minLength: 490, maxLength: 520 })),
        },
        { requiredKeys: [] },
      ),
      hostileJson,
    ),
  }),
  fc.record({ kind: fc.constant('read' as const), path: fc.constantFrom('mine', 'halls') }),
  fc.record({
    kind: fc.constant('list' as const),
    hallId: fc.option(id()),
    status: fc.option(
      fc.oneof(fc.constantFrom('open', 'taken', 'done', 'cancelled', 'active'), hostileString(8)),
    ),
  }),
  fc.record({
    kind: fc.constant('act' as const),
    requestId: id(),
    action: fc.constantFrom('take', 'cancel'),
  }),
  fc.record({
    kind: fc.constant('finish' as const),
    requestId: id(),
    body: fc.oneof(fc.record({ outcome: hostileString(80) }), hostileJson),
  }),
);

const AS = ['person', 'stranger', 'agent', 'manager', 'otherAgent', 'kiosk', 'nobody'] as const;

test('random help requests: never a 5xx, and nobody outside the hall but the owner reaches the request', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestArb, fc.constantFrom(...AS), async (r, as) => {
      const send = (options: Parameters<Browser['request']>[0]) =>
        as === 'nobody'
          ? t.app.inject(options)
          : as === 'kiosk'
            ? t.app.inject({ ...options, headers: { 'x-kiosk-token': kioskToken } })
            : who[as].request(options);
      let res: Awaited<ReturnType<Browser['request']>>;
      let target: string | null = null;
      switch (r.kind) {
        case 'ask': {
          const body =
            typeof r.body === 'object' && r.body !== null && !Array.isArray(r.body)
              ? Object.fromEntries(
                  Object.entries(r.body).map(([k, v]) => [k, typeof v === 'string' ? value(v) : v]),
                )
              : r.body;
          res = await send({ method: 'POST', url: '/api/help-requests', payload: body as object });
          break;
        }
        case 'read':
          res = await send({ method: 'GET', url: `/api/help-requests/${r.path}` });
          break;
        case 'list': {
          const query = new URLSearchParams();
          if (r.hallId !== null) query.set('hallId', value(r.hallId));
          if (r.status !== null) query.set('status', r.status);
          res = await send({ method: 'GET', url: `/api/help-requests?${query}` });
          break;
        }
        case 'act':
          target = r.requestId;
          res = await send({ method: 'POST', url: `/api/help-requests/${enc(r.requestId)}/${r.action}` });
          break;
        default:
          target = r.requestId;
          res = await send({
            method: 'POST',
            url: `/api/help-requests/${enc(r.requestId)}/finish`,
            payload: r.body as object,
          });
      }
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
      if (target === 'request' && ['stranger', 'otherAgent'].includes(as)) {
        // Nothing of the request shows: a 404, or a 400 for a body refused before any look-up.
        assert.ok([400, 404].includes(res.statusCode), `${r.kind} as ${as}: ${res.statusCode} ${res.body}`);
        if (res.statusCode === 400) assert.equal(r.kind, 'finish');
      }
      if (r.kind === 'list' && as === 'otherAgent' && r.hallId === 'hall')
        assert.ok([400, 404].includes(res.statusCode), res.body);
    }),
    { numRuns: 300, seed: 20261206 },
  );
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
  assert.ok(statuses.has(404) && statuses.has(400) && statuses.has(409), JSON.stringify([...statuses]));
});
