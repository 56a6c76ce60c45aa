import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { CHANNELS, DECISIONS, FINDING_CATEGORIES, FINDING_STATUSES } from '../../common/inspectors/api.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileJson, hostileNumber, hostileString, percentQuery } from '../testing/fuzz/values.ts';
import { approvedInspector, buildInspectorWorld, fileFinding, ok, png, upload } from './testing.ts';

/**
 * Property test of every 体验官 route with random ids and bodies, as the 体验官, another citizen, the
 * supervisor, the assigned department's head, another department's head or nobody: never a 5xx, a
 * 4xx names a code, and another citizen's or department's finding and screenshot are 404s.
 */

type Who = 'inspector' | 'other' | 'supervisor' | 'head' | 'outsider';
let t: TestApp;
let who: Record<Who, Browser>;
let ids: Record<string, string>;
const SECRET = '只有相关人员可见的问题描述';

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const w = await buildInspectorWorld(t);
  const inspector = await approvedInspector(w.supervisor, w.citizen);
  const shot = await upload(w.citizen, png('fuzz'));
  const task = await ok(
    w.supervisor,
    'POST',
    '/api/inspectors/tasks',
    { inspectorId: inspector, title: '体验', channel: 'window', instructions: '', dueDate: '2099-01-01' },
    201,
  );
  const finding = await fileFinding(w.citizen, { description: SECRET, screenshots: [shot] });
  await ok(w.supervisor, 'POST', `/api/inspectors/findings/${finding.id}/assign`, {
    departmentId: w.department.id,
    version: finding.version,
  });
  who = {
    inspector: w.citizen,
    other: w.other,
    supervisor: w.supervisor,
    head: w.head,
    outsider: w.outsider,
  };
  ids = {
    inspector,
    task: task.id,
    finding: finding.id,
    shot,
    department: w.department.id,
    away: w.away.id,
    matter: w.matter.id,
  };
});
after(() => t?.close());

const NAMES = ['inspector', 'task', 'finding', 'shot', 'department', 'away', 'matter'] as const;
const { id, value, enc } = namedIds(NAMES, () => ids);

const text = (max: number) => fc.oneof(fc.constantFrom('指南', '窗口', ''), hostileString(max));
const version = fc.oneof(fc.integer({ min: 1, max: 4 }), hostileNumber);
const body = fc.oneof(
  fc.record(
    {
      regionCode: fc.oneof(fc.constantFrom('610100', '610000', '999999'), hostileString(12)),
      name: text(70),
      phone: fc.oneof(fc.constant('13800001234'), hostileString(25)),
      occupation: text(70),
      motivation: text(100),
      decision: fc.oneof(fc.constantFrom(...DECISIONS), hostileString(10)),
      reason: text(100),
      title: text(120),
      channel: fc.oneof(fc.constantFrom(...CHANNELS), hostileString(10)),
      category: fc.oneof(fc.constantFrom(...FINDING_CATEGORIES), hostileString(10)),
      instructions: text(100),
      dueDate: fc.oneof(fc.constantFrom('2099-01-01', '2020-01-01', '2026-02-30'), hostileString(12)),
      description: text(100),
      report: text(100),
      rectification: text(100),
      note: text(100),
      accepted: fc.boolean(),
      version,
    },
    { requiredKeys: [] },
  ),
  hostileJson,
);

const PLAIN = [
  ['POST', '/api/inspectors/applications'],
  ['GET', '/api/inspectors/me'],
  ['GET', '/api/inspectors/applications'],
  ['GET', '/api/inspectors/matters'],
  ['GET', '/api/inspectors/departments'],
  ['POST', '/api/inspectors/tasks'],
  ['GET', '/api/inspectors/tasks'],
  ['POST', '/api/inspectors/findings'],
  ['GET', '/api/inspectors/findings'],
  ['GET', '/api/inspectors/inbox'],
  ['GET', '/api/inspectors/published'],
] as const;
const FINDING_STEPS = ['assign', 'reject', 'rectify', 'confirm'] as const;
const query = fc.record({
  status: fc.oneof(fc.constantFrom(...FINDING_STATUSES, 'pending', 'open'), hostileString(10)),
  q: text(110),
  regionCode: fc.oneof(fc.constantFrom('610100', '999999'), hostileString(10)),
  page: fc.oneof(fc.constantFrom('1', '2', '0', '-1'), hostileString(6)),
});

