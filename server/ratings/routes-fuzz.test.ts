import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { PROBLEMS } from '../../common/ratings/api.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildHall, buildStaff, signIn } from '../testing/factories.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileJson, hostileNumber, hostileString, percentQuery } from '../testing/fuzz/values.ts';
import { BAD, buildRatingWorld, handledAtWindow, ONLINE_SCORES, ok, WINDOW_SCORES } from './testing.ts';

/**
 * Property test of every 好差评 route with random ids and bodies, as the applicant, another person,
 * the window's clerk, another hall's clerk, the department head, a supervisor, a 12345 operator or
 * nobody: never a 5xx, a 4xx names a code, and another person's case or another hall's window is a 404.
 */

type Who = 'applicant' | 'stranger' | 'clerk' | 'otherClerk' | 'head' | 'supervisor' | 'operator';
let t: TestApp;
let who: Record<Who, Browser>;
let ids: Record<string, string>;

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const w = await buildRatingWorld(t);
  const accepted = await w.caseAt('accepted');
  const concluded = await w.caseAt('concluded', accepted.applicant);
  await handledAtWindow(t, concluded.id, w.hall.id, w.window.id);
  const applicant = await signIn(t.app, accepted.applicant);
  const bad = await w.caseAt('concluded', accepted.applicant);
  await ok(applicant, 'POST', `/api/ratings/cases/${bad.id}`, { ...BAD, stage: 'concluded' }, 201);
  const revisit = (await ok(w.head, 'GET', '/api/ratings/revisits')).items[0];
  const link = await ok(w.head, 'POST', `/api/ratings/cases/${accepted.id}/link`, { stage: 'accepted' }, 201);
  const other = await buildHall(t.db.db, {
    windows: [{ number: '02', name: '其他窗口', kind: 'comprehensive' }],
  });
  who = {
    applicant,
    stranger: await signIn(t.app, await buildApplicant(t.db.db)),
    clerk: w.clerk,
    otherClerk: await signIn(
      t.app,
      await buildStaff(t.db.db, { role: 'window_clerk', organisationId: other.organisationId }),
    ),
    head: w.head,
    supervisor: w.supervisor,
    operator: w.operator,
  };
  ids = {
    case: accepted.id,
    concluded: concluded.id,
    window: w.window.id,
    revisit: revisit.id,
    token: link.url.split('/').at(-1),
    department: w.matter.departmentId,
    hall: w.hall.id,
    caseNo: accepted.caseNo,
  };
});
after(() => t?.close());

const NAMES = ['case', 'concluded', 'window', 'revisit', 'token', 'department', 'hall', 'caseNo'] as const;
const { id, value, enc } = namedIds(NAMES, () => ids);

const ratingBody = fc.record(
  {
    stage: fc.oneof(fc.constantFrom('accepted', 'concluded'), hostileString(12)),
    level: fc.oneof(fc.integer({ min: 0, max: 6 }), hostileNumber),
    subScores: fc.oneof(
      fc.constantFrom(ONLINE_SCORES, WINDOW_SCORES, {}),
      fc.dictionary(hostileString(12), fc.oneof(fc.integer({ min: 0, max: 6 }), hostileNumber)),
    ),
    problems: fc.array(fc.oneof(fc.constantFrom(...PROBLEMS), hostileString(12)), { maxLength: 4 }),
    comment: hostileString(520),
    extra: hostileJson,
  },
  { requiredKeys: ['level'] },
);
const month = fc.oneof(fc.constantFrom('2026-01', '2026-12', '2024-02'), hostileString(8));
const STEPS = ['contact', 'rectify', 'review-request', 'review-decision'] as const;

