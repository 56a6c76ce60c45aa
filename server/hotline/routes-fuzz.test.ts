import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { REQUEST_CHANNELS, REQUEST_KINDS, SATISFACTIONS } from '../../common/hotline/api.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileJson, hostileString, percentQuery } from '../testing/fuzz/values.ts';
import { buildHotlineWorld, ok, takeRequest } from './testing.ts';
import { refreshHotlineWarnings } from './warnings.ts';

/**
 * Property test of every 12345 route with random ids and bodies, as the operator, the assigned
 * department's head, another department's head, a supervisor, a citizen or nobody: never a 5xx, a
 * 4xx names a code, another department's assignment or a request not assigned to it is a 404, and
 * only the region's supervisor urges a request (bad input is a 400 naming its field).
 */

type Who = 'operator' | 'head' | 'outsider' | 'supervisor' | 'citizen';
let t: TestApp;
let who: Record<Who, Browser>;
let ids: Record<string, string>;

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const w = await buildHotlineWorld(t);
  const dispatched = await takeRequest(w.operator);
  await ok(w.operator, 'POST', `/api/hotline/requests/${dispatched.id}/dispatch`, {
    primaryDepartmentId: w.first.id,
    assistingDepartmentIds: [w.second.id],
  });
  const assignment = (await ok(w.firstHead, 'GET', '/api/hotline/assignments')).items[0];
  const fresh = await takeRequest(w.operator, { kind: 'consult' });
  const late = new Date(`${dispatched.dueDate}T12:00:00+08:00`);
  late.setUTCDate(late.getUTCDate() + 2);
  await t.db.db.transaction((tx) => refreshHotlineWarnings(tx, late));
  const faq = await ok(
    w.operator,
    'POST',
    '/api/hotline/faq',
    { question: '问', answer: '答', keywords: '问', regionCode: '610100' },
    201,
  );
  who = {
    operator: w.operator,
    head: w.firstHead,
    outsider: w.outsider,
    supervisor: w.supervisor,
    citizen: w.citizen,
  };
  ids = {
    dispatched: dispatched.id,
    fresh: fresh.id,
    assignment: assignment.id,
    faq: faq.id,
    first: w.first.id,
    second: w.second.id,
  };
});
after(() => t?.close());

const NAMES = ['dispatched', 'fresh', 'assignment', 'faq', 'first', 'second'] as const;
const { id, value, enc } = namedIds(NAMES, () => ids);

