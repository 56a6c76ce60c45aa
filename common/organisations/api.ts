import { Type } from 'typebox';
import { DateTime, Nullable } from '../api.ts';
import { ORGANISATION_KINDS, WINDOW_KINDS } from '../roles.ts';

/** The API shapes of organisations, halls and windows (GET /api/organisations, /api/halls, …/windows). */

export { DateTime };

export const OrganisationView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: Type.Enum(ORGANISATION_KINDS),
  regionCode: Type.String(),
  regionName: Type.String(),
  parentId: Nullable(Type.String()),
  creditCode: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  address: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const HallView = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  /** The kind of the organisation running the hall: a service centre, street centre or community station. */
  organisationKind: Type.Enum(ORGANISATION_KINDS),
  regionCode: Type.String(),
  name: Type.String(),
  address: Type.String(),
  openingHours: Type.String(),
  phone: Nullable(Type.String()),
  /** WGS-84 position (degrees), both or neither. */
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  active: Type.Boolean(),
  windowCount: Type.Integer(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

/** A hall's position as requests give it: WGS-84 degrees, both or neither (a 400 naming the missing one). */
export const Latitude = Nullable(Type.Number({ minimum: -90, maximum: 90 }));
export const Longitude = Nullable(Type.Number({ minimum: -180, maximum: 180 }));

export const WindowView = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  number: Type.String(),
  name: Type.String(),
  kind: Type.Enum(WINDOW_KINDS),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
