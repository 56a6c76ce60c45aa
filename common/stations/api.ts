import { Type } from 'typebox';
import { Nullable } from '../api.ts';
import { REGION_LEVELS } from '../roles.ts';

/** The API shapes of 身边的政务服务站 (GET /api/stations): the halls near a person (15 分钟政务服务圈). */

/** The kinds of organisation whose halls are listed as stations. */
export const STATION_KINDS = ['service_centre', 'street_centre', 'community_station'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** `near`: a position as the browser gives it, "latitude,longitude" in WGS-84 degrees. */
export const NEAR_PATTERN = '^\\s*-?\\d{1,2}(\\.\\d+)?\\s*,\\s*-?\\d{1,3}(\\.\\d+)?\\s*$';

export const StationsQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })),
    near: Type.Optional(Type.String({ maxLength: 60, pattern: NEAR_PATTERN })),
    address: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const StationView = Type.Object({
  hallId: Type.String(),
  name: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  kind: Type.Enum(STATION_KINDS),
  regionCode: Type.String(),
  regionName: Type.String(),
  address: Type.String(),
  openingHours: Type.String(),
  phone: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  /** Kilometres from the position asked for (or the area the address lies in), when both are known. */
  distanceKm: Nullable(Type.Number()),
  /** The matters whose guides name this hall as a place to hand them in: how many, and the first few. */
  matters: Type.Object({
    count: Type.Integer(),
    first: Type.Array(Type.Object({ implementationId: Type.String(), name: Type.String() })),
  }),
});

export const StationsAnswer = Type.Object({
  /** How the list is ordered: by the position given, by the area the address lies in, or by region. */
  rankedBy: Type.Union([Type.Literal('position'), Type.Literal('address'), Type.Literal('region')]),
  /** The most specific region named in the address (district, street or community), when one was found. */
  area: Nullable(Type.Object({ code: Type.String(), name: Type.String(), level: Type.Enum(REGION_LEVELS) })),
  items: Type.Array(StationView),
});
