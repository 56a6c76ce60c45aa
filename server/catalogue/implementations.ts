import { and, desc, eq, sql } from 'drizzle-orm';
import { isImplementationCode } from '../../common/catalogue/codes.ts';
import type { VersionStatus } from '../../common/catalogue/elements.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Resource } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { isUniqueViolation } from '../core/db/unique.ts';
import { AppError } from '../core/errors.ts';
import { findOrganisation, type OrganisationRow } from '../organisations/index.ts';
import { findRegion, type Region, regionNames } from '../regions/index.ts';
import { organisationNames } from './listing.ts';
import { type BasicMatter, findBasicMatter } from './service.ts';
import { basicMatters, implementations, implementationVersions } from './tables.ts';
import { assertValidDocument, type Problem } from './validation.ts';

export type ImplementationInput = {
  basicMatterId: string;
  /** 实施编码, see common/catalogue/codes.ts */
  code: string;
  organisationId: string;
  regionCode: string;
  document: ImplementationDocument;
};

export const implementationNotFound = () =>
  new AppError('resource.not_found', { params: { resource: '事项' } });

const fieldError = (p: Problem) =>
  new AppError('validation.field', {
    field: p.field,
    params: { problem: p.problem, problemEn: p.problemEn },
  });

/** The columns of a version row that repeat fields of its document. */
export function denormalised(doc: ImplementationDocument) {
  return {
    document: doc,
    name: doc.name.trim(),
    serviceObject: doc.serviceObject,
    caseType: doc.caseType,
    realisationMode: doc.realisationMode,
    limitUnit: doc.legalLimit.unit,
    legalLimit: doc.legalLimit.value,
    promisedLimit: doc.promisedLimit.value,
    visitsRequired: doc.visitsRequired,
    themes: [...doc.themes],
  };
}

/**
 * Where an implementation may be placed: the organisation must be a department or a service
 * centre, the region its own region or one below it.
 */
export function placementProblems(
  org: OrganisationRow | null | undefined,
  orgRegion: Region | null | undefined,
  region: Region | null | undefined,
  prefix = '',
): Problem[] {
  if (!org)
    return [
      { field: `${prefix}organisationId`, problem: '实施部门不存在', problemEn: 'no such organisation' },
    ];
  if (org.kind !== 'department' && org.kind !== 'service_centre') {
    return [
      {
        field: `${prefix}organisationId`,
        problem: '实施主体须为部门或政务服务中心',
        problemEn: 'must be a department or a service centre',
      },
    ];
  }
  if (!region)
    return [{ field: `${prefix}regionCode`, problem: '行政区划不存在', problemEn: 'unknown region code' }];
  const top = orgRegion?.path ?? org.regionCode;
  if (region.path !== top && !region.path.startsWith(`${top}/`)) {
    return [
      {
        field: `${prefix}regionCode`,
        problem: '实施区划须为实施部门所在区划或其下级区划',
        problemEn: "must be the organisation's region or below it",
      },
    ];
  }
  return [];
}

export function implementationCodeProblems(code: string, prefix = ''): Problem[] {
  return isImplementationCode(code)
    ? []
    : [
        {
          field: `${prefix}code`,
          problem: '实施编码应为 12—40 位数字或大写字母',
          problemEn: 'is not a valid code',
        },
      ];
}

async function findImplementation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(implementations).where(eq(implementations.id, id));
  return row ?? null;
}

/** Where an implementation lives, for permission checks; a 404 when there is none. */
export async function implementationScope(db: DbOrTx, id: string): Promise<Resource> {
  const row = await findImplementation(db, id);
  if (!row) throw implementationNotFound();
  const region = await findRegion(db, row.regionCode);
  return { organisationId: row.organisationId, regionPath: region?.path ?? row.regionCode };
}

/** Checks where a new implementation would go; returns its resource for the permission check. */
export async function placementScope(
  db: DbOrTx,
  input: { organisationId: string; regionCode: string },
): Promise<Resource> {
  const org = await findOrganisation(db, input.organisationId);
  const [orgRegion, region] = await Promise.all([
    org ? findRegion(db, org.regionCode) : null,
    findRegion(db, input.regionCode),
  ]);
  const [problem] = placementProblems(org, orgRegion, region);
  if (problem) throw fieldError(problem);
  return { organisationId: org!.id, regionPath: region!.path };
}

