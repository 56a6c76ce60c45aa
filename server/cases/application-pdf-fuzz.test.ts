import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { FOOD_FORM, FOOD_VALUES } from '../../common/forms/testing.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import {
  type BuiltCase,
  type BuiltMatter,
  buildCase,
  buildCompany,
  buildMatter,
  buildOrganisation,
  buildStaff,
  signIn,
} from '../testing/factories.ts';
import { hostileNumber, hostileString } from '../testing/fuzz/values.ts';
import { pdfText } from '../testing/pdf.ts';
import { buildFormMatter, fileFormCase } from './application-testing.ts';

/**
 * Property tests of the printed forms: GET /api/cases/:id/application.pdf and the guide's
 * form-blank.pdf / form-sample.pdf with random ids and callers, and the 申请书 of cases whose stored
 * form holds anything at all. Never a 5xx; a PDF only for whom and what it is for.
 */

let t: TestApp;
let formMatter: BuiltMatter;
let plainMatter: BuiltMatter;
let formCase: BuiltCase;
let plainCase: BuiltCase;
const callers: Record<string, Browser | null> = {};

before(async () => {
  t = await createTestApp();
  const department = await buildOrganisation(t.db.db);
  formMatter = await buildFormMatter(t.db.db, { departmentId: department.id, form: FOOD_FORM });
  plainMatter = await buildMatter(t.db.db, { departmentId: department.id });
  const company = await buildCompany(t.db.db);
  formCase = await fileFormCase(t, { matter: formMatter, applicant: company, values: FOOD_VALUES });
  plainCase = await buildCase(t, { matter: plainMatter, applicant: company });
  const reviewer = await buildStaff(t.db.db, {
    organisationId: department.id,
    roles: [{ role: 'department_reviewer', organisationId: department.id }],
  });
  callers.applicant = await signIn(t.app, company);
  callers.reviewer = await signIn(t.app, reviewer);
  callers.stranger = await signIn(t.app, await buildCompany(t.db.db));
  callers.otherStaff = await signIn(t.app, await buildStaff(t.db.db, { role: 'department_reviewer' }));
  callers.anonymous = null;
});
after(() => t?.close());

const SEED = 20261207;

const send = (caller: string, url: string) => {
  const browser = callers[caller];
  return browser ? browser.request({ method: 'GET', url }) : t.app.inject({ method: 'GET', url });
};

/** An id as a path names it: a real one, a random UUID, or anything. */
const pathId = () =>
  fc.oneof(
    fc.constantFrom('form', 'plain'),
    fc.uuid().map((id) => `uuid:${id}`),
    hostileString(40).map((s) => `text:${s}`),
    fc.constantFrom('raw:%', 'raw:%E0%A4%A', 'raw:%ff%fe', 'raw:..', 'raw:%2e%2e%2f'),
  );

/** The id as a path segment: every byte of its UTF-8 percent-encoded; `raw:` ones as they are (bad escapes). */
function idOf(which: string, ids: { form: string; plain: string }): string {
  if (which === 'form' || which === 'plain') return ids[which];
  const text = which.slice(which.indexOf(':') + 1);
  if (which.startsWith('raw:')) return text;
  return [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

test('the 申请书 with random ids and callers: a PDF only for those who see a case with a form; else 400, 401 or 404', async () => {
  const seen = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(
      pathId(),
      fc.constantFrom('applicant', 'reviewer', 'stranger', 'otherStaff', 'anonymous'),
      async (which, caller) => {
        const id = idOf(which, { form: formCase.id, plain: plainCase.id });
        const res = await send(caller, `/api/cases/${id}/application.pdf`);
        seen.set(`${res.statusCode}`, (seen.get(`${res.statusCode}`) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 300)}`);
        const mayRead = which === 'form' && (caller === 'applicant' || caller === 'reviewer');
        if (mayRead) assert.equal(res.statusCode, 200);
        else assert.ok([400, 401, 404].includes(res.statusCode), `${caller} ${which}: ${res.statusCode}`);
        if (res.statusCode !== 200) assert.ok(!res.body.includes(formCase.caseNo));
      },
    ),
    { seed: SEED, numRuns: 60 },
  );
  assert.ok(seen.has('200') && seen.has('404'), JSON.stringify([...seen]));
});

/** JSON as the database can store it (no NUL characters, no lone surrogates), hostile otherwise. */
const storableJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString(60, true),
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString(12, true), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const KEYS = FOOD_FORM.sections.flatMap((s) => s.fields.map((f) => f.key));

test('a stored form holding anything prints: values that do not fit their field are left out, never a 5xx', async () => {
  const applicant = callers.applicant!;
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fc.constantFrom(...KEYS), storableJson, { maxKeys: 10 }),
      fc.dictionary(fc.constantFrom(...KEYS), storableJson, { maxKeys: 3 }),
      async (values, sources) => {
        await t.db.pool.query('UPDATE cases SET form = $2 WHERE id = $1', [
          formCase.id,
          JSON.stringify({ values: { ...FOOD_VALUES, ...values }, sources }),
        ]);
        const res = await applicant.request({
          method: 'GET',
          url: `/api/cases/${formCase.id}/application.pdf`,
        });
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        assert.ok(pdfText(res.rawPayload).includes(formCase.caseNo));
      },
    ),
    { seed: SEED, numRuns: 12 },
  );
});

test('空表 and 样表 with random ids: a PDF only for a published matter with a form or a 申请书 (generic form); else 400 or 404', async () => {
  await fc.assert(
    fc.asyncProperty(
      pathId(),
      fc.constantFrom('blank', 'sample'),
      fc.constantFrom('anonymous', 'applicant'),
      async (which, sheet, caller) => {
        const id = idOf(which, { form: formMatter.id, plain: plainMatter.id });
        const res = await send(caller, `/api/catalogue/guides/${id}/form-${sheet}.pdf`);
        assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 300)}`);
        // The plain matter's guide asks for a 申请书: its generic form prints.
        if (which === 'form' || which === 'plain') assert.equal(res.statusCode, 200);
        else assert.ok([400, 404].includes(res.statusCode), `${which}: ${res.statusCode}`);
      },
    ),
    { seed: SEED, numRuns: 40 },
  );
});
