import { type TObject, type TSchema, Type } from 'typebox';
import { Nullable } from '../api.ts';
import { REQUEST_KINDS } from '../hotline/lists.ts';
import { ASSESSMENT_FIGURES } from './settings.ts';

/**
 * The API shapes of per-region settings: what holds in a region with where each value comes from,
 * and a region's change (each value a number, or null to take the ancestors' again).
 */

export * from './fields.ts';
export * from './settings.ts';

const RegionCode = Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' });

/** /api/region-settings/:regionCode */
export const RegionCodeParams = Type.Object({ regionCode: RegionCode });

const Days = Type.Number();
const only = <T extends Record<string, TSchema>>(properties: T): TObject<T> =>
  Type.Object(properties, { additionalProperties: false });
const optionalEach = (names: readonly string[], schema: TSchema) =>
  only(Object.fromEntries(names.map((name) => [name, Type.Optional(schema)])));

/** A region's change: any part of the settings; null removes the region's own value. */
export const SettingsPatchBody = only({
  ratings: Type.Optional(
    only({
      defaultAfterDays: Type.Optional(Nullable(Days)),
      revisitContactWorkingDays: Type.Optional(Nullable(Days)),
      revisitRectifyWorkingDays: Type.Optional(Nullable(Days)),
    }),
  ),
  hotline: Type.Optional(only({ limitDays: Type.Optional(optionalEach(REQUEST_KINDS, Nullable(Days))) })),
  inspectors: Type.Optional(only({ rectifyWorkingDays: Type.Optional(Nullable(Days)) })),
  assessment: Type.Optional(
    only({ weights: Type.Optional(optionalEach(ASSESSMENT_FIGURES, Nullable(Type.Number()))) }),
  ),
});

/** PUT /api/region-settings/:regionCode */
export const SettingsPutBody = only({
  version: Type.Integer({ minimum: 0 }),
  settings: SettingsPatchBody,
});

const Whole = Type.Integer();
const each = (names: readonly string[]) => only(Object.fromEntries(names.map((name) => [name, Whole])));

/** The settings that hold in a region (RegionSettings). */
export const SettingsSchema = only({
  ratings: only({
    defaultAfterDays: Whole,
    revisitContactWorkingDays: Whole,
    revisitRectifyWorkingDays: Whole,
  }),
  hotline: only({ limitDays: each(REQUEST_KINDS) }),
  inspectors: only({ rectifyWorkingDays: Whole }),
  assessment: only({ weights: each(ASSESSMENT_FIGURES) }),
});

/** Where a value comes from: a region that set it, or the defaults (null). */
export const SettingSource = Nullable(Type.Object({ regionCode: Type.String(), regionName: Type.String() }));

/** What holds in a region. */
export const SettingsView = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  /** The version of the region's own change (0 when it never made one). */
  version: Type.Integer(),
  /** The settings that hold. */
  settings: SettingsSchema,
  /** The region's own change. */
  own: SettingsPatchBody,
  /** Each value with where it comes from. */
  values: Type.Array(
    Type.Object({
      key: Type.String(),
      value: Type.Number(),
      source: SettingSource,
      /** The value the region would take from its ancestors (or the defaults) without its own. */
      inherited: Type.Number(),
      inheritedFrom: SettingSource,
    }),
  ),
  updatedAt: Nullable(Type.String()),
});
