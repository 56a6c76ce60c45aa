/*
 * The field types of an application form and the groups the rules apply to: plain lists, so that the
 * web app (the renderer, the form editor) and the server's checks share them without TypeBox.
 */

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  /** yuan, at most 2 decimals, not negative */
  'money',
  /** YYYY-MM-DD */
  'date',
  /** { from, to }: two days, from ≤ to */
  'dateRange',
  /** a GB/T 2260 region code (6, 9 or 12 digits), see common/regions */
  'region',
  'address',
  'choice',
  'multiChoice',
  /** true or false */
  'yesNo',
  /** rows of the columns' fields */
  'table',
  /** resident ID number with its check character (common/identity.ts) */
  'idNumber',
  /** unified social credit code with its check character (common/identity.ts) */
  'creditCode',
  /** mainland mobile (13800138000) or landline (029-12345678, 02912345678-123) */
  'phone',
  /** the sha256 (64 lower-case hex digits) of an uploaded file */
  'file',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The types whose value is one of, or some of, the field's options. */
export const CHOICE_TYPES: readonly FieldType[] = ['choice', 'multiChoice'];

/** The types pattern, minLength and maxLength apply to. */
export const TEXT_TYPES: readonly FieldType[] = ['text', 'textarea', 'address'];
/** The types min and max apply to. */
export const NUMBER_TYPES: readonly FieldType[] = ['number', 'money'];
/** The types minItems and maxItems apply to. */
export const COUNTED_TYPES: readonly FieldType[] = ['multiChoice', 'table'];
