import { eq, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import type { ExercisingLevel, MatterType } from '../../common/catalogue/elements.ts';
import type { ImplementationDocument, LegalBasis } from '../../common/catalogue/guide.ts';
import { keptUnder } from '../core/caches.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { composeOnce } from '../core/db/composed.ts';
import { organisationNameOf } from '../organisations/index.ts';
import { regionNameOf, regionPathOf } from '../regions/index.ts';
import { implementationNotFound } from './implementations.ts';
import { basicMatters, implementations, implementationVersions } from './tables.ts';

/** The published guide of an implementation (办事指南), as every channel shows it. */
export type PublishedGuide = {
  implementationId: string;
  code: string;
  /** The published version's id: what a case filed now is bound to. */
  versionId: string;
  versionNo: number;
  publishedAt: Date;
  basicMatter: {
    code: string;
    name: string;
    matterType: MatterType;
    exercisingLevel: ExercisingLevel;
    legalBasis: LegalBasis[];
  };
  department: { id: string; name: string };
  /** The path of the region in the tree, for the subtree scopes of what is filed under it. */
  region: { code: string; name: string; path: string };
  document: ImplementationDocument;
};

/** The published version's guide; a 404 when the implementation has none (never published, or retired). */
export async function getPublishedGuide(db: DbOrTx, implementationId: string): Promise<PublishedGuide> {
  const [row] = await db
    .select({
      code: implementations.code,
      versionId: implementationVersions.id,
      organisationId: implementations.organisationId,
      regionCode: implementations.regionCode,
      versionNo: implementationVersions.versionNo,
      publishedAt: implementationVersions.publishedAt,
      document: implementationVersions.document,
      basicCode: basicMatters.code,
      basicName: basicMatters.name,
      matterType: basicMatters.matterType,
      exercisingLevel: basicMatters.exercisingLevel,
      legalBasis: basicMatters.legalBasis,
      departmentName: organisationNameOf(implementations.organisationId),
      regionName: regionNameOf(implementations.regionCode),
      regionPath: regionPathOf(implementations.regionCode),
    })
    .from(implementations)
    .innerJoin(implementationVersions, eq(implementationVersions.id, implementations.publishedVersionId))
    .innerJoin(basicMatters, eq(basicMatters.id, implementations.basicMatterId))
    .where(eq(implementations.id, implementationId));
  if (!row) throw implementationNotFound();
  return {
    implementationId,
    code: row.code,
    versionId: row.versionId,
    versionNo: row.versionNo,
    publishedAt: row.publishedAt!,
    basicMatter: {
      code: row.basicCode,
      name: row.basicName,
      matterType: row.matterType as MatterType,
      exercisingLevel: row.exercisingLevel as ExercisingLevel,
      legalBasis: row.legalBasis,
    },
    department: { id: row.organisationId, name: row.departmentName ?? '' },
    region: { code: row.regionCode, name: row.regionName ?? '', path: row.regionPath ?? row.regionCode },
    document: row.document,
  };
}

/** One version of an implementation as filed: its number, the matter type and its document. */
export type VersionDocument = {
  implementationId: string;
  versionNo: number;
  /** The type of the basic matter (行政许可 …), for the wording of notices. */
  matterType: MatterType;
  document: ImplementationDocument;
};

/** Any version by id, published or since superseded (cases stay bound to theirs); a 404 when there is none. */
export async function getVersionDocument(db: DbOrTx, versionId: string): Promise<VersionDocument> {
  const [row] = await db
    .select({
      implementationId: implementationVersions.implementationId,
      versionNo: implementationVersions.versionNo,
      matterType: basicMatters.matterType,
      document: implementationVersions.document,
    })
    .from(implementationVersions)
    .innerJoin(implementations, eq(implementations.id, implementationVersions.implementationId))
    .innerJoin(basicMatters, eq(basicMatters.id, implementations.basicMatterId))
    .where(eq(implementationVersions.id, versionId));
  if (!row) throw implementationNotFound();
  return { ...row, matterType: row.matterType as MatterType };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Versions whose document can no longer change: published, and later superseded or retired. */
const FINAL_STATUSES = new Set(['published', 'superseded', 'retired']);
const FILED_CACHE_LIMIT = 5000;
const filedDocuments = new Map<string, ImplementationDocument>();

/**
 * The document of a version as cases are filed under it. A version's document no longer changes
 * once it is published, so documents of final versions are kept in memory after the first read.
 */
export async function filedDocument(db: DbOrTx, versionId: string): Promise<ImplementationDocument> {
  const kept = filedDocuments.get(versionId);
  if (kept) return kept;
  const [row] = await db
    .select({ status: implementationVersions.status, document: implementationVersions.document })
    .from(implementationVersions)
    .where(eq(implementationVersions.id, versionId));
  if (!row) throw implementationNotFound();
  if (FINAL_STATUSES.has(row.status)) {
    if (filedDocuments.size >= FILED_CACHE_LIMIT) filedDocuments.clear();
    filedDocuments.set(versionId, deepFreeze(row.document));
  }
  return row.document;
}

/** The matter names of versions as filed (each version's own name), by version id. */
export async function versionNames(db: DbOrTx, versionIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(versionIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: implementationVersions.id, name: sql<string>`${implementationVersions.document}->>'name'` })
    .from(implementationVersions)
    .where(inArray(implementationVersions.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The matter name of a version as filed, as a scalar subquery for a caller's select (see versionNames). */
export const versionNameOf = (versionId: SQLWrapper) =>
  sql<
    string | null
  >`(select ${implementationVersions.document}->>'name' from ${implementationVersions} where ${implementationVersions.id} = ${versionId})`;

/** What a new case is filed under: the published version of an implementation, its department and region. */
export type FilingTarget = {
  versionId: string;
  versionNo: number;
  department: { id: string };
  region: { code: string; path: string };
  /** The version's document (kept in memory, frozen: see filedDocument). */
  document: ImplementationDocument;
};

/**
 * How long the published version of an implementation is kept for new cases: publishing or
 * retiring in this process forgets it at once (`changed('implementation', id)`); a change by another process (or one that a read
 * raced) shows within this time, as if the form had been opened that much earlier.
 */
const FILING_KEPT_MS = 5000;
const keptTargets = keptUnder<FilingTarget>({ ttlMs: FILING_KEPT_MS, dependsOn: { implementation: 'key' } });

/** The published version a new case of the implementation is filed under; a 404 when there is none. */
export async function filingTarget(db: Db, implementationId: string): Promise<FilingTarget> {
  const now = Date.now();
  const kept = keptTargets.get(implementationId, now);
  if (kept) return kept;
  const [row] = await composeOnce(db, 'filing_target', (d) =>
    d
      .select({
        versionId: implementationVersions.id,
        versionNo: implementationVersions.versionNo,
        organisationId: implementations.organisationId,
        regionCode: implementations.regionCode,
        regionPath: regionPathOf(implementations.regionCode),
      })
      .from(implementations)
      .innerJoin(implementationVersions, eq(implementationVersions.id, implementations.publishedVersionId))
      .where(eq(implementations.id, sql.placeholder('id')))
      .prepare('yw_filing_target'),
  ).execute({ id: implementationId });
  if (!row) throw implementationNotFound();
  const target: FilingTarget = Object.freeze({
    versionId: row.versionId,
    versionNo: row.versionNo,
    department: Object.freeze({ id: row.organisationId }),
    region: Object.freeze({ code: row.regionCode, path: row.regionPath ?? row.regionCode }),
    document: await filedDocument(db, row.versionId),
  });
  keptTargets.set(implementationId, target, now);
  return target;
}
