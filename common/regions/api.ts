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
export const RegionItem = Type.Object({ ...RegionView.properties, hasChildren: Type.Boolean() });

/** One region with the regions above it, from the top. */
export const RegionDetail = Type.Object({ ...RegionView.properties, ancestors: Type.Array(RegionView) });
