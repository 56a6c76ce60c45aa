import { type Static, Type } from 'typebox';
import { DateTime, Id, ListOf, Nullable } from '../api.ts';
import { BASIC_CODE_PATTERN, IMPLEMENTATION_CODE_PATTERN } from './codes.ts';
import {
  CASE_TYPES,
  EXERCISING_LEVELS,
  LIMIT_UNITS,
  MATTER_TYPES,
  REALISATION_MODES,
  SERVICE_OBJECTS,
  THEMES,
  VERSION_STATUSES,
} from './elements.ts';
import { ImplementationDocument, LegalBasis } from './guide.ts';

/** The API shapes of the catalogue: staff (basic matters, implementations, versions) and public (search, guides, figures). */

export { Id };
export const NullableDateTime = Nullable(DateTime);
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

/** The body creating a basic matter (POST /api/catalogue/basic-matters). */
export const BasicMatterInput = Type.Object(BasicMatterFields, { additionalProperties: false });

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
  reviewComment: Nullable(Type.String()),
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
  publishedVersionId: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
  versions: Type.Array(VersionSummary),
  /** The open version (draft or under review) with its document. */
  draft: Nullable(VersionState),
  published: Nullable(VersionState),
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

/** The body creating an implementation with its first draft (POST /api/catalogue/implementations). */
export const NewImplementation = Type.Object({
  basicMatterId: Id,
  code: ImplementationCode,
  organisationId: Id,
  regionCode: Type.String(),
  document: ImplementationDocument,
});

export const Missing = Type.Object({ field: Type.String(), problem: Type.String() });

export const Completeness = Type.Object({
  versionNo: Type.Integer(),
  complete: Type.Boolean(),
  missing: Type.Array(Missing),
});

export const Change = Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() });

/** One problem of a refused Excel import, by sheet, row and column. */
export const ImportProblem = Type.Object({
  sheet: Type.String(),
  row: Type.Integer(),
  column: Type.String(),
  problem: Type.String(),
});

/**
 * A code of one of `values`, documented and serialized as a plain string: the public lists and
 * guides answer with codes the catalogue has checked on the way in.
 */
const CodeOf = <T extends string>(_values: readonly T[]) => Type.Unsafe<T>(Type.String());

