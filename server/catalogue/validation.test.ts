import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffDocuments } from './diff.ts';
import { sampleDocument, sampleMaterial } from './testing.ts';
import { documentProblems, missingElements } from './validation.ts';

const fields = (doc: unknown) => documentProblems(doc).map((p) => p.field);

test('the sample document passes every rule and is complete', () => {
  assert.deepEqual(documentProblems(sampleDocument()), []);
  assert.deepEqual(
    missingElements(sampleDocument(), [{ name: '《食品安全法》', article: '', text: '' }]),
    [],
  );
});

test('limits: promised within legal in the same unit; an immediate case is promised 0; steps fit', () => {
  assert.deepEqual(fields(sampleDocument({ promisedLimit: { value: 21, unit: 'working_days' } })), [
    'document.promisedLimit',
  ]);
  assert.deepEqual(fields(sampleDocument({ promisedLimit: { value: 5, unit: 'natural_days' } })), [
    'document.promisedLimit.unit',
  ]);
  assert.ok(fields(sampleDocument({ caseType: 'immediate' })).includes('document.promisedLimit'));
  const slow = sampleDocument({ steps: [{ name: 'review', role: '审查人员', days: 6, description: '' }] });
  assert.deepEqual(fields(slow), ['document.steps']);
});

test('realisation mode must agree with visits and channels', () => {
  assert.deepEqual(fields(sampleDocument({ realisationMode: 'fully_online', channels: ['counter'] })), [
    'document.visitsRequired',
    'document.channels',
  ]);
  assert.deepEqual(fields(sampleDocument({ visitsRequired: 2 })), ['document.visitsRequired']);
  assert.deepEqual(fields(sampleDocument({ realisationMode: 'more_visits', visitsRequired: 2 })), []);
});

test('materials: e-certificates name their type, conditional ones their condition, keys are unique', () => {
  const doc = sampleDocument({
    materials: [
      sampleMaterial({ key: 'a', source: 'e_certificate', certificateType: '' }),
      sampleMaterial({ key: 'b', required: false, condition: '' }),
      sampleMaterial({ key: 'a' }),
    ],
  });
  assert.deepEqual(fields(doc), [
    'document.materials[key=a].certificateType',
    'document.materials[key=b].condition',
    'document.materials[key=a].key',
  ]);
});

test('shape problems name the field path', () => {
  const doc = { ...sampleDocument(), caseType: 'sometimes' };
  assert.deepEqual(fields(doc), ['document.caseType']);
  const noName = sampleDocument() as Record<string, unknown>;
  delete noName.name;
  assert.deepEqual(fields(noName), ['document.name']);
});

test('completeness lists everything missing, including the basic matter’s legal basis', () => {
  const missing = missingElements(
    sampleDocument({ materials: [], places: [], result: { type: 'certificate', name: '' }, delivery: [] }),
    [],
  ).map((m) => m.field);
  assert.deepEqual(missing, [
    'basicMatter.legalBasis',
    'document.materials',
    'document.places',
    'document.result.name',
    'document.delivery',
  ]);
  const stated = sampleDocument({ materials: [], acceptanceConditions: '符合条件的申请人，无需提交材料。' });
  assert.ok(!missingElements(stated, []).some((m) => m.field === 'document.materials'));
});

test('diff: materials matched by key, other arrays by index, value lists as a whole', () => {
  const before = sampleDocument();
  const after = sampleDocument({
    keywords: ['开饭店'],
    materials: [
      sampleMaterial({
        key: 'yyzz',
        name: '营业执照',
        type: 'electronic',
        source: 'e_certificate',
        certificateType: '营业执照',
        paperCopies: 0,
        gapAllowed: true,
      }),
      sampleMaterial({ key: 'new', name: '健康证明' }),
    ],
  });
  after.steps[1]!.days = 1;
  assert.deepEqual(diffDocuments(before, after), [
    { path: 'steps[1].days', before: 2, after: 1 },
    { path: 'keywords', before: ['开饭店', '餐饮', '食品经营'], after: ['开饭店'] },
    { path: 'materials[key=sqs]', before: before.materials[0], after: undefined },
    { path: 'materials[key=yyzz].gapAllowed', before: false, after: true },
    { path: 'materials[key=new]', before: undefined, after: after.materials[1] },
  ]);
  assert.deepEqual(diffDocuments(before, sampleDocument()), []);
});
