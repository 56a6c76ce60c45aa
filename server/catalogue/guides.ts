import { eq } from 'drizzle-orm';
import type { ExercisingLevel, MatterType } from '../../common/catalogue/elements.ts';
import type { ImplementationDocument, LegalBasis } from '../../common/catalogue/guide.ts';
import type { DbOrTx } from '../db/client.ts';
import { findOrganisation } from '../organisations/service.ts';
import { regionNames } from '../regions/service.ts';
import { implementationNotFound } from './implementations.ts';
import { basicMatters, implementations, implementationVersions } from './tables.ts';

/** The published guide of an implementation (办事指南), as every channel shows it. */
export type PublishedGuide = {
  implementationId: string;
  code: string;
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
  region: { code: string; name: string };
  document: ImplementationDocument;
};

/** The published version's guide; a 404 when the implementation has none (never published, or retired). */
export async function getPublishedGuide(db: DbOrTx, implementationId: string): Promise<PublishedGuide> {
  const [row] = await db
    .select({
      code: implementations.code,
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
    })
    .from(implementations)
    .innerJoin(implementationVersions, eq(implementationVersions.id, implementations.publishedVersionId))
    .innerJoin(basicMatters, eq(basicMatters.id, implementations.basicMatterId))
    .where(eq(implementations.id, implementationId));
  if (!row) throw implementationNotFound();
  const [org, regions] = await Promise.all([
    findOrganisation(db, row.organisationId),
    regionNames(db, [row.regionCode]),
  ]);
  return {
    implementationId,
    code: row.code,
    versionNo: row.versionNo,
    publishedAt: row.publishedAt!,
    basicMatter: {
      code: row.basicCode,
      name: row.basicName,
      matterType: row.matterType as MatterType,
      exercisingLevel: row.exercisingLevel as ExercisingLevel,
      legalBasis: row.legalBasis,
    },
    department: { id: row.organisationId, name: org?.name ?? '' },
    region: { code: row.regionCode, name: regions.get(row.regionCode) ?? '' },
    document: row.document,
  };
}
