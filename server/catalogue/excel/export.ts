import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ExercisingLevel, MatterType } from '../../../common/catalogue/elements.ts';
import type { Actor } from '../../core/access/actor.ts';
import { scopeOf } from '../../core/access/policy.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { listOrganisations } from '../../organisations/index.ts';
import { inRegionSubtree, requireRegion } from '../../regions/index.ts';
import { basicMatters, implementations, implementationVersions } from '../tables.ts';
import { implementationCells, materialCells, type WorkbookImplementation } from './codec.ts';
import { EXAMPLE_CODE } from './columns.ts';
import { EXAMPLE } from './example.ts';
import { formCells } from './form-codec.ts';
import { writeWorkbook } from './workbook.ts';

export type ExportFilter = { departmentId?: string; region?: string; subtree?: boolean };

/** How the 实施机构 column names each organisation: its name, or its credit code when the name is not unique. */
async function organisationLabels(db: DbOrTx): Promise<Map<string, string>> {
  const { items } = await listOrganisations({ db, filter: { limit: 100_000 } });
  const names = new Map<string, number>();
  for (const org of items) names.set(org.name, (names.get(org.name) ?? 0) + 1);
  return new Map(
    items.map((org) => [org.id, names.get(org.name) === 1 ? org.name : (org.creditCode ?? org.name)]),
  );
}

/**
 * The implementations the actor may see, each in its published version or, when none is
 * published, its latest version, in the layout of the import template.
 */
export async function exportImplementations(options: {
  db: DbOrTx;
  actor: Actor;
  filter?: ExportFilter;
}): Promise<WorkbookImplementation[]> {
  const { db, filter = {} } = options;
  const scope = scopeOf(options.actor, 'catalogue.read');
  const conditions: SQL[] = [];
  if (!scope.anywhere) {
    const reach: SQL[] = [];
    if (scope.organisationIds.length)
      reach.push(inArray(implementations.organisationId, scope.organisationIds));
    for (const path of scope.regionPaths) reach.push(inRegionSubtree(implementations.regionCode, path));
    if (!reach.length) return [];
    conditions.push(or(...reach)!);
  }
  if (filter.departmentId) conditions.push(eq(implementations.organisationId, filter.departmentId));
  if (filter.region) {
    const region = await requireRegion(db, filter.region, 'region');
    conditions.push(
      filter.subtree
        ? inRegionSubtree(implementations.regionCode, region.path)
        : eq(implementations.regionCode, region.code),
    );
  }
  const shown = sql`coalesce(${implementations.publishedVersionId}, (SELECT v.id FROM ${implementationVersions} v
    WHERE v.implementation_id = ${implementations.id} ORDER BY v.version_no DESC LIMIT 1))`;
  const rows = await db
    .select({
      implementation: implementations,
      basicMatter: basicMatters,
      document: implementationVersions.document,
    })
    .from(implementations)
    .innerJoin(basicMatters, eq(basicMatters.id, implementations.basicMatterId))
    .innerJoin(implementationVersions, eq(implementationVersions.id, shown))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(implementations.code));
  const labels = await organisationLabels(db);
  return rows.map((r) => ({
    basicMatter: {
      code: r.basicMatter.code,
      name: r.basicMatter.name,
      matterType: r.basicMatter.matterType as MatterType,
      exercisingLevel: r.basicMatter.exercisingLevel as ExercisingLevel,
      legalBasis: r.basicMatter.legalBasis,
    },
    code: r.implementation.code,
    organisation: labels.get(r.implementation.organisationId) ?? '',
    regionCode: r.implementation.regionCode,
    document: r.document,
  }));
}

/** The rows of a workbook holding these implementations. */
export function workbookRows(items: WorkbookImplementation[]) {
  return {
    implementations: items.map(implementationCells),
    materials: items.flatMap(({ code, document }) =>
      document.materials.map((m) => materialCells(code, m, !!document.form?.covers?.includes(m.key))),
    ),
    formFields: items.flatMap(({ code, document }) => formCells(code, document.form)),
  };
}

/** The export workbook (.xlsx) of what the actor may see. */
export async function exportWorkbook(options: {
  db: DbOrTx;
  actor: Actor;
  filter?: ExportFilter;
}): Promise<Buffer> {
  return writeWorkbook(workbookRows(await exportImplementations(options)));
}

/** The empty import template (.xlsx) with one example implementation. */
export async function templateWorkbook(): Promise<Buffer> {
  const example = workbookRows([{ ...EXAMPLE, code: EXAMPLE_CODE }]);
  return writeWorkbook({ implementations: [], materials: [], formFields: [], examples: example });
}