const requestArb = fc.oneof(
  fc.record({
    kind: fc.constant('plain' as const),
    route: fc.constantFrom(...PLAIN),
    body,
    query,
    task: id(),
    implementation: id(),
    screenshots: fc.array(id(), { maxLength: 7 }),
  }),
  fc.record({ kind: fc.constant('view' as const), id: id() }),
  fc.record({ kind: fc.constant('screenshot' as const), id: id(), sha: id() }),
  fc.record({
    kind: fc.constant('step' as const),
    id: id(),
    step: fc.constantFrom(...FINDING_STEPS),
    body,
    department: id(),
  }),
  fc.record({ kind: fc.constant('decision' as const), id: id(), body }),
  fc.record({ kind: fc.constant('task' as const), id: id(), step: fc.constantFrom('done', 'cancel'), body }),
);

const withExtra = (b: unknown, extra: Record<string, unknown>) =>
  b && typeof b === 'object' && !Array.isArray(b) ? { ...b, ...extra } : b;

test('random 体验官 requests: never a 5xx; another citizen’s or department’s finding is a 404', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom<Who | 'nobody'>('inspector', 'other', 'supervisor', 'head', 'outsider', 'nobody'),
      async (r, as) => {
        const send = sendAs(t.app, who, as);
        let res: Awaited<ReturnType<Browser['request']>>;
        switch (r.kind) {
          case 'plain': {
            const [method, url] = r.route;
            const payload = withExtra(r.body, {
              taskId: value(r.task),
              inspectorId: value(r.task),
              implementationId: value(r.implementation),
              screenshots: r.screenshots.map(value),
            });
            res =
              method === 'GET'
                ? await send({ method, url: `${url}?${percentQuery(r.query)}` })
                : await send({ method, url, payload: payload as object });
            break;
          }
          case 'view':
            res = await send({ method: 'GET', url: `/api/inspectors/findings/${enc(r.id)}` });
            break;
          case 'screenshot':
            res = await send({
              method: 'GET',
              url: `/api/inspectors/findings/${enc(r.id)}/screenshots/${enc(r.sha)}`,
            });
            break;
          case 'step':
            res = await send({
              method: 'POST',
              url: `/api/inspectors/findings/${enc(r.id)}/${r.step}`,
              payload: withExtra(r.body, { departmentId: value(r.department) }) as object,
            });
            break;
          case 'decision':
            res = await send({
              method: 'POST',
              url: `/api/inspectors/applications/${enc(r.id)}/decision`,
              payload: r.body as object,
            });
            break;
          default:
            res = await send({
              method: 'POST',
              url: `/api/inspectors/tasks/${enc(r.id)}/${r.step}`,
              payload: r.body as object,
            });
        }
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.kind} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.ok(res.json().error.code, res.body);
        if (['other', 'outsider'].includes(as)) {
          assert.ok(!res.body.includes(SECRET), `${r.kind} as ${as} showed the finding`);
          const onFinding = 'id' in r && r.id === 'finding';
          if (onFinding && (r.kind === 'view' || (r.kind === 'screenshot' && r.sha === 'shot')))
            assert.equal(res.statusCode, 404, res.body);
          if (onFinding && r.kind === 'step')
            assert.ok(res.statusCode >= 400, `${r.step} as ${as} succeeded`);
        }
        if (as === 'nobody' && !(r.kind === 'plain' && r.route[1] === '/api/inspectors/published'))
          assert.ok(res.statusCode >= 400, `${r.kind} without a session succeeded`);
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
