import type { Actor } from './actor.ts';

/** Everything the policy can be asked about. */
export type Action =
  | 'workbench.use'
  | 'region.read'
  | 'region.manage'
  | 'organisation.read'
  | 'organisation.manage'
  | 'hall.manage'
  | 'account.read'
  | 'account.manage'
  | 'audit.read';

/** Where the resource lives, as far as the policy needs to know. */
export type Resource = {
  /** The organisation that owns the resource. */
  organisationId?: string | null;
  /** Region path of the resource ('610000/610100/610102'). */
  regionPath?: string | null;
  /** The account that owns the resource (an applicant's own data). */
  ownerAccountId?: string | null;
};

/** May this user do this action on this resource? */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  void resource;
  return actor.grants.some((g) => g.role === 'system_admin') || action === 'workbench.use';
}
