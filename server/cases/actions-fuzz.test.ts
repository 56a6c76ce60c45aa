import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { FOOD_FORM, FOOD_VALUES } from '../../common/forms/testing.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildApplicant, buildCase, buildMatter, buildStaff, signIn } from '../testing/factories.ts';
import { fuzzApi, summarise } from '../testing/fuzz/run.ts';

/*
 * The routes this part of the platform changed (补正 pointing at form fields and the resubmission
 * with corrected fields, originals posted and received, the certificate downloads held while 容缺
 * materials are missing): hostile requests never get a 5xx; random tracking numbers are either
 * recorded or a 400 naming the field.
 */

const SEED = 20260515;

test('hostile requests to the changed routes: never a 5xx', { timeout: 900_000 }, async (t) => {
  const results = await fuzzApi({
    runs: 40,
    seed: SEED,
    only: /^(POST \/api\/cases\/\{id\}\/(request-supplement|resubmit|post-originals|receive-originals)|GET \/api\/certificates\/\{id\}\/(pdf|file))$/,
  });
  const summary = summarise(results);
  t.diagnostic(`${summary.routes} routes, ${summary.sent} requests, ${summary.reached} reached a handler`);
  assert.equal(summary.routes, 6);
  assert.deepEqual(
    summary.failures.map((f) => `${f.status} ${f.request} → ${f.response}`),
    [],
  );
  for (const r of results) assert.ok(r.reached > 0, `no request reached the handler of ${r.route}`);
});

let app: TestApp;
let reviewer: Browser;

before(async () => {
  app = await createTestApp();
});
after(async () => {
  await app?.close();
});

const TRACKING = /^[A-Z0-9][A-Z0-9-]{4,38}[A-Z0-9]$/;

test('any tracking number: recorded normalised when it is one, else a 400 naming trackingNo', {
  timeout: 300_000,
}, async () => {
  const matter = await buildMatter(app.db.db);
  reviewer = await signIn(
    app.app,
    await buildStaff(app.db.db, {
      organisationId: matter.departmentId,
      roles: [{ role: 'department_reviewer', organisationId: matter.departmentId }],
    }),
  );
  const filed = await buildCase(app, { matter });
  const applicant = await signIn(app.app, filed.applicant);
  let c = { id: filed.id, version: filed.version };
  const seen = new Set<string>();
  const number = fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9 -]{0,44}$/),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('SF1234567890', 'ea123456789cn', ' JDX000123-1-1 ', '-ABCDEF', 'ABC', '顺丰1234567'),
  );
  await fc.assert(
    fc.asyncProperty(number, fc.boolean(), async (trackingNo, byStaff) => {
      const res = await (byStaff ? reviewer : applicant).request({
        method: 'POST',
        url: `/api/cases/${c.id}/post-originals`,
        payload: { version: c.version, trackingNo },
      });
      const normal = trackingNo.trim().replace(/\s+/g, '').toUpperCase();
      assert.ok(res.statusCode < 500, res.body);
      if (trackingNo.length === 0 || trackingNo.length > 40) {
        assert.equal(res.statusCode, 400, res.body);
        return;
      }
      if (TRACKING.test(normal) && !seen.has(normal)) {
        assert.equal(res.statusCode, 200, `${JSON.stringify(trackingNo)}: ${res.body}`);
        const answer = res.json();
        assert.equal(answer.timeline.at(-1).details.trackingNo, normal);
        assert.equal(answer.visits, 0);
        seen.add(normal);
        c = answer;
      } else {
        assert.equal(res.statusCode, 400, `${JSON.stringify(trackingNo)}: ${res.body}`);
        assert.equal(res.json().error.field, 'trackingNo');
      }
    }),
    { seed: SEED, numRuns: 60 },
  );
  assert.ok(seen.size > 0, 'some numbers were recorded');
});

