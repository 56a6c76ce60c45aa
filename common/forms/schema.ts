import { type Static, Type } from 'typebox';
import { FIELD_TYPES } from './types.ts';

/*
 * The application form (申请表) of an implementation version, as TypeBox schemas: the server checks
 * a definition on save (definition.ts adds the rules a schema cannot say), the web app takes the
 * static types with `import type`. Values are checked by validate.ts, which needs no TypeBox.
 */

export { CHOICE_TYPES, FIELD_TYPES, type FieldType } from './types.ts';

/** A field's key: a letter, then letters, digits or _ (at most 40); unique in the form, or in its table. */
export const FieldKey = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' });

const Scalar = Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]);

/**
 * A condition on other fields (shownWhen, requiredWhen). `field` names a field of the form, or in a
 * table's column, another column of the same row (looked up there first). A hidden field counts as
 * empty. equals: the value is this (for a multiChoice: one of those chosen); in: the value is one
 * of these; notEmpty: the field is filled; and / or / not combine conditions.
 */
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number | boolean)[] }
  | { field: string; notEmpty: true }
  | { and: Condition[] }
  | { or: Condition[] }
  | { not: Condition };

const strict = { additionalProperties: false } as const;

export const ConditionSchema = Type.Unsafe<Condition>(
  Type.Cyclic(
    {
      Condition: Type.Union([
        Type.Object({ field: FieldKey, equals: Scalar }, strict),
        Type.Object({ field: FieldKey, in: Type.Array(Scalar, { minItems: 1, maxItems: 100 }) }, strict),
        Type.Object({ field: FieldKey, notEmpty: Type.Literal(true) }, strict),
        Type.Object({ and: Type.Array(Type.Ref('Condition'), { minItems: 1, maxItems: 20 }) }, strict),
        Type.Object({ or: Type.Array(Type.Ref('Condition'), { minItems: 1, maxItems: 20 }) }, strict),
        Type.Object({ not: Type.Ref('Condition') }, strict),
      ]),
    },
    'Condition',
  ),
);

/**
 * Rules beyond the type. pattern (a regular expression, Unicode mode, the whole value must match)
 * and minLength / maxLength (characters) apply to text, textarea and address; min / max to number
 * and money; minItems / maxItems to multiChoice and table. patternMessage is said when the pattern
 * fails (zh-CN; patternMessageEn in English).
 */
export const FieldValidation = Type.Object(
  {
    pattern: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    patternMessage: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    patternMessageEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    minLength: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    minItems: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    maxItems: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  strict,
);

/** One choice of a choice or multiChoice field: the value kept, the label shown. */
export const FieldOption = Type.Object(
  {
    value: Type.String({ minLength: 1, maxLength: 100 }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    labelEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  strict,
);

/** A binding: a data element key or `certificate:<type code>.<field key>` (binding.ts). */
export const FieldBinding = Type.String({
  pattern: '^([A-Za-z][A-Za-z0-9_]{0,39}|certificate:[a-z][a-z0-9]{1,15}\\.[A-Za-z][A-Za-z0-9_]{0,39})$',
});

const fieldProperties = {
  key: FieldKey,
  type: Type.Enum(FIELD_TYPES),
  label: Type.String({ minLength: 1, maxLength: 100 }),
  labelEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  help: Type.Optional(Type.String({ maxLength: 500 })),
  helpEn: Type.Optional(Type.String({ maxLength: 1000 })),
  required: Type.Optional(Type.Boolean()),
  /** Required while this holds (and the field is shown). */
  requiredWhen: Type.Optional(ConditionSchema),
  /** Shown only while this holds; a hidden field is neither required nor kept. */
  shownWhen: Type.Optional(ConditionSchema),
  validation: Type.Optional(FieldValidation),
  /** choice and multiChoice only (at least one, values unique). */
  options: Type.Optional(Type.Array(FieldOption, { maxItems: 500 })),
  binding: Type.Optional(FieldBinding),
  /** Whether the applicant may correct a prefilled value (true when left out). */
  editable: Type.Optional(Type.Boolean()),
};

/** A column of a table: a field of any type but table. */
export const ColumnField = Type.Object(
  { ...fieldProperties, type: Type.Enum(FIELD_TYPES.filter((t) => t !== 'table')) },
  strict,
);

/** A field of the form; a table has its columns (at least one). */
export const FormField = Type.Object(
  { ...fieldProperties, columns: Type.Optional(Type.Array(ColumnField, { maxItems: 50 })) },
  strict,
);

/** A group of fields under a title, shown as a step or a card. */
export const FormSection = Type.Object(
  {
    key: FieldKey,
    title: Type.String({ minLength: 1, maxLength: 100 }),
    titleEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    fields: Type.Array(FormField, { minItems: 1, maxItems: 300 }),
  },
  strict,
);

/**
 * The application form of an implementation version: sections of fields, keys unique across the
 * form. `covers` names the materials (by key) the filled form stands for, such as the 申请书: an
 * application with the form filled in need not upload them.
 */
export const FormDefinition = Type.Object(
  {
    sections: Type.Array(FormSection, { minItems: 1, maxItems: 50 }),
    covers: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }), { maxItems: 10, uniqueItems: true }),
    ),
  },
  strict,
);

export type ColumnField = Static<typeof ColumnField>;
export type FormField = Static<typeof FormField>;
export type FormSection = Static<typeof FormSection>;
export type FormDefinition = Static<typeof FormDefinition>;
export type FieldValidation = Static<typeof FieldValidation>;
export type FieldOption = Static<typeof FieldOption>;

/** The values of a filled form: by field key; a table's value is an array of rows by column key. */
export type FormValues = Record<string, unknown>;

/** One thing wrong: `path` is the field's key, or `<table>.<row>.<column>` (items.2.name); '' is the whole. */
export type FormIssue = { path: string; code: string; message: string; messageEn: string };