const text = (max: number) => fc.oneof(fc.constantFrom('占道施工', '社保', ''), hostileString(max));
const body = fc.oneof(
  fc.record(
    {
      kind: fc.oneof(fc.constantFrom(...REQUEST_KINDS), hostileString(10)),
      channel: fc.oneof(fc.constantFrom(...REQUEST_CHANNELS), hostileString(10)),
      requesterName: text(70),
      requesterPhone: fc.oneof(fc.constant('13800001234'), hostileString(25)),
      title: text(210),
      content: text(300),
      regionCode: fc.oneof(fc.constantFrom('610100', '610000', '999999'), hostileString(12)),
      address: text(210),
      caseNo: text(45),
      question: text(100),
      answer: text(100),
      keywords: text(100),
      reason: text(100),
      reply: text(100),
      note: text(100),
      accept: fc.boolean(),
      satisfaction: fc.oneof(fc.constantFrom(...SATISFACTIONS), hostileString(10)),
      active: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
  hostileJson,
);
const month = fc.oneof(fc.constantFrom('2026-01', '2026-12'), hostileString(8));

const ROUTES = [
  ['POST', '/api/hotline/requests'],
  ['POST', '/api/hotline/portal'],
  ['GET', '/api/hotline/mine'],
  ['GET', '/api/hotline/requests'],
  ['GET', '/api/hotline/escalated'],
  ['GET', '/api/hotline/assignments'],
  ['GET', '/api/hotline/faq'],
  ['POST', '/api/hotline/faq'],
  ['GET', '/api/hotline/knowledge'],
] as const;
const REQUEST_STEPS = ['answer', 'dispatch', 'redispatch', 'merge', 'revisit'] as const;
const ASSIGNMENT_STEPS = ['return', 'reply', 'review'] as const;

const requestArb = fc.oneof(
  fc.record({ kind: fc.constant('plain' as const), route: fc.constantFrom(...ROUTES), body, q: text(120) }),
  fc.record({ kind: fc.constant('view' as const), id: id() }),
  fc.record({ kind: fc.constant('suggest' as const), id: id() }),
  fc.record({
    kind: fc.constant('step' as const),
    id: id(),
    step: fc.constantFrom(...REQUEST_STEPS),
    body,
    primary: id(),
    assisting: fc.array(id(), { maxLength: 3 }),
    into: id(),
  }),
  fc.record({
    kind: fc.constant('assignment' as const),
    id: id(),
    step: fc.constantFrom(...ASSIGNMENT_STEPS),
    body,
  }),
  fc.record({ kind: fc.constant('faq' as const), id: id(), body }),
  fc.record({ kind: fc.constant('rating' as const), id: id() }),
  fc.record({
    kind: fc.constant('urge' as const),
    id: fc.oneof(fc.constant('dispatched'), id()),
    body: fc.oneof(fc.record({ note: fc.oneof(fc.constant('请尽快答复'), text(600)) }), body),
  }),
  fc.record({
    kind: fc.constant('figures' as const),
    regionCode: fc.oneof(fc.constantFrom('610100', '610000'), hostileString(9)),
    from: month,
    to: month,
    excel: fc.boolean(),
  }),
);

test('random 12345 requests: never a 5xx; another department’s assignment and requests are 404s', async () => {
  const statuses = new Map<number, number>();
  const urged = new Set<string>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom<Who | 'nobody'>('operator', 'head', 'outsider', 'supervisor', 'citizen', 'nobody'),
      async (r, as) => {
        const send = sendAs(t.app, who, as);
        let res: Awaited<ReturnType<Browser['request']>>;
        switch (r.kind) {
          case 'plain': {
            const [method, url] = r.route;
            res =
              method === 'GET'
                ? await send({ method, url: `${url}?${percentQuery({ q: r.q })}` })
                : await send({ method, url, payload: r.body as object });
            break;
          }
          case 'view':
            res = await send({ method: 'GET', url: `/api/hotline/requests/${enc(r.id)}` });
            break;
          case 'suggest':
            res = await send({ method: 'GET', url: `/api/hotline/requests/${enc(r.id)}/suggest` });
            break;
          case 'step': {
            const extra = {
              primaryDepartmentId: value(r.primary),
              assistingDepartmentIds: r.assisting.map(value),
              intoId: value(r.into),
            };
            const payload =
              r.body && typeof r.body === 'object' && !Array.isArray(r.body)
                ? { ...r.body, ...extra }
                : r.body;
            res = await send({
              method: 'POST',
              url: `/api/hotline/requests/${enc(r.id)}/${r.step}`,
              payload: payload as object,
            });
            break;
          }
          case 'assignment':
            res = await send({
              method: 'POST',
              url: `/api/hotline/assignments/${enc(r.id)}/${r.step}`,
              payload: r.body as object,
            });
            break;
          case 'faq':
            res = await send({
              method: 'PUT',
              url: `/api/hotline/faq/${enc(r.id)}`,
              payload: r.body as object,
            });
            break;
          case 'rating':
            res = await send({ method: 'POST', url: `/api/hotline/from-rating/${enc(r.id)}` });
            break;
          case 'urge':
            res = await send({
              method: 'POST',
              url: `/api/hotline/requests/${enc(r.id)}/urge`,
              payload: r.body as object,
            });
            break;
          default:
            res = await send({
              method: 'GET',
              url: `/api/hotline/figures${r.excel ? '.xlsx' : ''}?${percentQuery({ regionCode: r.regionCode, from: r.from, to: r.to })}`,
            });
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
        if (as === 'outsider' && r.kind === 'assignment' && r.id === 'assignment' && res.statusCode !== 400)
          assert.equal(res.statusCode, 404, res.body);
        if (
          ['outsider', 'citizen'].includes(as) &&
          r.kind === 'view' &&
          ['dispatched', 'fresh'].includes(r.id)
        )
          assert.equal(res.statusCode, 404, res.body);
        if (['outsider', 'citizen', 'head', 'supervisor'].includes(as) && r.kind === 'step')
          assert.ok(res.statusCode >= 400, `${r.step} as ${as} succeeded`);
        if (r.kind === 'urge' && as !== 'supervisor' && as !== 'nobody')
          assert.ok([400, 404, 415].includes(res.statusCode), `urge as ${as}: ${res.body}`);
        if (r.kind === 'urge' && res.statusCode === 400 && as !== 'nobody')
          assert.ok(res.json().error.field, res.body);
        if (r.kind === 'urge' && res.statusCode === 200) urged.add(as);
      },
    ),
    { numRuns: 300, seed: 20261206 },
  );
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
  assert.ok(statuses.has(404) && statuses.has(400), JSON.stringify([...statuses]));
  assert.deepEqual([...urged], ['supervisor']);
});
