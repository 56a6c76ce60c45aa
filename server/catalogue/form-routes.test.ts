import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { FormDefinition } from '../../common/forms/schema.ts';
import { FOOD_FORM } from '../../common/forms/testing.ts';
import type { Browser } from '../accounts/testing.ts';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { buildOrganisation, buildStaff, signIn } from '../testing/factories.ts';
import { sampleBasicMatter, sampleDocument } from './testing.ts';
import { documentProblems } from './validation.ts';

let t: TestApp;
let market: string;
let editor: Browser;
let approver: Browser;
let basicMatterId: string;

before(async () => {
  t = await createTestApp();
  market = (await buildOrganisation(t.db.db)).id;
  editor = await signIn(
    t.app,
    await buildStaff(t.db.db, { role: 'catalogue_editor', organisationId: market }),
  );
  approver = await signIn(t.app, await buildStaff(t.db.db, { role: 'catalogue_reviewer' }));
  const res = await editor.request({
    method: 'POST',
    url: '/api/catalogue/basic-matters',
    payload: sampleBasicMatter(),
  });
  assert.equal(res.statusCode, 201, res.body);
  basicMatterId = res.json().id;
});

after(async () => {
  await t?.close();
});

let serial = 0;
const create = (form?: unknown, headers: Record<string, string> = {}) =>
  editor.request({
    method: 'POST',
    url: '/api/catalogue/implementations',
    headers,
    payload: {
      basicMatterId,
      code: `11610100MB${String(++serial).padStart(8, '0')}000101234000`,
      organisationId: market,
      regionCode: '610100',
      document: { ...sampleDocument(), ...(form === undefined ? {} : { form }) },
    },
  });
const save = (id: string, rev: number, form: unknown) =>
  editor.request({
    method: 'PUT',
    url: `/api/catalogue/implementations/${id}/draft`,
    payload: { rev, document: { ...sampleDocument(), form } },
  });
const act = (who: Browser, id: string, verb: string, payload?: object) =>
  who.request({ method: 'POST', url: `/api/catalogue/implementations/${id}/${verb}`, payload });
const food = (): FormDefinition => structuredClone({ ...FOOD_FORM, covers: ['sqs'] });

test('a form is checked on create and save, published with its version and shown in the public guide', async () => {
  const bad = food();
  bad.sections[1]!.fields[2]!.options!.push({ value: 'canteen', label: '学校食堂' });
  const refused = await create(bad);
  assert.equal(refused.statusCode, 400, refused.body);
  assert.equal(refused.json().error.code, 'validation.field');
  assert.equal(refused.json().error.field, 'document.form.sections[1].fields[2].options');
  assert.match(refused.json().error.message, /主体业态.*选项取值重复：canteen/);
  const inEnglish = await create(bad, { 'accept-language': 'en' });
  assert.match(inEnglish.json().error.message, /option value twice: canteen/);

  const created = await create(food());
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  assert.deepEqual(created.json().draft.document.form, food());

  const covering = food();
  covering.covers = ['lease'];
  const unknownCover = await save(id, 1, covering);
  assert.equal(unknownCover.statusCode, 400);
  assert.equal(unknownCover.json().error.field, 'document.form.covers[0]');
  assert.match(unknownCover.json().error.message, /申请表代替的材料“lease”不在本事项的申请材料中/);
  const schemaBad = await save(id, 1, { sections: [{ key: 's', title: '分组', fields: [] }] });
  assert.equal(schemaBad.statusCode, 400);
  assert.match(schemaBad.json().error.field, /^document\.form\.sections/);

  const completeness = await editor.request({
    method: 'GET',
    url: `/api/catalogue/implementations/${id}/completeness`,
  });
  assert.equal(completeness.json().complete, true, completeness.body);
  assert.equal((await act(editor, id, 'submit', { rev: 1 })).statusCode, 200);
  assert.equal((await act(approver, id, 'approve', {})).statusCode, 200);

  const guide = await t.app.inject({ method: 'GET', url: `/api/catalogue/guides/${id}` });
  assert.equal(guide.statusCode, 200, guide.body);
  assert.deepEqual(guide.json().document.form, food(), 'the apply pages get the published form');
  const website = guide.json().document.form.sections[1].fields[6];
  assert.deepEqual(website.requiredWhen, { not: { field: 'category', equals: 'retail' } });

  // The next version adds a field shown only for restaurants; the diff names it.
  const draft = await act(editor, id, 'draft');
  assert.equal(draft.statusCode, 201);
  const next = food();
  next.sections[1]!.fields.push({
    key: 'seats',
    type: 'number',
    label: '座位数',
    shownWhen: { field: 'category', equals: 'restaurant' },
  });
  const saved = await save(id, draft.json().rev, next);
  assert.equal(saved.statusCode, 200, saved.body);
  const diff = await editor.request({
    method: 'GET',
    url: `/api/catalogue/implementations/${id}/diff?from=1&to=2`,
  });
  assert.deepEqual(diff.json(), [
    {
      path: 'form.sections[key=business].fields[key=seats]',
      before: null,
      after: next.sections[1]!.fields.at(-1),
    },
  ]);
  const published = await t.app.inject({ method: 'GET', url: `/api/catalogue/guides/${id}` });
  assert.equal(published.json().document.form.sections[1].fields.length, 11, 'the draft is not public yet');
});

