import type { AccountKind, Role } from './roles.ts';

/** A role assignment as shown to people: with the names of where it holds. */
export type GrantView = {
  id: string | null;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  regionCode: string | null;
  regionName: string | null;
};

/** The signed-in user as the web app sees it (GET /api/auth/me). */
export type Me = {
  id: string;
  kind: AccountKind;
  login: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  roles: Omit<GrantView, 'id'>[];
};

/** The answer to a sign-in, a registration and GET /api/auth/me. */
export type SignInAnswer = { user: Me; csrfToken: string };
