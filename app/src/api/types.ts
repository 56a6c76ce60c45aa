import type { AccountKind, Role } from '../../../common/roles.ts';

export type RoleOfMe = {
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  regionCode: string | null;
  regionName: string | null;
};

/** The signed-in user, as GET /api/auth/me answers. */
export type Me = {
  id: string;
  kind: AccountKind;
  login: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  roles: RoleOfMe[];
};

export type SignInAnswer = { user: Me; csrfToken: string };

/** A page of a list answer. */
export type Page<T> = { items: T[]; total: number };