test('reordering the fields of a form is a change that saves', async () => {
  const created = await create(food());
  const id = created.json().id;
  const reordered = food();
  reordered.sections[0]!.fields.reverse();
  const saved = await save(id, 1, reordered);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().rev, 2);
  const version = await editor.request({
    method: 'GET',
    url: `/api/catalogue/implementations/${id}/versions/1`,
  });
  assert.equal(version.json().document.form.sections[0].fields[0].key, 'capital');
});

/** Every place (path) in a JSON value. */
function placesOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) for (const [i, v] of value.entries()) placesOf(v, [...at, i], out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placesOf(v, [...at, k], out);
  return out;
}

/** The value with the thing at one place replaced (or, when `replacement` is undefined, taken out). */
function mutate(value: unknown, place: (string | number)[], replacement: unknown): unknown {
  if (!place.length) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const step of place.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = place.at(-1)!;
  if (replacement === undefined && Array.isArray(node)) node.splice(Number(last), 1);
  else if (replacement === undefined) delete node[last];
  else node[last] = replacement;
  return copy;
}

const HOSTILE = [
  '__proto__',
  'constructor',
  '(a+)+$',
  '(',
  '[',
  '\\',
  '',
  ' ',
  '🙂'.repeat(50),
  '字'.repeat(501),
  'certificate:yyzz.',
  'certificate:..x',
  'sqs',
  'table',
  'choice',
  { field: 'category', equals: 'canteen' },
  { and: [] },
  { not: { not: { field: 'premises', notEmpty: true } } },
  { field: 'seats', in: [] },
  [],
  {},
  null,
  -1,
  1e308,
  0.5,
  true,
];

const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant(undefined),
);

/** Forms made of the food form with a few places replaced or taken out, or any JSON at all. */
const hostileForm = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(fc.nat(), hostileValue), { minLength: 1, maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc.jsonValue({ maxDepth: 5 }).map((form) => [[-1, form]] as [number, unknown][]),
    },
  )
  .map((changes) => {
    let form: unknown = food();
    for (const [pick, replacement] of changes) {
      if (pick < 0) return replacement;
      const places = placesOf(form);
      form = mutate(form, places[pick % places.length]!, replacement);
    }
    return form;
  });

test('saving a draft with a random or hostile form is a 200 or a 400 naming the field, never a 5xx', async () => {
  const created = await create(food());
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id;
  let rev = 1;
  const statuses: Record<number, number> = {};
  await fc.assert(
    fc.asyncProperty(hostileForm, async (form) => {
      const res = await save(id, rev, form);
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      assert.ok(res.statusCode === 200 || res.statusCode === 400, `${res.statusCode} ${res.body}`);
      if (res.statusCode === 200) {
        rev = res.json().rev;
        assert.deepEqual(documentProblems({ ...sampleDocument(), form }), [], 'only a valid form is kept');
      } else {
        const error = res.json().error;
        assert.match(error.field, /^(document|body)/, res.body);
        assert.ok(error.message.length > 0);
      }
    }),
    { numRuns: 200, seed: 15 },
  );
  assert.ok(statuses[400]! > 50 && statuses[200]! > 5, JSON.stringify(statuses));
});
