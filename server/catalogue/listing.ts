import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { VersionStatus } from '../../common/catalogue/elements.ts';
import type { Scope } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { findOrganisation } from '../organisations/index.ts';
import { inRegionSubtree, regionNames } from '../regions/index.ts';
import { basicMatters, implementations, implementationVersions } from './tables.ts';

/** Names of organisations by id. */
export async function organisationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const rows = await Promise.all(unique.map((id) => findOrganisation(db, id)));
  return new Map(rows.filter((r) => r !== null).map((r) => [r.id, r.name]));
}

export type ImplementationFilter = {
  /** Implementations having a version in this status. */
  status?: string;
  departmentId?: string;
  q?: string;
  limit?: number;
  offset?: number;
};

/** The implementations within `scope` (all when none is given), drafts included, by name. */
export async function listImplementations(options: {
  db: DbOrTx;
  scope?: Scope;
  filter?: ImplementationFilter;
}) {
  const { db, scope, filter = {} } = options;
  const conditions: SQL[] = [];
  if (scope && !scope.anywhere) {
    const reach: SQL[] = [];
    if (scope.organisationIds.length)
      reach.push(inArray(implementations.organisationId, scope.organisationIds));
    for (const path of scope.regionPaths) reach.push(inRegionSubtree(implementations.regionCode, path));
    if (!reach.length) return { items: [], total: 0 };
    conditions.push(or(...reach)!);
  }
  if (filter.departmentId) conditions.push(eq(implementations.organisationId, filter.departmentId));
  if (filter.status) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${implementationVersions} s
      WHERE s.implementation_id = ${implementations.id} AND s.status = ${filter.status})`);
  }
  const latest = sql`(SELECT max(m.version_no) FROM ${implementationVersions} m
    WHERE m.implementation_id = ${implementations.id})`;
  const joinLatest = and(
    eq(implementationVersions.implementationId, implementations.id),
    eq(implementationVersions.versionNo, latest),
  );
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(implementationVersions.name, pattern),
        ilike(implementations.code, pattern),
        ilike(basicMatters.code, pattern),
      )!,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const base = () =>
    db
      .select({
        id: implementations.id,
        code: implementations.code,
        name: implementationVersions.name,
        basicMatterId: basicMatters.id,
        basicCode: basicMatters.code,
        matterType: basicMatters.matterType,
        organisationId: implementations.organisationId,
        regionCode: implementations.regionCode,
        versionNo: implementationVersions.versionNo,
        status: sql<VersionStatus>`${implementationVersions.status}`,
        rev: implementationVersions.rev,
        published: sql<boolean>`${implementations.publishedVersionId} IS NOT NULL`,
        updatedAt: implementationVersions.updatedAt,
      })
      .from(implementations)
      .innerJoin(basicMatters, eq(basicMatters.id, implementations.basicMatterId))
      .innerJoin(implementationVersions, joinLatest);
  const [rows, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(asc(implementationVersions.name), asc(implementations.code))
      .limit(filter.limit ?? 50)
      .offset(filter.offset ?? 0),
    db
      .select({ n: count() })
      .from(implementations)
      .innerJoin(basicMatters, eq(basicMatters.id, implementations.basicMatterId))
      .innerJoin(implementationVersions, joinLatest)
      .where(where),
  ]);
  const [orgs, regions] = await Promise.all([
    organisationNames(
      db,
      rows.map((r) => r.organisationId),
    ),
    regionNames(
      db,
      rows.map((r) => r.regionCode),
    ),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      departmentName: orgs.get(r.organisationId) ?? '',
      regionName: regions.get(r.regionCode) ?? '',
    })),
    total: total?.n ?? 0,
  };
}
