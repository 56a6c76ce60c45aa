import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { ASSESSMENT_FIGURES, ASSESSMENT_KINDS } from '../../common/assessment/api.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileJson, hostileString, percentQuery } from '../testing/fuzz/values.ts';
import { ok } from '../testing/requests.ts';
import { buildAssessedDepartment, keepRequests } from './testing.ts';

/**
 * Property test of every assessment route with random queries and bodies, as the city's supervisor,
 * another district's supervisor, a department head or nobody: never a 5xx, a 4xx names a code, bad
 * input names its field, and another district's department or region is a 404 without its data.
 */

type Who = 'city' | 'beilin' | 'head';
let t: TestApp;
let who: Record<Who, Browser>;
let ids: Record<string, string>;

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const db = t.db.db;
  const xincheng = await buildAssessedDepartment(t, '610102', '新城测试局');
  await xincheng.place({ concludedAt: '2026-10-09T02:00:00Z', promised: '2026-10-12', visits: 1 });
  await keepRequests(db, '2026-10', ['department', xincheng.id], {
    received: 1,
    closed: 1,
    closedOnTime: 1,
    overdueOpen: 0,
  });
  const supervisorIn = async (regionCode: string) =>
    signIn(
      t.app,
      await buildStaff(db, {
        role: 'supervisor',
        organisationId: (await buildOrganisation(db, { kind: 'department', regionCode })).id,
      }),
    );
  who = {
    city: await supervisorIn('610100'),
    beilin: await supervisorIn('610103'),
    head: await signIn(t.app, await buildStaff(db, { role: 'department_head', organisationId: xincheng.id })),
  };
  await ok(who.city, 'POST', '/api/assessment/compute', { month: '2026-10', region: '610100' });
  ids = { xincheng: xincheng.id, district: '610102' };
});
after(() => t?.close());

const { id, value } = namedIds(['xincheng', 'district'], () => ids);
const month = fc.oneof(
  fc.constantFrom('2026-10', '2026-12', '2099-01', '2026-13', '0000-01'),
  hostileString(9),
);
const region = fc.oneof(
  fc.constantFrom('610100', '610102', '610103', '999999', undefined),
  hostileString(12),
);
const kind = fc.oneof(fc.constantFrom(...ASSESSMENT_KINDS), hostileString(10));
const figure = fc.oneof(fc.constantFrom(...ASSESSMENT_FIGURES), hostileString(20));
const number = fc.oneof(fc.constantFrom('1', '2', '100', '0', '-1', '1e9'), hostileString(6));

const requestArb = fc.oneof(
  fc.record({ route: fc.constantFrom('ranking' as const, 'ranking.xlsx' as const), month, kind, region }),
  fc.record({
    route: fc.constant('details' as const),
    month,
    kind,
    scopeId: id(),
    figure,
    page: number,
    pageSize: number,
  }),
  fc.record({
    route: fc.constant('compute' as const),
    body: fc.oneof(fc.record({ month, region }, { requiredKeys: [] }), hostileJson),
  }),
);

const query = (params: Record<string, string | undefined>) =>
  percentQuery(
    Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>,
  );

test('random assessment requests: never a 5xx, bad input names its field, another district is a 404', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom<Who | 'nobody'>('city', 'beilin', 'head', 'nobody'),
      async (r, as) => {
        const send = sendAs(t.app, who, as);
        const res =
          r.route === 'compute'
            ? await send({ method: 'POST', url: '/api/assessment/compute', payload: r.body as object })
            : r.route === 'details'
              ? await send({
                  method: 'GET',
                  url: `/api/assessment/details?${query({ ...r, route: undefined, scopeId: value(r.scopeId) })}`,
                })
              : await send({
                  method: 'GET',
                  url: `/api/assessment/${r.route}?${query({ month: r.month, kind: r.kind, region: r.region })}`,
                });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.route} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) {
          const error = JSON.parse(res.body).error;
          assert.ok(error.code, res.body);
          if (res.statusCode === 400) assert.ok(error.field || error.code !== 'validation.field', res.body);
        }
        if (as === 'nobody') assert.equal(res.statusCode, 401);
        if (as === 'head') assert.ok([400, 403].includes(res.statusCode), `${res.statusCode} ${res.body}`);
        if (as === 'beilin') {
          assert.ok(
            !res.body.includes(ids.xincheng as string),
            'another district’s department is never shown',
          );
          const foreign =
            (r.route === 'details' && r.scopeId === 'xincheng') ||
            ((r.route === 'ranking' || r.route === 'ranking.xlsx') && r.region === '610102');
          if (foreign && res.statusCode !== 400) assert.equal(res.statusCode, 404, res.body);
          if (res.statusCode < 300 && r.route === 'compute') {
            assert.equal(JSON.parse(res.body).region, '610103');
          }
        }
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
