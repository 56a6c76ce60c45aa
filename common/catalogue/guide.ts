import { type Static, Type } from 'typebox';
import { FormDefinition } from '../forms/schema.ts';
import {
  CASE_TYPES,
  CHANNELS,
  DELIVERY_OPTIONS,
  LIMIT_UNITS,
  MATERIAL_SOURCES,
  MATERIAL_TYPES,
  REALISATION_MODES,
  RESULT_TYPES,
  SERVICE_OBJECTS,
  SPECIAL_PROCEDURES,
  STEP_NAMES,
  THEMES,
} from './elements.ts';

const oneOf = <T extends string>(values: readonly T[]) => Type.Enum(values as T[]);
const text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const strict = { additionalProperties: false } as const;

export const TimeLimit = Type.Object(
  { value: Type.Integer({ minimum: 0, maximum: 3650 }), unit: oneOf(LIMIT_UNITS) },
  strict,
);

export const LegalBasis = Type.Object({ name: text(200, 1), article: text(100), text: text(4000) }, strict);

export const Material = Type.Object(
  {
    /** Stable key of the material within the implementation (kept across versions). */
    key: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
    name: text(200, 1),
    type: oneOf(MATERIAL_TYPES),
    form: text(100),
    required: Type.Boolean(),
    /** When not always required: the condition under which it is. */
    condition: text(500),
    paperCopies: Type.Integer({ minimum: 0, maximum: 20 }),
    source: oneOf(MATERIAL_SOURCES),
    /** For source e_certificate: the certificate type (e.g. 营业执照, 居民身份证). */
    certificateType: text(100),
    /** 容缺受理 allowed for this material. */
    gapAllowed: Type.Boolean(),
    /** sha-256 of the blank form file and of the filled-in sample in the file store, when given. */
    blankFormFile: Type.Union([Type.String({ pattern: '^[0-9a-f]{64}$' }), Type.Null()]),
    sampleFile: Type.Union([Type.String({ pattern: '^[0-9a-f]{64}$' }), Type.Null()]),
    notes: text(1000),
  },
  strict,
);

export const Fee = Type.Object(
  {
    name: text(200, 1),
    /** Amount in yuan; 0 for 不收费 items listed for transparency. */
    amount: Type.Number({ minimum: 0, maximum: 100_000_000 }),
    /** How the amount is set when it is not fixed, e.g. 按面积计收. */
    standard: text(500),
    legalBasis: text(500, 1),
  },
  strict,
);

export const Step = Type.Object(
  {
    name: oneOf(STEP_NAMES),
    /** The role that does this step, in words (e.g. 综合窗口受理人员, 科室负责人). */
    role: text(100, 1),
    /** Time for the step within the promised limit. */
    days: Type.Integer({ minimum: 0, maximum: 3650 }),
    description: text(1000),
  },
  strict,
);

export const Place = Type.Object(
  {
    /** A hall of the platform when the place is one; null for an address elsewhere. */
    hallId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    name: text(200, 1),
    window: text(100),
    address: text(300, 1),
    hours: text(300, 1),
  },
  strict,
);

export const SpecialProcedureItem = Type.Object(
  { kind: oneOf(SPECIAL_PROCEDURES), maxDays: Type.Integer({ minimum: 1, maximum: 3650 }), notes: text(500) },
  strict,
);

/**
 * The implementation of a matter (实施清单) as edited and published: one version's document.
 * Limits are in `unit` days; 0 for a promised limit of an immediate case (即办件).
 */
export const ImplementationDocument = Type.Object(
  {
    name: text(200, 1),
    serviceObject: oneOf(SERVICE_OBJECTS),
    acceptanceConditions: text(4000),
    caseType: oneOf(CASE_TYPES),
    legalLimit: TimeLimit,
    promisedLimit: TimeLimit,
    specialProcedures: Type.Array(SpecialProcedureItem, { maxItems: 10 }),
    visitsRequired: Type.Integer({ minimum: 0, maximum: 10 }),
    realisationMode: oneOf(REALISATION_MODES),
    channels: Type.Array(oneOf(CHANNELS), { minItems: 1, maxItems: 4, uniqueItems: true }),
    /** Approval on a signed promise (告知承诺) is allowed for this matter. */
    promiseAllowed: Type.Boolean(),
    fees: Type.Array(Fee, { maxItems: 30 }),
    steps: Type.Array(Step, { maxItems: 5 }),
    places: Type.Array(Place, { maxItems: 20 }),
    consultation: text(300),
    complaint: text(300),
    result: Type.Object({ type: oneOf(RESULT_TYPES), name: text(200) }, strict),
    delivery: Type.Array(oneOf(DELIVERY_OPTIONS), { maxItems: 3, uniqueItems: true }),
    themes: Type.Array(oneOf(THEMES), { maxItems: 8, uniqueItems: true }),
    keywords: Type.Array(text(40, 1), { maxItems: 30 }),
    materials: Type.Array(Material, { maxItems: 60 }),
    /** The application form (申请表) filled in online, at the counter, at the kiosk or by an agent. */
    form: Type.Optional(FormDefinition),
  },
  strict,
);
export type ImplementationDocument = Static<typeof ImplementationDocument>;
export type Material = Static<typeof Material>;
export type Fee = Static<typeof Fee>;
export type Step = Static<typeof Step>;
export type Place = Static<typeof Place>;
export type TimeLimit = Static<typeof TimeLimit>;
export type LegalBasis = Static<typeof LegalBasis>;
