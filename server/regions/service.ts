import { and, asc, eq, inArray, like, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Static } from 'typebox';
import type { RegionView } from '../../common/regions/api.ts';
import { levelOfCode, type RegionRecord, readRegionFile } from '../../common/regions/data.ts';
import type { RegionLevel } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { regions } from './tables.ts';

export type Region = Static<typeof RegionView>;

export type RegionListItem = Region & { hasChildren: boolean };

const columns = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  parentCode: regions.parentCode,
  path: regions.path,
  depth: regions.depth,
};

const BATCH = 10_000;

/**
 * Loads the committed division file into the regions table. With `roots`, only the subtrees of
 * those codes (and their ancestors) are loaded. Idempotent: rows already present, including
 * names an administrator has changed, are left as they are.
 */
export async function loadRegions(options: {
  db: DbOrTx;
  roots?: string[];
  audit?: AuditContext;
  records?: RegionRecord[];
}): Promise<{ considered: number; inserted: number }> {
  const { db, roots } = options;
  const records = options.records ?? readRegionFile();
  const paths = new Map<string, string>();
  for (const r of records) {
    const parentPath = r.parentCode ? paths.get(r.parentCode) : '';
    if (parentPath === undefined) throw new Error(`region ${r.code} comes before its parent`);
    paths.set(r.code, parentPath ? `${parentPath}/${r.code}` : r.code);
  }
  let wanted = records;
  if (roots?.length) {
    const rootPaths = roots.map((code) => {
      const p = paths.get(code);
      if (!p) throw new AppError('validation.region_code', { field: 'roots', params: { code } });
      return p;
    });
    wanted = records.filter((r) => {
      const p = paths.get(r.code)!;
      return rootPaths.some((root) => p === root || p.startsWith(`${root}/`) || root.startsWith(`${p}/`));
    });
  }
  let inserted = 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < wanted.length; i += BATCH) {
      const batch = wanted.slice(i, i + BATCH);
      const batchPaths = batch.map((r) => paths.get(r.code)!);
      const result = await tx.execute(sql`
        INSERT INTO regions (code, name, level, parent_code, path, depth)
        SELECT * FROM unnest(
          ${sql.param(batch.map((r) => r.code))}::text[], ${sql.param(batch.map((r) => r.name))}::text[],
          ${sql.param(batch.map((r) => r.level))}::text[], ${sql.param(batch.map((r) => r.parentCode))}::text[],
          ${sql.param(batchPaths)}::text[], ${sql.param(batchPaths.map((p) => p.split('/').length - 1))}::smallint[])
        ON CONFLICT (code) DO NOTHING`);
      inserted += result.rowCount ?? 0;
    }
    if (options.audit && inserted > 0) {
      await recordAudit(tx, options.audit, {
        action: 'region.load',
        targetType: 'region',
        summary: { roots: roots ?? 'all', inserted },
      });
    }
  });
  return { considered: wanted.length, inserted };
}

export async function findRegion(db: DbOrTx, code: string): Promise<Region | null> {
  const [row] = await db.select(columns).from(regions).where(eq(regions.code, code));
  return (row as Region | undefined) ?? null;
}

/** The region path ('610000/610100/610102') of a code, or null when there is no such region. */
export async function regionPath(db: DbOrTx, code: string): Promise<string | null> {
  const [row] = await db.select({ path: regions.path }).from(regions).where(eq(regions.code, code));
  return row?.path ?? null;
}

/** The region of a code given in a request field, or a 400 naming that field. */
export async function requireRegion(db: DbOrTx, code: string, field: string): Promise<Region> {
  const region = await findRegion(db, code);
  if (!region) throw new AppError('validation.region_code', { field });
  return region;
}

/** A region with its ancestors from the root down (for breadcrumbs), or a 404. */
export async function getRegion(options: { db: DbOrTx; code: string }) {
  const region = await findRegion(options.db, options.code);
  if (!region) throw new AppError('resource.not_found', { params: { resource: '行政区划' } });
  const codes = region.path.split('/').slice(0, -1);
  const ancestors = codes.length
    ? ((await options.db
        .select(columns)
        .from(regions)
        .where(inArray(regions.code, codes))
        .orderBy(asc(regions.depth))) as Region[])
    : [];
  return { ...region, ancestors };
}

/** Names of the given codes, for presenting records that refer to regions. */
export async function regionNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Full names of the given codes, from the top of the tree down (陕西省西安市新城区), for printing an
 * address's region; a code not in the tree is left out.
 */