const requestArb = fc.oneof(
  fc.record({ kind: fc.constant('view' as const), caseId: id() }),
  fc.record({ kind: fc.constant('rate' as const), caseId: id(), body: ratingBody }),
  fc.record({ kind: fc.constant('current' as const), windowId: id() }),
  fc.record({ kind: fc.constant('window' as const), windowId: id(), caseId: id(), body: ratingBody }),
  fc.record({
    kind: fc.constant('link' as const),
    caseId: id(),
    stage: fc.oneof(fc.constant('accepted'), hostileString(10)),
  }),
  fc.record({ kind: fc.constant('readLink' as const), token: id() }),
  fc.record({ kind: fc.constant('useLink' as const), token: id(), body: ratingBody }),
  fc.record({
    kind: fc.constant('hotline' as const),
    caseNo: id(),
    body: ratingBody,
    set: fc.option(fc.oneof(fc.constantFrom('online', 'window'), hostileString(8))),
  }),
  fc.record({ kind: fc.constant('hotlineCase' as const), caseNo: fc.oneof(id(), hostileString(50)) }),
  fc.record({ kind: fc.constant('revisits' as const), status: fc.option(hostileString(10)) }),
  fc.record({
    kind: fc.constant('step' as const),
    revisitId: id(),
    step: fc.constantFrom(...STEPS),
    body: fc.oneof(
      fc.record(
        {
          note: hostileString(600),
          outcome: hostileString(1100),
          reason: hostileString(600),
          upheld: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      hostileJson,
    ),
  }),
  fc.record({
    kind: fc.constant('figures' as const),
    scope: fc.oneof(fc.constantFrom('department', 'hall', 'window', 'region'), hostileString(10)),
    scopeId: fc.oneof(id(), fc.constantFrom('610100', '610000')),
    from: month,
    to: month,
  }),
  fc.record({
    kind: fc.constant('public' as const),
    month,
    regionCode: fc.oneof(fc.constantFrom('610100', '999999'), hostileString(9)),
  }),
);

test('random 好差评 requests: never a 5xx; another person’s case and another hall’s window are 404s', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom<Who | 'nobody'>(
        'applicant',
        'stranger',
        'clerk',
        'otherClerk',
        'head',
        'supervisor',
        'operator',
        'nobody',
      ),
      async (r, as) => {
        const send = sendAs(t.app, who, as);
        let res: Awaited<ReturnType<Browser['request']>>;
        switch (r.kind) {
          case 'view':
            res = await send({ method: 'GET', url: `/api/ratings/cases/${enc(r.caseId)}` });
            break;
          case 'rate':
            res = await send({ method: 'POST', url: `/api/ratings/cases/${enc(r.caseId)}`, payload: r.body });
            break;
          case 'current':
            res = await send({ method: 'GET', url: `/api/ratings/windows/${enc(r.windowId)}/current` });
            break;
          case 'window':
            res = await send({
              method: 'POST',
              url: `/api/ratings/windows/${enc(r.windowId)}/cases/${enc(r.caseId)}`,
              payload: r.body,
            });
            break;
          case 'link':
            res = await send({
              method: 'POST',
              url: `/api/ratings/cases/${enc(r.caseId)}/link`,
              payload: { stage: r.stage },
            });
            break;
          case 'readLink':
            res = await send({ method: 'GET', url: `/api/ratings/links/${enc(r.token)}` });
            break;
          case 'useLink': {
            const { stage: _s, ...body } = r.body;
            res = await send({ method: 'POST', url: `/api/ratings/links/${enc(r.token)}`, payload: body });
            break;
          }
          case 'hotline':
            res = await send({
              method: 'POST',
              url: '/api/ratings/hotline',
              payload: {
                ...r.body,
                caseNo: value(r.caseNo),
                ...(r.set === null ? {} : { subScoreSet: r.set }),
              },
            });
            break;
          case 'hotlineCase':
            res = await send({
              method: 'GET',
              url: `/api/ratings/hotline/case?${percentQuery({ caseNo: value(r.caseNo) })}`,
            });
            break;
          case 'revisits':
            res = await send({
              method: 'GET',
              url: `/api/ratings/revisits?${percentQuery({ status: r.status })}`,
            });
            break;
          case 'step':
            res = await send({
              method: 'POST',
              url: `/api/ratings/revisits/${enc(r.revisitId)}/${r.step}`,
              payload: r.body as object,
            });
            break;
          case 'figures':
            res = await send({
              method: 'GET',
              url: `/api/ratings/figures?${percentQuery({ scope: r.scope, id: value(r.scopeId), from: r.from, to: r.to })}`,
            });
            break;
          default:
            res = await send({
              method: 'GET',
              url: `/api/ratings/public?${percentQuery({ month: r.month, regionCode: r.regionCode })}`,
            });
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
        if (as === 'stranger' && r.kind === 'view' && (r.caseId === 'case' || r.caseId === 'concluded'))
          assert.equal(res.statusCode, 404, `${r.kind}: ${res.body}`);
        if (r.kind === 'hotlineCase' && as !== 'operator')
          assert.ok([401, 403].includes(res.statusCode), `hotlineCase as ${as}: ${res.body}`);
        if (r.kind === 'hotlineCase' && res.statusCode === 400)
          assert.equal(res.json().error.field, 'caseNo', res.body);
        if (as === 'otherClerk' && r.kind === 'current' && r.windowId === 'window')
          assert.equal(res.statusCode, 404, `${r.kind}: ${res.body}`);
        if (
          ['stranger', 'otherClerk'].includes(as) &&
          ['rate', 'window'].includes(r.kind) &&
          res.statusCode < 300
        )
          assert.fail(`${r.kind} as ${as} succeeded: ${res.body}`);
      },
    ),
    { numRuns: 300, seed: 20261206 },
  );
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
  assert.ok(statuses.has(404) && statuses.has(400), JSON.stringify([...statuses]));
});
