import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { FOOD_VALUES } from '../../common/forms/testing.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { type BuiltMatter, buildCompany, buildMatter, buildStaff, signIn } from '../testing/factories.ts';
import { hostileJson, hostileNumber, hostileString } from '../testing/fuzz/values.ts';
import { FOOD_FORM_BOUND, FOOD_FORM_MATERIALS } from './form-testing.ts';

/**
 * Property tests of the form routes: random and hostile draft requests, and applications with
 * random form values, from applicants and staff. None may be answered with a 5xx; a refusal of
 * the form names the field.
 */

let t: TestApp;
let matter: BuiltMatter;
let company: Browser;
let clerk: Browser;

before(async () => {
  t = await createTestApp();
  const db = t.db.db;
  matter = await buildMatter(db, { document: { form: FOOD_FORM_BOUND, materials: FOOD_FORM_MATERIALS } });
  company = await signIn(t.app, await buildCompany(db));
  clerk = await signIn(t.app, await buildStaff(db, { role: 'window_clerk' }));
});
after(() => t?.close());

const SEED = 20261206;
const KEYS = FOOD_FORM_BOUND.sections.flatMap((s) => s.fields.map((f) => f.key));

/** A value for a field: hostile, or one that fits some field of the form. */
const fieldValue = fc.oneof(
  hostileJson,
  hostileString(80),
  hostileNumber,
  fc.boolean(),
  fc.constantFrom(...Object.values(FOOD_VALUES)),
  fc.array(fc.dictionary(fc.constantFrom('name', 'idNumber', 'certified', 'certificate', 'x'), hostileJson), {
    maxLength: 4,
  }),
  fc.record({ from: fc.string(), to: fc.string() }),
);

/** Form values: the valid ones with some fields replaced or added, or anything at all. */
const formValues = fc.oneof(
  fc
    .dictionary(fc.oneof(fc.constantFrom(...KEYS), hostileString(40)), fieldValue, { maxKeys: 8 })
    .map((changes) => ({ ...FOOD_VALUES, ...changes })),
  fc.dictionary(fc.constantFrom(...KEYS), fieldValue),
  hostileJson,
);

test('applications with random form values are answered 201 or a 4xx naming the form, never a 5xx', async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(formValues, async (form) => {
      const res = await company.request({
        method: 'POST',
        url: '/api/cases',
        payload: { implementationId: matter.id, form, materials: [] },
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body}`);
      if (res.statusCode === 400 && res.json().error.code === 'form.invalid') {
        const { field, details } = res.json().error;
        assert.equal(field, `form/${details.issues[0].path}`);
      }
    }),
    { seed: SEED, numRuns: 150 },
  );
  assert.ok((statuses.get(400) ?? 0) > 0, 'some forms are refused');
  assert.ok((statuses.get(201) ?? 0) > 0, `some forms are filed: ${JSON.stringify([...statuses])}`);
});

const draftBody = fc.oneof(
  fc.record({ values: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), hostileString(50)), fieldValue) }),
  fc.record({ values: hostileJson }),
  hostileJson,
);
const caller = fc.oneof(
  { arbitrary: fc.constant('company'), weight: 3 },
  fc.constant('clerk'),
  fc.constant('nobody'),
);
const implementationId = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  fc.uuid(),
  hostileString(60).map((s) => encodeURIComponent(s.toWellFormed())),
);

test('hostile draft requests from applicants, staff and strangers are never a 5xx', async () => {
  const callers: Record<string, Browser['request']> = {
    company: company.request,
    clerk: clerk.request,
    nobody: (options) => t.app.inject(options),
  };
  const saved = { count: 0 };
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('GET', 'PUT', 'DELETE'),
      caller,
      implementationId,
      draftBody,
      async (method, who, id, body) => {
        const res = await callers[who]!({
          method: method as 'GET',
          url: `/api/cases/drafts/${id ?? matter.id}`,
          ...(method === 'PUT' ? { payload: body as object } : {}),
        });
        assert.ok(res.statusCode < 500, `${method} ${who} ${res.statusCode} ${res.body}`);
        if (method === 'PUT' && res.statusCode === 200) saved.count += 1;
        // Strangers and staff get no draft: refused (401, 403), or the request itself is bad (400).
        if (who === 'nobody') assert.ok([400, 401].includes(res.statusCode), res.body);
        if (who === 'clerk') assert.ok([400, 403].includes(res.statusCode), res.body);
      },
    ),
    { seed: SEED, numRuns: 150 },
  );
  assert.ok(saved.count > 0, 'some drafts are saved');
});