export async function regionFullNames(db: DbOrTx, codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const { rows } = await db.execute<{ code: string; name: string }>(sql`
    SELECT r.code, (SELECT string_agg(a.name, '' ORDER BY a.depth) FROM ${regions} a
                     WHERE a.code = any(string_to_array(r.path, '/'))) AS name
      FROM ${regions} r WHERE r.code = any(${sql.param(unique)}::text[])`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** A condition on a region-code column: the region is `path` or lies below it. */
export function inRegionSubtree(column: AnyPgColumn, path: string): SQL {
  return sql`${column} IN (SELECT ${regions.code} FROM ${regions}
    WHERE ${regions.path} = ${path} OR ${regions.path} LIKE ${`${path}/%`})`;
}

/** Children of a region (the provinces when no parent is given), or regions whose name contains `q`. */
export async function listRegions(options: {
  db: DbOrTx;
  parent?: string;
  q?: string;
  limit?: number;
}): Promise<RegionListItem[]> {
  const { db, parent, q } = options;
  const conditions: SQL[] = [];
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(like(regions.name, pattern));
    if (parent) {
      const path = await regionPath(db, parent);
      if (!path) throw new AppError('validation.region_code', { field: 'parent' });
      conditions.push(or(eq(regions.path, path), like(regions.path, `${path}/%`))!);
    }
  } else if (parent) {
    if (!(await regionPath(db, parent))) throw new AppError('validation.region_code', { field: 'parent' });
    conditions.push(eq(regions.parentCode, parent));
  } else {
    conditions.push(sql`${regions.parentCode} IS NULL`);
  }
  const rows = await db
    .select({
      ...columns,
      hasChildren: sql<boolean>`EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = regions.code)`,
    })
    .from(regions)
    .where(and(...conditions))
    .orderBy(asc(regions.depth), asc(regions.code))
    .limit(options.limit ?? (q ? 50 : 1000));
  return rows as RegionListItem[];
}

/** The level a new region takes under a parent: streets under districts, communities under streets. */
const CHILD_LEVEL: Partial<Record<RegionLevel, { level: RegionLevel; digits: number; zh: string }>> = {
  district: { level: 'street', digits: 9, zh: '街道（乡镇）代码须为上级区县代码后加 3 位数字' },
  street: { level: 'community', digits: 12, zh: '社区（村）代码须为上级街道代码后加 3 位数字' },
};

/** Adds a street under a district or a community under a street. */
export async function createRegion(options: {
  db: DbOrTx;
  audit: AuditContext;
  input: { parentCode: string; code: string; name: string };
}): Promise<Region> {
  const { db, audit, input } = options;
  const name = input.name.trim();
  if (!name) throw nameError();
  const parent = await requireRegion(db, input.parentCode, 'parentCode');
  const rule = CHILD_LEVEL[parent.level];
  if (!rule) {
    throw new AppError('validation.field', {
      field: 'parentCode',
      params: {
        problem: '只能在区县下添加街道、在街道下添加社区',
        problemEn: 'must be a district or a street',
      },
    });
  }
  const proper =
    input.code.length === rule.digits &&
    input.code.startsWith(parent.code) &&
    /^\d+$/.test(input.code) &&
    !input.code.endsWith('000') &&
    levelOfCode(input.code) === rule.level;
  if (!proper) {
    throw new AppError('validation.field', {
      field: 'code',
      params: { problem: rule.zh, problemEn: `must be the parent's code followed by 3 digits (not 000)` },
    });
  }
  const region: Region = {
    code: input.code,
    name,
    level: rule.level,
    parentCode: parent.code,
    path: `${parent.path}/${input.code}`,
    depth: parent.depth + 1,
  };
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(regions).values(region).onConflictDoNothing().returning();
    if (!inserted.length) throw new AppError('resource.duplicate', { field: 'code' });
    await recordAudit(tx, audit, {
      action: 'region.create',
      targetType: 'region',
      targetId: region.code,
      summary: { code: region.code, name, parentCode: parent.code, level: region.level },
    });
  });
  return region;
}

export async function renameRegion(options: {
  db: DbOrTx;
  audit: AuditContext;
  code: string;
  name: string;
}): Promise<Region> {
  const { db, audit, code } = options;
  const name = options.name.trim();
  if (!name) throw nameError();
  return db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(regions).where(eq(regions.code, code)).for('update');
    if (!before) throw new AppError('resource.not_found', { params: { resource: '行政区划' } });
    if (before.name === name) return before as Region;
    await tx.update(regions).set({ name, updatedAt: new Date() }).where(eq(regions.code, code));
    await recordAudit(tx, audit, {
      action: 'region.rename',
      targetType: 'region',
      targetId: code,
      summary: { before: { name: before.name }, after: { name } },
    });
    return { ...(before as Region), name };
  });
}

/** The path whose administrators may change a region: its parent's (none for a province). */
export function managingPath(region: Region): string | null {
  return region.parentCode ? region.path.slice(0, region.path.lastIndexOf('/')) : null;
}

function nameError(): AppError {
  return new AppError('validation.field', {
    field: 'name',
    params: { problem: '名称不能为空', problemEn: 'must not be empty' },
  });
}

/** The name and the path of the region in `code`, as scalar subqueries for a caller's select. */
export const regionNameOf = (code: SQLWrapper) =>
  sql<string | null>`(select ${regions.name} from ${regions} where ${regions.code} = ${code})`;
export const regionPathOf = (code: SQLWrapper) =>
  sql<string | null>`(select ${regions.path} from ${regions} where ${regions.code} = ${code})`;
