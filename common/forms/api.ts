import { type Static, Type } from 'typebox';
import { Nullable } from '../api.ts';
import { FormDefinition } from './schema.ts';

/** The API shapes of filled forms: what 智能预填 offers, what a case keeps, a saved draft. */

/**
 * Where a prefilled value came from: an e-certificate the holder holds, the legal-entity base
 * (法人库), the population base (人口库), the account's profile, or an earlier case of the applicant.
 */
export const FIELD_SOURCES = [
  'certificate',
  'legal_entity',
  'population',
  'profile',
  'earlier_case',
] as const;
export type FieldSourceKind = (typeof FIELD_SOURCES)[number];

/** A prefilled value and where it came from; `label` says it to the user (营业执照 9161…, 法人库). */
export const FieldSource = Type.Object({
  source: Type.Enum([...FIELD_SOURCES]),
  label: Type.String(),
  value: Type.Unknown(),
});
export type FieldSource = Static<typeof FieldSource>;

/** The values a form may be submitted with: by field key (a table's value is an array of rows). */
export const FormValuesSchema = Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), {
  maxProperties: 300,
});

/** The form part of GET /api/cases/prefill: the version's form, its prefilled values and their sources. */
export const FormPrefill = Type.Object({
  definition: FormDefinition,
  /** The prefilled values by field key. */
  values: Type.Record(Type.String(), Type.Unknown()),
  /** By field key: where each prefilled value came from. */
  sources: Type.Record(Type.String(), FieldSource),
});
export type FormPrefill = Static<typeof FormPrefill>;

/** A prefilled field as the case keeps it: the source, and whether the applicant changed the value. */
export const KeptSource = Type.Object({
  ...FieldSource.properties,
  /** The applicant changed the value; `value` is what the source gave, the form holds the new one. */
  corrected: Type.Boolean(),
});
export type KeptSource = Static<typeof KeptSource>;

/**
 * The form a case was filed with: the definition of its version, the values as checked (hidden
 * fields dropped), the sources of prefilled fields, and the counts of the prefill rate:
 * `filled` top-level fields hold a value, `prefilled` of them hold the value the data gave.
 */
export const FilledForm = Type.Object({
  definition: FormDefinition,
  values: Type.Record(Type.String(), Type.Unknown()),
  sources: Type.Record(Type.String(), KeptSource),
  filled: Type.Integer({ minimum: 0 }),
  prefilled: Type.Integer({ minimum: 0 }),
});
export type FilledForm = Static<typeof FilledForm>;

/** A draft of an application (PUT /api/cases/drafts/:implementationId), resumable on another device. */
export const DraftBody = Type.Object({ values: FormValuesSchema }, { additionalProperties: false });
export const Draft = Type.Object({
  implementationId: Type.String(),
  values: Type.Record(Type.String(), Type.Unknown()),
  updatedAt: Type.String(),
});
export type Draft = Static<typeof Draft>;
export const MaybeDraft = Nullable(Draft);
