import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { levelOfCode, readRegionFile } from '../../common/regions/data.ts';
import { type AuditContext, auditRecords } from '../audit/index.ts';
import { AppError } from '../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';
import { createRegion, getRegion, listRegions, loadRegions, regionPath, renameRegion } from './service.ts';

const audit: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId: 'regions-test' };
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => {
  await t.drop();
});

const rejects = (code: string, field?: string) => (e: unknown) =>
  e instanceof AppError && e.code === code && (field === undefined || e.field === field);

test('the division file reads 610102 as 陕西省西安市新城区 and hangs municipal districts on the province', () => {
  const byCode = new Map(readRegionFile().map((r) => [r.code, r]));
  const chain = (code: string): string[] => {
    const r = byCode.get(code)!;
    return [...(r.parentCode ? chain(r.parentCode) : []), r.name];
  };
  assert.deepEqual(chain('610102'), ['陕西省', '西安市', '新城区']);
  assert.deepEqual(chain('110101001'), ['北京市', '东城区', '东华门街道']);
  assert.deepEqual(chain('441900003'), ['广东省', '东莞市', '东城街道']);
  assert.equal(byCode.get('610102001001')?.name, '民乐社区');
  assert.equal(byCode.get('610102001001')?.level, 'community');
  assert.equal([...byCode.values()].filter((r) => r.level === 'province').length, 31);
  assert.ok(byCode.get('650102003')?.name === '胜利路街道', 'streets of the whole country are in the file');
  assert.equal(levelOfCode('610100'), 'city');
  assert.equal(levelOfCode('61010'), null);
});

test('loading a subtree brings its ancestors, is idempotent and keeps administrators’ renames', async () => {
  const first = await loadRegions({ db: t.db, roots: ['610100'] });
  const xian = readRegionFile().filter((r) => r.code.startsWith('6101'));
  assert.equal(first.inserted, xian.length + 1, 'the 西安市 subtree and 陕西省');
  assert.equal(await regionPath(t.db, '610102001'), '610000/610100/610102/610102001');
  assert.equal(await regionPath(t.db, '620000'), null, 'other provinces are not loaded');
  await renameRegion({ db: t.db, audit, code: '610102', name: '新城区（改）' });
  const again = await loadRegions({ db: t.db, roots: ['610100'] });
  assert.equal(again.inserted, 0);
  assert.equal((await getRegion({ db: t.db, code: '610102' })).name, '新城区（改）');
  await renameRegion({ db: t.db, audit, code: '610102', name: '新城区' });
});

test('children, breadcrumbs and name search', async () => {
  const children = await listRegions({ db: t.db, parent: '610100' });
  const xincheng = children.find((r) => r.code === '610102');
  assert.equal(xincheng?.name, '新城区');
  assert.equal(xincheng?.hasChildren, true);
  assert.ok(children.every((r) => r.parentCode === '610100' && r.depth === 2));

  const top = await listRegions({ db: t.db });
  assert.deepEqual(
    top.map((r) => r.code),
    ['610000'],
  );

  const street = await getRegion({ db: t.db, code: '610102001' });
  assert.deepEqual(
    street.ancestors.map((a) => a.name),
    ['陕西省', '西安市', '新城区'],
  );
  assert.equal(street.depth, 3);

  const found = await listRegions({ db: t.db, q: '碑林' });
  assert.equal(found[0]?.code, '610103');
  assert.deepEqual(await listRegions({ db: t.db, q: '%' }), []);
  await assert.rejects(getRegion({ db: t.db, code: '999999' }), rejects('resource.not_found'));
});

test('a new street must extend its district’s code, a community its street’s', async () => {
  const street = await createRegion({
    db: t.db,
    audit,
    input: { parentCode: '610102', code: '610102900', name: '测试街道' },
  });
  assert.equal(street.level, 'street');
  assert.equal(street.path, '610000/610100/610102/610102900');
  const community = await createRegion({
    db: t.db,
    audit,
    input: { parentCode: '610102900', code: '610102900001', name: '测试社区' },
  });
  assert.equal(community.depth, 4);

  const bad = [
    { parentCode: '610102', code: '610103900', field: 'code' }, // another district's prefix
    { parentCode: '610102', code: '610102900001', field: 'code' }, // 12 digits under a district
    { parentCode: '610102', code: '610102000', field: 'code' }, // 000 is not a street
    { parentCode: '610100', code: '610100900', field: 'parentCode' }, // streets go under districts
    { parentCode: '610102999', code: '610102999001', field: 'parentCode' }, // no such parent
  ];
  for (const { field, ...input } of bad) {
    await assert.rejects(
      createRegion({ db: t.db, audit, input: { ...input, name: '错' } }),
      (e: unknown) => e instanceof AppError && e.status === 400 && e.field === field,
      JSON.stringify(input),
    );
  }
  await assert.rejects(
    createRegion({ db: t.db, audit, input: { parentCode: '610102', code: '610102900', name: '重复' } }),
    rejects('resource.duplicate', 'code'),
  );

  const records = await t.db.select().from(auditRecords).where(eq(auditRecords.targetId, '610102900001'));
  assert.equal(records.length, 1);
  assert.equal(records[0]!.action, 'region.create');
});

test('a rename is audited with before and after', async () => {
  await renameRegion({ db: t.db, audit, code: '610102900', name: '试验街道' });
  const [record] = await t.db
    .select()
    .from(auditRecords)
    .where(sql`${auditRecords.targetId} = '610102900' AND ${auditRecords.action} = 'region.rename'`);
  assert.deepEqual(record?.summary, { before: { name: '测试街道' }, after: { name: '试验街道' } });
});

test('a full load of the country', async (ctx) => {
  const database = await createTestDatabase();
  try {
    const started = performance.now();
    const result = await loadRegions({ db: database.db });
    const ms = performance.now() - started;
    ctx.diagnostic(`full load: ${result.inserted} regions in ${Math.round(ms)} ms`);
    assert.equal(result.inserted, readRegionFile().length);
    const [row] = await database.db
      .execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM regions`)
      .then((r) => r.rows);
    assert.equal(row?.n, result.inserted);
    assert.equal(await regionPath(database.db, '110101001'), '110000/110101/110101001');
  } finally {
    await database.drop();
  }
});
