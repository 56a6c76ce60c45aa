import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { fails } from '../organisations/testing.ts';
import { buildOrganisation, withTestDatabase } from '../testing/factories.ts';
import { getPublishedGuide } from './guides.ts';
import { createImplementationWithDraft, getImplementation, getVersion } from './implementations.ts';
import { createBasicMatter } from './service.ts';
import { implementationVersions } from './tables.ts';
import { sampleBasicMatter, sampleDocument } from './testing.ts';
import {
  approveVersion,
  completenessOf,
  openDraft,
  rejectVersion,
  retireImplementation,
  saveDraft,
  submitVersion,
} from './versions.ts';

let market: string;
const t = withTestDatabase('catalogue-versions-test', async (db) => {
  market = (await buildOrganisation(db, { name: '西安市市场监督管理局' })).id;
});
let serial = 0;

async function newImplementation(document = sampleDocument()) {
  serial++;
  const basic = await createBasicMatter({
    db: t.db,
    audit: t.audit,
    input: sampleBasicMatter({ code: `00010123${String(serial).padStart(4, '0')}` }),
  });
  return createImplementationWithDraft({
    db: t.db,
    audit: t.audit,
    input: {
      basicMatterId: basic.id,
      code: `11610100MB0000001X${basic.code}`,
      organisationId: market,
      regionCode: '610100',
      document,
    },
  });
}

const ctx = (implementationId: string) => ({ db: t.db, audit: t.audit, implementationId });

test('a draft goes through review to publication; the published version cannot be edited', async () => {
  const impl = await newImplementation();
  assert.equal(impl.draft?.status, 'draft');
  assert.equal(impl.draft?.versionNo, 1);
  await assert.rejects(
    getPublishedGuide(t.db, impl.id),
    fails('resource.not_found'),
    'no guide before publication',
  );

  const saved = await saveDraft({
    ...ctx(impl.id),
    rev: 1,
    document: sampleDocument({ consultation: '029-88886666' }),
  });
  assert.equal(saved.rev, 2);
  const submitted = await submitVersion({ ...ctx(impl.id), rev: 2 });
  assert.equal(submitted.status, 'under_review');
  await assert.rejects(
    saveDraft({ ...ctx(impl.id), rev: submitted.rev, document: sampleDocument() }),
    fails('catalogue.wrong_status'),
    'a version under review is not edited',
  );
  const published = await approveVersion({ ...ctx(impl.id), comment: '同意发布' });
  assert.equal(published.status, 'published');

  const guide = await getPublishedGuide(t.db, impl.id);
  assert.equal(guide.versionNo, 1);
  assert.equal(guide.document.consultation, '029-88886666');
  assert.equal(guide.department.name, '西安市市场监督管理局');
  assert.equal(guide.region.name, '西安市');
  assert.equal(guide.basicMatter.legalBasis.length, 1);

  await assert.rejects(
    saveDraft({ ...ctx(impl.id), rev: published.rev, document: sampleDocument({ consultation: '改' }) }),
    fails('catalogue.wrong_status'),
    'the published version is immutable',
  );
  const [row] = await t.db
    .select()
    .from(implementationVersions)
    .where(eq(implementationVersions.implementationId, impl.id));
  assert.equal(row?.document.consultation, '029-88886666');
  assert.equal((await t.auditOf(impl.id, 'catalogue.version.publish')).length, 1);
});

test('editing a published matter makes a new draft; approving it supersedes the old version', async () => {
  const impl = await newImplementation();
  await submitVersion({ ...ctx(impl.id), rev: 1 });
  await approveVersion(ctx(impl.id));

  const draft = await openDraft(ctx(impl.id));
  assert.equal(draft.versionNo, 2);
  assert.deepEqual(
    draft.document,
    (await getVersion({ db: t.db, implementationId: impl.id, versionNo: 1 })).document,
  );
  await assert.rejects(openDraft(ctx(impl.id)), fails('catalogue.draft_exists'), 'one open draft at a time');

  const doc = sampleDocument({ promisedLimit: { value: 3, unit: 'working_days' }, steps: [] });
  const saved = await saveDraft({ ...ctx(impl.id), rev: draft.rev, document: doc });
  await assert.rejects(
    saveDraft({ ...ctx(impl.id), rev: draft.rev, document: doc }),
    fails('resource.conflict'),
    'a stale rev is a conflict',
  );
  assert.equal((await getPublishedGuide(t.db, impl.id)).versionNo, 1, 'the public still sees version 1');

  const withSteps = sampleDocument({
    promisedLimit: { value: 3, unit: 'working_days' },
    steps: [{ name: 'accept', role: '窗口', days: 3, description: '' }],
  });
  const fixed = await saveDraft({ ...ctx(impl.id), rev: saved.rev, document: withSteps });
  await submitVersion({ ...ctx(impl.id), rev: fixed.rev });
  await approveVersion(ctx(impl.id));

  const detail = await getImplementation({ db: t.db, id: impl.id });
  assert.deepEqual(
    detail.versions.map((v) => [v.versionNo, v.status]),
    [
      [2, 'published'],
      [1, 'superseded'],
    ],
  );
  assert.equal((await getPublishedGuide(t.db, impl.id)).document.promisedLimit.value, 3);
});

test('submission of an incomplete draft is refused with everything missing', async () => {
  const impl = await newImplementation(
    sampleDocument({ acceptanceConditions: '', steps: [], complaint: '', keywords: [], materials: [] }),
  );
  const completeness = await completenessOf({ db: t.db, implementationId: impl.id });
  assert.equal(completeness.complete, false);
  const fields = completeness.missing.map((m) => m.field).sort();
  assert.deepEqual(fields, [
    'document.acceptanceConditions',
    'document.complaint',
    'document.keywords',
    'document.materials',
    'document.steps',
  ]);
  await assert.rejects(submitVersion({ ...ctx(impl.id), rev: 1 }), (e: unknown) => {
    const details = (e as { code: string; details: { missing: { field: string }[] } }).details;
    return (e as { code: string }).code === 'catalogue.incomplete' && details.missing.length === 5;
  });
});

test('a rejected version returns to draft with the comment; retiring withdraws the guide', async () => {
  const impl = await newImplementation();
  const submitted = await submitVersion({ ...ctx(impl.id), rev: 1 });
  await assert.rejects(
    rejectVersion({ ...ctx(impl.id), comment: ' ' }),
    fails('validation.field', 'comment'),
  );
  const rejected = await rejectVersion({ ...ctx(impl.id), comment: '收费依据不明确' });
  assert.equal(rejected.status, 'draft');
  assert.ok(rejected.rev > submitted.rev);
  const detail = await getImplementation({ db: t.db, id: impl.id });
  assert.equal(detail.versions[0]?.reviewComment, '收费依据不明确');

  await submitVersion({ ...ctx(impl.id), rev: rejected.rev });
  await approveVersion(ctx(impl.id));
  await retireImplementation(ctx(impl.id));
  await assert.rejects(getPublishedGuide(t.db, impl.id), fails('resource.not_found'));
  await assert.rejects(retireImplementation(ctx(impl.id)), fails('catalogue.wrong_status'));
});
