import { Type } from 'typebox';
import { Nullable } from '../api.ts';
import { REGION_LEVELS } from '../roles.ts';

/** The API shapes of the region tree (GET /api/regions, /api/regions/:code). */

export const RegionView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: Type.Enum(REGION_LEVELS),
  parentCode: Nullable(Type.String()),
  path: Type.String(),
  depth: Type.Integer(),
});

/** A region in a list of children, saying whether it has children of its own. */
export const RegionItem = Type.Intersect([RegionView, Type.Object({ hasChildren: Type.Boolean() })]);

/** One region with the regions above it, from the top. */
export const RegionDetail = Type.Intersect([RegionView, Type.Object({ ancestors: Type.Array(RegionView) })]);

/** 行政区划代码: 6 digits for a province, city or county, 9 for a street, 12 for a community. */
export const RegionCode = Type.String({
  pattern: '^\\d{6}(\\d{3}){0,2}$',
  description: '行政区划代码（6/9/12 位）',
});

const strict = { additionalProperties: false } as const;
const RegionName = Type.String({ minLength: 1, maxLength: 50 });

/** GET /api/regions: the children of a region (the provinces without one), or a search by name. */
export const RegionListQuery = Type.Object(
  { parent: Type.Optional(RegionCode), q: Type.Optional(RegionName) },
  strict,
);

/** POST /api/regions: a street (乡镇) or community (村) under its parent. */
export const NewRegion = Type.Object({ parentCode: RegionCode, code: RegionCode, name: RegionName }, strict);

/** PATCH /api/regions/:code: a new name. */
export const RegionRename = Type.Object({ name: RegionName }, strict);
