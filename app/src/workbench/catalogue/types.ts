import type { ExercisingLevel, MatterType, VersionStatus } from '../../../../common/catalogue/elements.ts';
import type { ImplementationDocument, LegalBasis } from '../../../../common/catalogue/guide.ts';

export type BasicMatter = {
  id: string;
  code: string;
  name: string;
  matterType: MatterType;
  exercisingLevel: ExercisingLevel;
  legalBasis: LegalBasis[];
  version: number;
};

/** One row of GET /api/catalogue/implementations: the implementation with its latest version. */
export type ImplementationRow = {
  id: string;
  code: string;
  name: string;
  basicMatterId: string;
  basicCode: string;
  matterType: MatterType;
  organisationId: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
  versionNo: number;
  status: VersionStatus;
  rev: number;
  published: boolean;
  updatedAt: string;
};

export type VersionSummary = {
  id: string;
  versionNo: number;
  status: VersionStatus;
  rev: number;
  name: string;
  reviewComment: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
};

/** A version as the editor works on it. */
export type VersionState = {
  versionNo: number;
  status: VersionStatus;
  rev: number;
  document: ImplementationDocument;
};

export type ImplementationDetail = {
  id: string;
  code: string;
  organisationId: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
  basicMatter: BasicMatter;
  publishedVersionId: string | null;
  versions: VersionSummary[];
  /** The open version (draft or under review). */
  draft: VersionState | null;
  published: VersionState | null;
};

export type Missing = { field: string; problem: string };
export type Completeness = { complete: boolean; missing: Missing[] };
export type Change = { path: string; before: unknown; after: unknown };
export type ImportProblem = { sheet: string; row: number; column: string; problem: string };
