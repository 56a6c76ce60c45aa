import { and, asc, count, eq, ilike, ne, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { isCreditCode } from '../../common/identity.ts';
import type { OrganisationKind, RegionLevel } from '../../common/roles.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';
import { inRegionSubtree, type Region, regionNames, regionPath, requireRegion } from '../regions/index.ts';
import { updateAudited } from './changes.ts';
import { halls, organisations } from './tables.ts';

export type OrganisationRow = typeof organisations.$inferSelect;
export type Organisation = OrganisationRow & { kind: OrganisationKind; regionName: string };
export type OrganisationScope = { organisationId: string; regionPath: string };

export type OrganisationInput = {
  name: string;
  shortName?: string | null;
  kind: OrganisationKind;
  regionCode: string;
  parentId?: string | null;
  creditCode?: string | null;
  phone?: string | null;
  address?: string | null;
};

export type OrganisationFilter = {
  region?: string;
  subtree?: boolean;
  kind?: OrganisationKind;
  parentId?: string;
  q?: string;
  active?: boolean;
  limit?: number;
  offset?: number;
};

/** The region levels each kind of organisation may sit at. */
const KIND_LEVELS: Record<OrganisationKind, { levels: RegionLevel[]; zh: string; en: string }> = {
  department: {
    levels: ['province', 'city', 'district'],
    zh: '部门须设在省、市或区县',
    en: 'province/city/district',
  },
  service_centre: {
    levels: ['province', 'city', 'district'],
    zh: '政务服务中心须设在省、市或区县',
    en: 'province/city/district',
  },
  street_centre: { levels: ['street'], zh: '街道便民服务中心须设在街道（乡镇）', en: 'a street' },
  community_station: { levels: ['community'], zh: '社区便民服务站须设在社区（村）', en: 'a community' },
};

const notFound = () => new AppError('resource.not_found', { params: { resource: '机构' } });

async function withRegionNames(db: DbOrTx, rows: OrganisationRow[]): Promise<Organisation[]> {
  const names = await regionNames(
    db,
    rows.map((r) => r.regionCode),
  );
  return rows.map((r) => ({
    ...r,
    kind: r.kind as OrganisationKind,
    regionName: names.get(r.regionCode) ?? '',
  }));
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function getOrganisation(options: { db: DbOrTx; id: string }): Promise<Organisation> {
  const row = await findOrganisation(options.db, options.id);
  if (!row) throw notFound();
  return (await withRegionNames(options.db, [row]))[0]!;
}

/** Where an organisation lives, for permission checks. A 404 when there is no such organisation. */
export async function organisationScope(db: DbOrTx, id: string): Promise<OrganisationScope> {
  const row = await findOrganisation(db, id);
  if (!row) throw notFound();
  return { organisationId: row.id, regionPath: (await regionPath(db, row.regionCode)) ?? row.regionCode };
}

export async function listOrganisations(options: { db: DbOrTx; filter?: OrganisationFilter }) {
  const { db, filter = {} } = options;
  const conditions: SQL[] = [];
  if (filter.region) {
    const region = await requireRegion(db, filter.region, 'region');
    conditions.push(
      filter.subtree
        ? inRegionSubtree(organisations.regionCode, region.path)
        : eq(organisations.regionCode, region.code),
    );
  }
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.parentId) conditions.push(eq(organisations.parentId, filter.parentId));
  if (filter.active !== undefined) conditions.push(eq(organisations.active, filter.active));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(organisations.name, pattern), ilike(organisations.shortName, pattern))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.regionCode), asc(organisations.kind), asc(organisations.name))
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { items: await withRegionNames(db, rows), total: total?.n ?? 0 };
}

/** The ids of the organisations in the regions of `regionPaths` and the regions below them. */
export async function organisationIdsUnder(db: DbOrTx, regionPaths: string[]): Promise<string[]> {
  if (regionPaths.length === 0) return [];
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(or(...regionPaths.map((path) => inRegionSubtree(organisations.regionCode, path))));
  return rows.map((r) => r.id);
}

