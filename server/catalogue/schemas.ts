import { Type } from 'typebox';
import { BASIC_CODE_PATTERN, IMPLEMENTATION_CODE_PATTERN } from '../../common/catalogue/codes.ts';
import { EXERCISING_LEVELS, MATTER_TYPES, VERSION_STATUSES } from '../../common/catalogue/elements.ts';
import { ImplementationDocument, LegalBasis } from '../../common/catalogue/guide.ts';
import { DateTime } from '../organisations/schemas.ts';

export const Id = Type.String({ format: 'uuid' });
export const NullableDateTime = Type.Union([DateTime, Type.Null()]);
export const Status = Type.Enum([...VERSION_STATUSES]);

export const BasicMatterFields = {
  code: Type.String({
    pattern: BASIC_CODE_PATTERN,
    description: '基本编码：前 6 位数字，其后 6—14 位数字或大写字母',
  }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  matterType: Type.Enum([...MATTER_TYPES]),
  exercisingLevel: Type.Enum([...EXERCISING_LEVELS]),
  legalBasis: Type.Array(LegalBasis, { maxItems: 30 }),
};

export const BasicMatterSchema = Type.Object({
  id: Type.String(),
  ...BasicMatterFields,
  code: Type.String(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const ImplementationCode = Type.String({
  pattern: IMPLEMENTATION_CODE_PATTERN,
  description: '实施编码：12—40 位数字或大写字母',
});

/** A version after a change of its life cycle. */
export const VersionState = Type.Object({
  versionNo: Type.Integer(),
  status: Status,
  rev: Type.Integer(),
  document: ImplementationDocument,
});

export const VersionSummary = Type.Object({
  id: Type.String(),
  versionNo: Type.Integer(),
  status: Status,
  rev: Type.Integer(),
  name: Type.String(),
  reviewComment: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  submittedAt: NullableDateTime,
  publishedAt: NullableDateTime,
});

export const VersionWithDocument = Type.Object({
  ...VersionSummary.properties,
  document: ImplementationDocument,
});

export const ImplementationDetail = Type.Object({
  id: Type.String(),
  code: Type.String(),
  organisationId: Type.String(),
  departmentName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  basicMatter: BasicMatterSchema,
  publishedVersionId: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  versions: Type.Array(VersionSummary),
  /** The open version (draft or under review) with its document. */
  draft: Type.Union([VersionState, Type.Null()]),
  published: Type.Union([VersionState, Type.Null()]),
});

export const ImplementationListItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  basicMatterId: Type.String(),
  basicCode: Type.String(),
  matterType: Type.String(),
  organisationId: Type.String(),
  departmentName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  /** The latest version. */
  versionNo: Type.Integer(),
  status: Status,
  rev: Type.Integer(),
  published: Type.Boolean(),
  updatedAt: DateTime,
});

export const Missing = Type.Object({ field: Type.String(), problem: Type.String() });

export const Change = Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() });
