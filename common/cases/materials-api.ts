import { Type } from 'typebox';
import { DateTime, Id, IsoDate, Nullable } from '../api.ts';
import { Material } from '../catalogue/guide.ts';
import { FormPrefill } from '../forms/api.ts';

const strict = { additionalProperties: false } as const;

/** The API shapes of a case's materials (prefill, upload, 材料减免 statistics) and of credit records. */

/** GET /api/cases/prefill: the application's materials found in certificates, bases and earlier cases. */
export const PrefillQuery = Type.Object(
  {
    implementationId: Id,
    applicantKind: Type.Optional(Type.Enum(['person', 'company'])),
    applicantLogin: Type.Optional(Type.String({ minLength: 1, maxLength: 18 })),
  },
  strict,
);

const PrefillShared = { ref: Type.String(), label: Type.String() };

/** A material found in a shared source; `ref` names it when the application is submitted. */
export const PrefillFound = Type.Union([
  Type.Object({
    source: Type.Literal('e_certificate'),
    ...PrefillShared,
    certificate: Type.Object({
      typeName: Type.String(),
      number: Type.String(),
      issuerName: Type.String(),
      issuedAt: Type.String(),
      validUntil: Nullable(Type.String()),
    }),
  }),
  Type.Object({
    source: Type.Literal('shared_case'),
    ...PrefillShared,
    earlierCase: Type.Object({
      caseId: Type.String(),
      caseNo: Type.String(),
      matterName: Type.String(),
      acceptedOn: Type.String(),
      fileName: Type.String(),
      /** The file in the store, taken over as it is. */
      sha256: Type.String(),
    }),
  }),
  Type.Object({
    source: Type.Literal('registry'),
    ...PrefillShared,
    registry: Type.Enum(['population', 'legal_entity']),
    fields: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
  }),
]);

/** One material of the application: found (the first option is the suggestion) or to be uploaded. */
export const PrefillItem = Type.Object({
  key: Type.String(),
  name: Type.String(),
  /** Where the catalogue says the material comes from. */
  materialSource: Material.properties.source,
  required: Type.Boolean(),
  found: Nullable(PrefillFound),
  /** Every source the material could be taken from (the suggestion first). */
  options: Type.Array(PrefillFound),
  /** The application form stands for this material (its `covers`, e.g. the 申请书): filled in, not uploaded. */
  coveredByForm: Type.Optional(Type.Boolean()),
});

/** The answer of GET /api/cases/prefill: found (filled in) and still to be uploaded. */
export const Prefill = Type.Object({
  /** The version's application form with the values found for it (智能预填); null without a form. */
  form: Type.Optional(Nullable(FormPrefill)),
  items: Type.Array(PrefillItem),
  found: Type.Integer(),
  toUpload: Type.Integer(),
});

/** POST /api/cases/:id/materials/:materialKey: the file's original name (the body is the file). */
export const UploadQuery = Type.Object(
  { name: Type.Optional(Type.String({ maxLength: 200, description: '原文件名' })) },
  strict,
);

/** GET /api/credit-records: open, lifted or all records, a page at a time. */
export const CreditListQuery = Type.Object(
  {
    state: Type.Optional(Type.Enum(['open', 'lifted', 'all'])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  strict,
);

/** One credit record as GET /api/credit-records lists it (the applicant's ID number masked). */
export const CreditRecord = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  applicantName: Type.String(),
  applicantLogin: Type.String(),
  caseId: Nullable(Type.String()),
  caseNo: Type.String(),
  matterName: Type.String(),
  reason: Type.String(),
  createdAt: DateTime,
  createdByName: Nullable(Type.String()),
  liftedAt: Nullable(DateTime),
  liftedByName: Nullable(Type.String()),
  liftReason: Nullable(Type.String()),
});

/** POST /api/credit-records/:id/lift: 信用修复 names its reason. */
export const LiftBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, strict);

/** GET /api/cases/material-statistics: of a region (and below), a department, between days. */
export const MaterialStatisticsQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })),
    subtree: Type.Optional(Type.Boolean()),
    departmentId: Type.Optional(Id),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
  },
  strict,
);

/** Materials of filed cases: reused (not handed in) and uploaded, and the share reused (材料减免率). */
const Figures = {
  cases: Type.Integer(),
  /** Cases in which at least one material was reused. */
  casesWithReuse: Type.Integer(),
  reused: Type.Integer(),
  uploaded: Type.Integer(),
  /** reused / (reused + uploaded), 0..1; null when the cases have no materials at all (0 / 0). */
  reductionRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: '材料减免率 reused / (reused + uploaded), 0..1; null when there are no materials (0 / 0)',
  }),
};

/** Application forms of filed cases: fields filled, of them filled from data (智能预填), and the share. */
const PrefillFigures = {
  /** Cases filed with an application form. */
  cases: Type.Integer(),
  /** Top-level fields holding a value. */
  filled: Type.Integer(),
  /** Of those, the fields holding the value their source gave (not corrected). */
  prefilled: Type.Integer(),
  /** prefilled / filled, 0..1; null when no field was filled (0 / 0). */
  prefillRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: '预填率 prefilled / filled, 0..1; null when no field was filled (0 / 0)',
  }),
};

/** The prefill rate of application forms (智能预填): in all, by matter, department and region. */
export const PrefillStatistics = Type.Object({
  ...PrefillFigures,
  byMatter: Type.Array(
    Type.Object({ implementationId: Type.String(), matterName: Type.String(), ...PrefillFigures }),
  ),
  byDepartment: Type.Array(
    Type.Object({ departmentId: Type.String(), departmentName: Type.String(), ...PrefillFigures }),
  ),
  byRegion: Type.Array(
    Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...PrefillFigures }),
  ),
});

/** The answer of GET /api/cases/material-statistics: in all, by source, matter, department and region. */
export const MaterialStatistics = Type.Object({
  ...Figures,
  /** The prefill rate of the application forms of the same cases. */
  prefill: Type.Optional(PrefillStatistics),
  bySource: Type.Object({
    e_certificate: Type.Integer(),
    shared_case: Type.Integer(),
    registry: Type.Integer(),
  }),
  byMatter: Type.Array(
    Type.Object({ implementationId: Type.String(), matterName: Type.String(), ...Figures }),
  ),
  byDepartment: Type.Array(
    Type.Object({ departmentId: Type.String(), departmentName: Type.String(), ...Figures }),
  ),
  byRegion: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...Figures })),
});
