import { Type } from 'typebox';
import { ROLES } from '../../common/roles.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const RoleName = Type.Enum(ROLES);

export const RoleView = Type.Object({
  role: RoleName,
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
});

export const MeSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('person'), Type.Literal('company')]),
  login: Type.String(),
  displayName: Type.String(),
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  roles: Type.Array(RoleView),
});

export const SignedIn = Type.Object({ user: MeSchema, csrfToken: Type.String() });

export const Password = Type.String({ minLength: 1, maxLength: 128 });

export const AccountView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  login: Type.String(),
  displayName: Type.String(),
  /** Masked (138****0000). */
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  active: Type.Boolean(),
  lockedUntil: Nullable(Type.String({ format: 'date-time' })),
  lastSignInAt: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  roles: Type.Array(Type.Object({ id: Nullable(Type.String()), ...RoleView.properties })),
});

export const RoleGrantInput = Type.Object(
  {
    role: RoleName,
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
  },
  { additionalProperties: false },
);