/** Creates an implementation of a basic matter with its first version as a draft. */
export async function createImplementationWithDraft(options: {
  db: DbOrTx;
  audit: AuditContext;
  input: ImplementationInput;
}) {
  const input = { ...options.input, code: options.input.code.trim().toUpperCase() };
  const [codeProblem] = implementationCodeProblems(input.code);
  if (codeProblem) throw fieldError(codeProblem);
  assertValidDocument(input.document);
  const id = await options.db
    .transaction(async (tx) => {
      if (!(await findBasicMatter(tx, input.basicMatterId))) {
        throw fieldError({
          field: 'basicMatterId',
          problem: '基本目录事项不存在',
          problemEn: 'no such basic matter',
        });
      }
      await placementScope(tx, input);
      const [created] = await tx
        .insert(implementations)
        .values({
          basicMatterId: input.basicMatterId,
          code: input.code,
          organisationId: input.organisationId,
          regionCode: input.regionCode,
        })
        .returning({ id: implementations.id });
      const [version] = await tx
        .insert(implementationVersions)
        .values({
          implementationId: created!.id,
          versionNo: 1,
          status: 'draft',
          ...denormalised(input.document),
          createdBy: options.audit.actor?.accountId ?? null,
        })
        .returning({ id: implementationVersions.id });
      await recordAudit(tx, options.audit, {
        action: 'catalogue.implementation.create',
        targetType: 'implementation',
        targetId: created!.id,
        summary: {
          code: input.code,
          basicMatterId: input.basicMatterId,
          organisationId: input.organisationId,
          regionCode: input.regionCode,
          name: input.document.name,
          versionNo: 1,
          versionId: version!.id,
        },
      });
      return created!.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('resource.duplicate', { field: 'code' });
      throw error;
    });
  return getImplementation({ db: options.db, id });
}

const versionSummary = {
  id: implementationVersions.id,
  versionNo: implementationVersions.versionNo,
  status: sql<VersionStatus>`${implementationVersions.status}`,
  rev: implementationVersions.rev,
  name: implementationVersions.name,
  reviewComment: implementationVersions.reviewComment,
  createdAt: implementationVersions.createdAt,
  updatedAt: implementationVersions.updatedAt,
  submittedAt: implementationVersions.submittedAt,
  publishedAt: implementationVersions.publishedAt,
};

/** An implementation with its basic matter, its versions, the open version's and the published document. */
export async function getImplementation(options: { db: DbOrTx; id: string }) {
  const { db, id } = options;
  const [row] = await db
    .select({ implementation: implementations, basicMatter: basicMatters })
    .from(implementations)
    .innerJoin(basicMatters, eq(basicMatters.id, implementations.basicMatterId))
    .where(eq(implementations.id, id));
  if (!row) throw implementationNotFound();
  const versions = await db
    .select({ ...versionSummary, document: implementationVersions.document })
    .from(implementationVersions)
    .where(eq(implementationVersions.implementationId, id))
    .orderBy(desc(implementationVersions.versionNo));
  const [orgs, regions] = await Promise.all([
    organisationNames(db, [row.implementation.organisationId]),
    regionNames(db, [row.implementation.regionCode]),
  ]);
  const open = versions.find((v) => v.status === 'draft' || v.status === 'under_review');
  const published = versions.find((v) => v.status === 'published');
  const pick = (v: (typeof versions)[number] | undefined) =>
    v ? { versionNo: v.versionNo, status: v.status, rev: v.rev, document: v.document } : null;
  const impl = row.implementation;
  return {
    id: impl.id,
    code: impl.code,
    organisationId: impl.organisationId,
    departmentName: orgs.get(impl.organisationId) ?? '',
    regionCode: impl.regionCode,
    regionName: regions.get(impl.regionCode) ?? '',
    basicMatter: row.basicMatter as BasicMatter,
    publishedVersionId: impl.publishedVersionId,
    createdAt: impl.createdAt,
    updatedAt: impl.updatedAt,
    versions: versions.map(({ document: _d, ...v }) => v),
    draft: pick(open),
    published: pick(published),
  };
}

export type ImplementationDetail = Awaited<ReturnType<typeof getImplementation>>;

/** One version of an implementation, with its document. */
export async function getVersion(options: { db: DbOrTx; implementationId: string; versionNo: number }) {
  const [row] = await options.db
    .select({ ...versionSummary, document: implementationVersions.document })
    .from(implementationVersions)
    .where(
      and(
        eq(implementationVersions.implementationId, options.implementationId),
        eq(implementationVersions.versionNo, options.versionNo),
      ),
    );
  if (!row) throw new AppError('resource.not_found', { params: { resource: '事项版本' } });
  return row;
}

export { type ImplementationFilter, listImplementations } from './listing.ts';
