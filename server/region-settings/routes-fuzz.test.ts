import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { SETTING_FIELDS } from '../../common/region-settings/fields.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { sendAs } from '../testing/fuzz/named.ts';
import { hostileJson, hostileNumber, hostileString } from '../testing/fuzz/values.ts';

/**
 * Property test of the region settings routes with random region codes and bodies, as a supervisor
 * and an administrator of 西安市, a supervisor of 宝鸡市, a department head, a citizen or nobody: never
 * a 5xx, a 4xx names a code, a 400 names its field, and a region outside the caller's is a 403 that
 * gives no settings.
 */

type Who = 'supervisor' | 'admin' | 'baoji' | 'head' | 'citizen';
let t: TestApp;
let who: Record<Who, Browser>;

before(async () => {
  t = await createTestApp({ env: { SIGNIN_IP_MAX_PER_MINUTE: '1000' } });
  const db = t.db.db;
  const city = await buildOrganisation(db, { regionCode: '610100' });
  const baoji = await buildOrganisation(db, { regionCode: '610300' });
  who = {
    supervisor: await signIn(t.app, await buildStaff(db, { role: 'supervisor', organisationId: city.id })),
    admin: await signIn(t.app, await buildStaff(db, { role: 'system_admin', organisationId: city.id })),
    baoji: await signIn(t.app, await buildStaff(db, { role: 'supervisor', organisationId: baoji.id })),
    head: await signIn(t.app, await buildStaff(db, { role: 'department_head', organisationId: city.id })),
    citizen: await signIn(t.app, await buildApplicant(db)),
  };
});
after(() => t?.close());

const XIAN = ['610100', '610102', '610103', '610104'];
const BAOJI = ['610300', '610302'];
const code = fc.oneof(fc.constantFrom(...XIAN, ...BAOJI, '610000', '999999', '6101'), hostileString(12));
const number = fc.oneof(fc.integer({ min: -5, max: 120 }), hostileNumber, fc.constant(null));
const value = fc.oneof(number, hostileJson);

/** A patch of known keys (mostly) with random values, now and then an unknown key or a non-object. */
const patch = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom(...SETTING_FIELDS.map((f) => f.key), 'ratings.other', 'x.y'), value), {
      maxLength: 5,
    })
    .map((entries) => {
      const out: Record<string, Record<string, unknown>> = {};
      for (const [key, v] of entries) {
        const [section, name, inner] = key.split('.') as [string, string, string | undefined];
        out[section] ??= {};
        const part = out[section];
        if (inner === undefined) part[name] = v;
        else part[name] = { ...((part[name] as object) ?? {}), [inner]: v };
      }
      return out;
    }),
  hostileJson,
);
const body = fc.oneof(
  fc.record({ version: fc.oneof(fc.integer({ min: -1, max: 3 }), hostileNumber), settings: patch }),
  hostileJson,
);

/** Every byte percent-encoded, lone surrogates included. */
const enc = (v: string) => [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'PUT'),
  code,
  body,
});

test('random settings requests: never a 5xx; a 400 names its field; another region’s settings a 403', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(
      requestArb,
      fc.constantFrom<Who | 'nobody'>('supervisor', 'admin', 'baoji', 'head', 'citizen', 'nobody'),
      async (r, as) => {
        const send = sendAs(t.app, who, as);
        const url = `/api/region-settings/${enc(r.code)}`;
        const res =
          r.method === 'GET'
            ? await send({ method: 'GET', url })
            : await send({ method: 'PUT', url, payload: r.body as object });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(
          res.statusCode < 500,
          `${r.method} ${r.code} as ${as}: ${res.statusCode} ${res.body.slice(0, 300)}`,
        );
        if (res.statusCode >= 400) {
          const error = res.json().error;
          assert.ok(error.code, res.body);
          assert.equal(res.json().settings, undefined, 'no settings in a refusal');
          if (res.statusCode === 400) assert.ok(error.field, res.body);
        }
        const outside =
          (as === 'baoji' && XIAN.includes(r.code)) ||
          (['supervisor', 'admin'].includes(as) && BAOJI.includes(r.code)) ||
          ['head', 'citizen'].includes(as);
        if (outside && ![400, 415].includes(res.statusCode)) assert.equal(res.statusCode, 403, res.body);
        if (as === 'nobody') assert.equal(res.statusCode, 401, res.body);
      },
    ),
    { numRuns: 300, seed: 20261206 },
  );
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    JSON.stringify([...statuses]),
  );
  assert.ok(statuses.has(400) && statuses.has(403), JSON.stringify([...statuses]));
});
