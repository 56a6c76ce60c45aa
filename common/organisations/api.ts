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
  regionCode: Type.String(),
  name: Type.String(),
  address: Type.String(),
  openingHours: Type.String(),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  windowCount: Type.Integer(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

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
