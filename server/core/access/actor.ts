import type { AccountKind, Role } from '../../../common/roles.ts';

/** One role held by an account, with where it holds. */
export type RoleGrant = {
  role: Role;
  /** The organisation the role holds in (organisation-scoped roles). */
  organisationId: string | null;
  /** Region path ('610000/610100/…') of the grant's region, for region-wide roles. */
  regionPath: string | null;
};

/** The signed-in user as the policy sees it. */
export type Actor = {
  accountId: string;
  kind: AccountKind;
  login: string;
  displayName: string;
  organisationId: string | null;
  grants: RoleGrant[];
};