const RegionCode = Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' });
const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** The filters of the public lists (GET /api/catalogue/search, /matters). */
export const MatterFilterFields = {
  region: Type.Optional(RegionCode),
  subtree: Type.Optional(Type.Boolean({ description: '含下级区划' })),
  departmentId: Type.Optional(Id),
  theme: Type.Optional(oneOf(THEMES)),
  mode: Type.Optional(oneOf(REALISATION_MODES)),
  object: Type.Optional(oneOf(SERVICE_OBJECTS)),
  /** Only the implementations of one basic matter (the places where it can be applied for). */
  basicCode: Type.Optional(Type.String({ pattern: BASIC_CODE_PATTERN, description: '基本编码' })),
  /** basic: one result per basic matter, with the places (implementations) that match. */
  group: Type.Optional(Type.Literal('basic', { description: '按基本目录事项合并，附各办理地' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
};

export const MatterSearchQuery = Type.Object(
  { q: Type.String({ maxLength: 100, default: '' }), ...MatterFilterFields },
  { additionalProperties: false },
);

export const MatterListQuery = Type.Object(MatterFilterFields, { additionalProperties: false });

/** Where a basic matter is implemented: one implementation, by region and department. */
export const MatterPlace = Type.Object({
  implementationId: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  /** The region's path ('610000/610100/610103'): the applicant's region lies under it or not. */
  regionPath: Type.String(),
  departmentName: Type.String(),
  /** What may differ from place to place: how it is done, its limits and visits. */
  realisationMode: CodeOf(REALISATION_MODES),
  caseType: CodeOf(CASE_TYPES),
  legalLimit: Type.Integer(),
  promisedLimit: Type.Integer(),
  visitsRequired: Type.Integer(),
});

/** One matter in the public search and browse lists (GET /api/catalogue/search, /matters). */
export const MatterSummary = Type.Object({
  implementationId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  basicCode: Type.String(),
  matterType: CodeOf(MATTER_TYPES),
  departmentId: Type.String(),
  departmentName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  serviceObject: CodeOf(SERVICE_OBJECTS),
  caseType: CodeOf(CASE_TYPES),
  realisationMode: CodeOf(REALISATION_MODES),
  legalLimit: Type.Integer(),
  promisedLimit: Type.Integer(),
  limitUnit: CodeOf(LIMIT_UNITS),
  visitsRequired: Type.Integer(),
  themes: Type.Array(CodeOf(THEMES)),
  onlineAvailable: Type.Boolean(),
  /**
   * With group=basic: every place of the basic matter that matches, the city before its
   * districts; the matter itself is the best of them (the city's among equals).
   */
  places: Type.Optional(Type.Array(MatterPlace)),
});

export const MatterPage = Type.Object({
  ...ListOf(MatterSummary).properties,
  total: Type.Integer({ description: '匹配事项数，至多计到 1000' }),
  totalCapped: Type.Optional(Type.Boolean({ description: '实际匹配数超过 1000' })),
});

/** The path of one published guide. */
export const GuideParams = Type.Object({ implementationId: Id });

/** The path of a file a published guide names for a material (its blank form or sample). */
export const GuideFileParams = Type.Object({
  implementationId: Id,
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$', description: '指南中材料的空白表格或示例样表的 SHA-256' }),
});

/**
 * The application form a guide offers to print as 空表 and 样表 (…/form-blank.pdf, form-sample.pdf):
 * the matter's own form, or a generic one for a 申请书 / 申请表 material of a matter without a form;
 * `material` the key of the material it is the form of, when the guide lists one.
 */
export const GuideFormSheet = Type.Object({
  kind: Type.Union([Type.Literal('form'), Type.Literal('generic')]),
  material: Nullable(Type.String()),
});
export type GuideFormSheet = Static<typeof GuideFormSheet>;

/** The published guide of one implementation (GET /api/catalogue/guides/:id). */
export const Guide = Type.Object({
  implementationId: Type.String(),
  code: Type.String(),
  versionNo: Type.Integer(),
  publishedAt: DateTime,
  basicMatter: Type.Object({
    code: Type.String(),
    name: Type.String(),
    matterType: CodeOf(MATTER_TYPES),
    exercisingLevel: CodeOf(EXERCISING_LEVELS),
    legalBasis: Type.Array(Type.Object({ name: Type.String(), article: Type.String(), text: Type.String() })),
  }),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  region: Type.Object({ code: Type.String(), name: Type.String() }),
  document: ImplementationDocument,
  /** The form to print (空表, 样表), when the guide offers one. */
  formSheet: Type.Optional(Nullable(GuideFormSheet)),
});

/** The catalogue's figures over published versions; shares are 0..1. */
export const Figures = Type.Object({
  matters: Type.Integer(),
  atMostOnceShare: Type.Number(),
  fullyOnlineShare: Type.Number(),
  immediateShare: Type.Number(),
  /** 承诺时限压缩率 per unit of the limits: Σ (legal − promised) ÷ Σ legal; null when no matter has such limits. */
  workingDayCompression: Nullable(Type.Number()),
  workingDayMatters: Type.Integer(),
  naturalDayCompression: Nullable(Type.Number()),
  naturalDayMatters: Type.Integer(),
  averageVisits: Type.Number(),
  /** 零跑腿: no in-person visit required. */
  zeroVisitShare: Type.Number(),
  /** 网上可办率: the matters that can be applied for online. */
  onlineAvailableShare: Type.Number(),
  /** Average promised limit of the matters whose limits are in working days; null when there are none. */
  averagePromisedDays: Nullable(Type.Number()),
});

export const StatisticsQuery = Type.Object(
  {
    region: Type.Optional(RegionCode),
    subtree: Type.Optional(Type.Boolean()),
    departmentId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const Statistics = Type.Object({
  ...Figures.properties,
  byDepartment: Type.Array(
    Type.Object({ departmentId: Type.String(), departmentName: Type.String(), ...Figures.properties }),
  ),
  byRegion: Type.Array(
    Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...Figures.properties }),
  ),
});

/** The most searched terms of the last 30 days that find matters (GET /api/catalogue/hot-searches). */
export const HotSearches = Type.Object({ terms: Type.Array(Type.String()) });

export const ThemeCount = Type.Object({
  theme: CodeOf(THEMES),
  label: Type.String(),
  object: Type.Union([Type.Literal('person'), Type.Literal('company')]),
  count: Type.Integer(),
});
