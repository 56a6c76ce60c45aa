import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, desc, eq } from 'drizzle-orm';
import { auditRecords } from '../audit/index.ts';
import { buildOrganisation, withTestDatabase } from '../testing/factories.ts';
import { getPublishedGuide } from './guides.ts';
import { listImplementations } from './implementations.ts';
import { type ImportItem, importImplementations } from './import.ts';
import { basicMatters, implementations } from './tables.ts';
import { sampleBasicMatter, sampleDocument } from './testing.ts';

const departments: string[] = [];
const t = withTestDatabase('catalogue-import-test', async (db) => {
  for (let i = 0; i < 5; i++) departments.push((await buildOrganisation(db)).id);
});

function items(n: number, prefix: string): ImportItem[] {
  return Array.from({ length: n }, (_, i) => ({
    // Every third item shares a basic matter with the one before it.
    basicMatter: sampleBasicMatter({
      code: `${prefix}${String(Math.floor(i / 3)).padStart(6, '0')}`,
      name: `基本事项${i}`,
    }),
    code: `${prefix}IMPL${String(i).padStart(8, '0')}`,
    organisationId: departments[i % departments.length]!,
    regionCode: i % 2 ? '610102' : '610100',
    document: sampleDocument({ name: `导入事项${i}` }),
  }));
}

test('150 implementations import and publish in one go', async (context) => {
  // Warm up (the segmenter loads its dictionary on first use).
  await importImplementations({ db: t.db, audit: t.audit, items: items(1, '100009'), publish: true });
  const started = performance.now();
  const result = await importImplementations({
    db: t.db,
    audit: t.audit,
    items: items(150, '100001'),
    publish: true,
  });
  const ms = performance.now() - started;
  assert.deepEqual(result, { imported: 150, created: 150, updated: 0, published: 150 });
  context.diagnostic(`150 implementations imported and published in ${Math.round(ms)} ms`);
  const [basics] = await t.db.select({ n: count() }).from(basicMatters);
  assert.equal(basics?.n, 51);
  const { total } = await listImplementations({ db: t.db, filter: { status: 'published', q: '100001IMPL' } });
  assert.equal(total, 150);
  const [record] = await t.db
    .select()
    .from(auditRecords)
    .where(eq(auditRecords.action, 'catalogue.import'))
    .orderBy(desc(auditRecords.seq))
    .limit(1);
  assert.equal((record!.summary as { created: unknown[] }).created.length, 150, 'the import is audited');
  const [first] = await t.db
    .select()
    .from(implementations)
    .where(eq(implementations.code, '100001IMPL00000007'));
  const guide = await getPublishedGuide(t.db, first!.id);
  assert.equal(guide.document.name, '导入事项7');
  assert.equal(guide.region.name, '新城区');
});

test('one bad item refuses the whole import and names item, field and problem', async () => {
  const list = items(20, '100002');
  list[4]!.document = sampleDocument({ promisedLimit: { value: 30, unit: 'working_days' } });
  list[9]!.organisationId = '00000000-0000-4000-8000-000000000009';
  list[12]!.basicMatter = { ...list[12]!.basicMatter, code: 'ABC' };
  list[15]!.code = list[14]!.code;
  await assert.rejects(
    importImplementations({ db: t.db, audit: t.audit, items: list, publish: false }),
    (e: unknown) => {
      const error = e as { code: string; details: { errors: { item: number; field: string }[] } };
      assert.equal(error.code, 'catalogue.import_invalid');
      assert.deepEqual(
        error.details.errors.map((x) => [x.item, x.field]),
        [
          [4, 'document.promisedLimit'],
          [9, 'organisationId'],
          [12, 'basicMatter.code'],
          [15, 'code'],
        ],
      );
      return true;
    },
  );
  const { total } = await listImplementations({ db: t.db, filter: { q: '100002IMPL' } });
  assert.equal(total, 0, 'nothing was written');
});

test('publishing refuses incomplete items; re-importing a changed item makes a new published version', async () => {
  const list = items(3, '100003');
  list[1]!.document = sampleDocument({ complaint: '' });
  await assert.rejects(
    importImplementations({ db: t.db, audit: t.audit, items: list, publish: true }),
    (e: unknown) => JSON.stringify((e as { details: unknown }).details).includes('document.complaint'),
  );
  list[1]!.document = sampleDocument();
  await importImplementations({ db: t.db, audit: t.audit, items: list, publish: true });

  const again = await importImplementations({ db: t.db, audit: t.audit, items: list, publish: true });
  assert.equal(again.imported, 0, 'unchanged items are left alone');

  list[2]!.document = sampleDocument({ name: '导入事项（修订）' });
  const changed = await importImplementations({ db: t.db, audit: t.audit, items: list, publish: true });
  assert.deepEqual(changed, { imported: 1, created: 0, updated: 1, published: 1 });
  const [row] = await t.db.select().from(implementations).where(eq(implementations.code, list[2]!.code));
  const guide = await getPublishedGuide(t.db, row!.id);
  assert.equal(guide.versionNo, 2);
  assert.equal(guide.document.name, '导入事项（修订）');
});
