import { Type } from 'typebox';
import { Nullable } from '../api.ts';
import { ROLES } from '../roles.ts';

/** The API shapes of accounts: the signed-in user, sign-in answers, account administration. */

export const RoleName = Type.Enum(ROLES);

export const RoleView = Type.Object({
  role: RoleName,
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
});

/** The signed-in user (GET /api/auth/me). */
export const MeSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('person'), Type.Literal('company')]),
  login: Type.String(),
  displayName: Type.String(),
  organisationId: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  roles: Type.Array(RoleView),
  /** An applicant's own phone on record (prefills the contact phone of an application); not for staff. */
  phone: Type.Optional(Nullable(Type.String())),
  /**
   * An applicant's registered region (户籍地 of a person in the population base, 住所 of a company in
   * the legal-entity base): where a matter is applied for by default. Null when the base does not
   * know them; not for staff.
   */
  region: Type.Optional(
    Nullable(Type.Object({ code: Type.String(), name: Type.String(), path: Type.String() })),
  ),
});

/** The answer to a sign-in, a registration, a completed claim and GET /api/auth/me. */
export const SignedIn = Type.Object({ user: MeSchema, csrfToken: Type.String() });

export const Password = Type.String({ minLength: 1, maxLength: 128 });

/** A role assignment as shown to people: with the names of where it holds. */
export const GrantView = Type.Object({ id: Nullable(Type.String()), ...RoleView.properties });

/** An account in the administration list (GET /api/accounts). */
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
  roles: Type.Array(GrantView),
});

export const RoleGrantInput = Type.Object(
  {
    role: RoleName,
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{6,12}$' })),
  },
  { additionalProperties: false },
);