/** The business rules every organisation must satisfy, checked on the state after a change. */
async function validate(db: DbOrTx, next: OrganisationInput, id: string | null): Promise<Region> {
  if (!next.name.trim()) {
    throw new AppError('validation.field', {
      field: 'name',
      params: { problem: '名称不能为空', problemEn: 'must not be empty' },
    });
  }
  const region = await requireRegion(db, next.regionCode, 'regionCode');
  const rule = KIND_LEVELS[next.kind];
  if (!rule.levels.includes(region.level)) {
    throw new AppError('validation.field', {
      field: 'regionCode',
      params: { problem: rule.zh, problemEn: `must be ${rule.en} for this kind` },
    });
  }
  if (next.creditCode && !isCreditCode(next.creditCode)) {
    throw new AppError('validation.credit_code', { field: 'creditCode' });
  }
  if (next.parentId) {
    const parentProblem = (zh: string, en: string) =>
      new AppError('validation.field', { field: 'parentId', params: { problem: zh, problemEn: en } });
    const parent = await findOrganisation(db, next.parentId);
    if (!parent) throw parentProblem('上级机构不存在', 'no such organisation');
    const parentPath = (await regionPath(db, parent.regionCode))!;
    if (region.path !== parentPath && !region.path.startsWith(`${parentPath}/`)) {
      throw parentProblem('上级机构须位于本机构所在区划或其上级区划', 'must be in this region or above');
    }
    // Walk up from the parent: meeting this organisation again would make a cycle.
    for (let at: OrganisationRow | null = parent; at; ) {
      if (at.id === id) throw parentProblem('不能以自身或下级机构为上级', 'would make a cycle');
      at = at.parentId ? await findOrganisation(db, at.parentId) : null;
    }
  }
  if (next.creditCode) {
    const [clash] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.creditCode, next.creditCode), id ? ne(organisations.id, id) : undefined));
    if (clash) throw new AppError('resource.duplicate', { field: 'creditCode' });
  }
  return region;
}

function normalise<T extends Partial<OrganisationInput>>(input: T): T {
  const out = { ...input };
  if (typeof out.name === 'string') out.name = out.name.trim();
  if (typeof out.creditCode === 'string') out.creditCode = out.creditCode.trim().toUpperCase() || null;
  for (const key of ['shortName', 'phone', 'address'] as const) {
    if (typeof out[key] === 'string') out[key] = (out[key] as string).trim() || null;
  }
  return out;
}

export async function createOrganisation(options: {
  db: DbOrTx;
  audit: AuditContext;
  input: OrganisationInput;
}): Promise<Organisation> {
  const input = normalise(options.input);
  const row = await options.db
    .transaction(async (tx) => {
      await validate(tx, input, null);
      const [created] = await tx
        .insert(organisations)
        .values({
          name: input.name,
          shortName: input.shortName ?? null,
          kind: input.kind,
          regionCode: input.regionCode,
          parentId: input.parentId ?? null,
          creditCode: input.creditCode ?? null,
          phone: input.phone ?? null,
          address: input.address ?? null,
        })
        .returning();
      await recordAudit(tx, options.audit, {
        action: 'organisation.create',
        targetType: 'organisation',
        targetId: created!.id,
        summary: { ...input },
      });
      return created!;
    })
    .catch(rethrowDuplicate);
  return (await withRegionNames(options.db, [row]))[0]!;
}

export async function updateOrganisation(options: {
  db: DbOrTx;
  audit: AuditContext;
  id: string;
  input: Partial<OrganisationInput> & { version: number };
}): Promise<Organisation> {
  const { version, ...changes } = normalise(options.input);
  const row = await options.db
    .transaction((tx) =>
      updateAudited({
        tx,
        audit: options.audit,
        table: organisations,
        where: eq(organisations.id, options.id),
        version,
        notFound,
        changes: async (current) => {
          await validate(tx, { ...current, kind: current.kind as OrganisationKind, ...changes }, current.id);
          return changes;
        },
        action: 'organisation.update',
        targetType: 'organisation',
      }),
    )
    .catch(rethrowDuplicate);
  return (await withRegionNames(options.db, [row]))[0]!;
}

/** Deactivates (or reactivates) an organisation. One with active sub-organisations or halls stays. */
export async function setOrganisationActive(options: {
  db: DbOrTx;
  audit: AuditContext;
  id: string;
  version: number;
  active: boolean;
}): Promise<Organisation> {
  const row = await options.db.transaction((tx) =>
    updateAudited({
      tx,
      audit: options.audit,
      table: organisations,
      where: eq(organisations.id, options.id),
      version: options.version,
      notFound,
      changes: async (current) => {
        if (current.active && !options.active) {
          const [inUse] = await tx
            .execute<{ n: number }>(sql`
            SELECT (SELECT count(*) FROM ${organisations} WHERE ${organisations.parentId} = ${current.id}
                      AND ${organisations.active})
                 + (SELECT count(*) FROM ${halls} WHERE ${halls.organisationId} = ${current.id} AND ${halls.active})
              AS n`)
            .then((r) => r.rows);
          if (Number(inUse?.n) > 0) throw new AppError('resource.in_use', { params: { resource: '机构' } });
        }
        return { active: options.active };
      },
      action: options.active ? 'organisation.activate' : 'organisation.deactivate',
      targetType: 'organisation',
    }),
  );
  return (await withRegionNames(options.db, [row]))[0]!;
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('resource.duplicate', { field: 'creditCode' });
  throw error;
}

/** The name of the organisation in `id`, as a scalar subquery for a caller's select. */
export const organisationNameOf = (id: SQLWrapper | string) =>
  sql<string | null>`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${id})`;
