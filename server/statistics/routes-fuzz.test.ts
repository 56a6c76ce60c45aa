import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { LISTABLE_FIGURES } from '../../common/statistics/figures.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { namedIds, sendAs } from '../testing/fuzz/named.ts';
import { hostileString, percentQuery } from '../testing/fuzz/values.ts';
import { buildStatisticsWorld, type StatisticsWorld } from './world-testing.ts';

/**
 * Property test of the statistics routes with random queries, as the city's supervisor, 碑林区's
 * supervisor, a window clerk or nobody: never a 5xx, a 4xx names a code, bad input names its field,
 * and 新城区's department, hall or matter is a 404 for 碑林区's supervisor, never its data.
 */

type Who = 'city' | 'beilin' | 'clerk';
let t: TestApp;
let w: StatisticsWorld;
let who: Record<Who, Browser>;
let ids: Record<string, string>;

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  w = await buildStatisticsWorld(t);
  who = { city: w.city, beilin: w.beilin, clerk: w.clerk };
  ids = {
    departmentA: w.departmentA.id,
    departmentB: w.departmentB.id,
    hall: w.hall.id,
    MA: w.MA.id,
    MB: w.MB.id,
  };
});
after(() => t?.close());

/** The things of 新城区, out of 碑林区's reach. */
const XINCHENG = new Set(['departmentA', 'hall', 'MA']);

const { id, value } = namedIds(['departmentA', 'departmentB', 'hall', 'MA', 'MB'], () => ids);
/** Mostly absent or well-formed, sometimes hostile: enough requests pass validation to reach the handlers. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad });
const day = mostly(
  fc.constantFrom('2025-09-01', '2025-09-30', '2025-10-01', '2025-10-31', '2024-11-01'),
  fc.oneof(
    fc.constantFrom(
      '2025-02-30',
      '0000-01-01',
      '1969-12-31',
      '1970-01-01',
      '2025-1-1',
      '10000-01-01',
      '2999-12-31',
    ),
    hostileString(12),
  ),
);
const number = mostly(
  fc.constantFrom('1', '2', '20', '100'),
  fc.oneof(fc.constantFrom('101', '100000', '0', '-1', '1e9'), hostileString(6)),
);

const requestArb = fc.record({
  route: fc.constantFrom('figures', 'figures.xlsx', 'cases', 'cases.xlsx'),
  region: rarely(
    mostly(
      fc.constantFrom('610100', '610102', '610103'),
      fc.oneof(fc.constantFrom('999999', '6101'), hostileString(12)),
    ),
  ),
  departmentId: rarely(id()),
  hallId: rarely(id()),
  implementationId: rarely(id()),
  from: fc.option(day, { nil: undefined }),
  to: fc.option(day, { nil: undefined }),
  figure: mostly(fc.constantFrom(...LISTABLE_FIGURES), hostileString(20)),
  part: rarely(mostly(fc.constantFrom('true', 'false'), hostileString(5))),
  page: rarely(number),
  pageSize: rarely(number),
});

type Request = typeof requestArb extends fc.Arbitrary<infer R> ? R : never;

function query(r: Request): string {
  const cases = r.route.startsWith('cases');
  const params: Record<string, string | undefined> = {
    region: r.region,
    departmentId: r.departmentId === undefined ? undefined : value(r.departmentId),
    hallId: r.hallId === undefined ? undefined : value(r.hallId),
    implementationId: r.implementationId === undefined ? undefined : value(r.implementationId),
    from: r.from,
    to: r.to,
    ...(cases ? { figure: r.figure, part: r.part, page: r.page, pageSize: r.pageSize } : {}),
  };
  return percentQuery(
    Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<string, string>,
  );
}

const foreign = (r: Request) =>
  [r.departmentId, r.hallId, r.implementationId].some((v) => v !== undefined && XINCHENG.has(v)) ||
  r.region === '610102' ||
  r.region === '610100';

test('random statistics requests: never a 5xx, bad input names its field, 新城区 is a 404 for 碑林区', async (context) => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom<Who | 'nobody'>('city', 'beilin', 'clerk', 'nobody'),
      async (r, as) => {
        const res = await sendAs(
          t.app,
          who,
          as,
        )({ method: 'GET', url: `/api/statistics/${r.route}?${query(r)}` });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${r.route} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) {
          const error = JSON.parse(res.body).error;
          assert.ok(error.code, res.body);
          if (res.statusCode === 400) assert.ok(error.field || error.code !== 'validation.field', res.body);
        }
        if (as === 'nobody') assert.equal(res.statusCode, 401);
        if (as === 'clerk') assert.equal(res.statusCode, 403);
        if (as === 'beilin') {
          assert.ok(!res.body.includes(w.departmentA.id), '新城区’s department is never shown');
          assert.ok(!res.body.includes(w.departmentA.name), '新城区’s department is never named');
          if (foreign(r) && res.statusCode !== 400) assert.equal(res.statusCode, 404, res.body);
        }
      },
    ),
    { numRuns: 300, seed: 20261207 },
  );
  context.diagnostic(`statuses: ${JSON.stringify([...statuses].sort())}`);
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
  assert.ok(statuses.has(404) && statuses.has(400), JSON.stringify([...statuses]));
});