test('any list of problems: recorded when every key names a material or a field of the form, else a 400 naming the first wrong one', {
  timeout: 300_000,
}, async () => {
  const matter = await buildMatter(app.db.db, { document: { serviceObject: 'company', form: FOOD_FORM } });
  const staff = await signIn(
    app.app,
    await buildStaff(app.db.db, {
      organisationId: matter.departmentId,
      roles: [{ role: 'department_reviewer', organisationId: matter.departmentId }],
    }),
  );
  const applicant = await signIn(app.app, await buildApplicant(app.db.db, { kind: 'company' }));
  const filed = await applicant.request({
    method: 'POST',
    url: '/api/cases',
    payload: { implementationId: matter.id, form: FOOD_VALUES, materials: [] },
  });
  assert.equal(filed.statusCode, 201, filed.body);
  let c = filed.json() as { id: string; version: number; form: { values: Record<string, unknown> } };
  const materials = matter.document.materials.map((m) => m.key);
  const fields = FOOD_FORM.sections.flatMap((s) => s.fields.map((f) => f.key));
  const key = (known: string[]) =>
    fc.option(
      fc.oneof(
        fc.constantFrom(...known),
        fc.constantFrom('name', 'seats', 'x'),
        fc.string({ minLength: 1, maxLength: 40 }),
      ),
      {
        nil: undefined,
      },
    );
  const problem = fc.record(
    {
      materialKey: key(materials),
      fieldKey: key(fields),
      problem: fc.string({ minLength: 1, maxLength: 50 }),
    },
    { requiredKeys: ['problem'] },
  );
  const patch = fc.dictionary(
    fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 40 })),
    fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
    ),
    { maxKeys: 4 },
  );
  let recorded = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(problem, { minLength: 1, maxLength: 4 }), patch, async (problems, form) => {
      c = (await staff.request({ method: 'GET', url: `/api/cases/${c.id}` })).json();
      const res = await staff.request({
        method: 'POST',
        url: `/api/cases/${c.id}/request-supplement`,
        payload: { version: c.version, problems },
      });
      assert.ok(res.statusCode < 500, res.body);
      // The first problem naming what is not there: a material, a field, or both at once.
      const bad = problems.findIndex(
        (p) =>
          (p.materialKey !== undefined && !materials.includes(p.materialKey)) ||
          (p.fieldKey !== undefined && (p.materialKey !== undefined || !fields.includes(p.fieldKey))),
      );
      const blank = problems.some((p) => p.problem.trim() === '');
      if (bad === -1 && !blank) {
        assert.equal(res.statusCode, 200, `${JSON.stringify(problems)}: ${res.body}`);
        recorded += 1;
        c = res.json();
        // The applicant answers with random corrections: recorded, or a 400 about the form; never a 5xx.
        const answer = await applicant.request({
          method: 'POST',
          url: `/api/cases/${c.id}/resubmit`,
          payload: { version: c.version, form },
        });
        assert.ok(answer.statusCode === 200 || answer.statusCode === 400, answer.body);
        if (answer.statusCode === 400) {
          assert.match(answer.json().error.field ?? '', /^form(\/|$)/, answer.body);
          const plain = await applicant.request({
            method: 'POST',
            url: `/api/cases/${c.id}/resubmit`,
            payload: { version: c.version },
          });
          assert.equal(plain.statusCode, 200, plain.body);
          c = plain.json();
        } else c = answer.json();
        return;
      }
      assert.equal(res.statusCode, 400, `${JSON.stringify(problems)}: ${res.body}`);
      const badText = problems.findIndex((p) => p.problem.trim() === '');
      if (bad !== -1) {
        const p = problems[bad]!;
        const which =
          p.materialKey !== undefined && !materials.includes(p.materialKey) ? 'materialKey' : 'fieldKey';
        assert.equal(res.json().error.field, `problems/${bad}/${which}`);
      } else assert.equal(res.json().error.field, `problems/${badText}/problem`);
    }),
    { seed: SEED, numRuns: 80 },
  );
  assert.ok(recorded > 5, `only ${recorded} lists were recorded`);
});
