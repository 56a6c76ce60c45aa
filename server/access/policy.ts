import { REGION_WIDE_ROLES, type Role } from '../../common/roles.ts';
import type { Actor, RoleGrant } from './actor.ts';

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
  | 'audit.read'
  | 'audit.verify'
  | 'own_data.read'
  | 'own_data.manage'
  | 'catalogue.basic_matters'
  | 'catalogue.read'
  | 'catalogue.edit'
  | 'catalogue.review';

/** Where the resource lives, as far as the policy needs to know. */
export type Resource = {
  /** The organisation that owns the resource. */
  organisationId?: string | null;
  /** Region path of the resource ('610000/610100/610102'). */
  regionPath?: string | null;
  /** The account that owns the resource (an applicant's own data). */
  ownerAccountId?: string | null;
};

/**
 * How a role's grant must relate to the resource:
 * - anywhere: holding the role is enough;
 * - in_scope: an organisation-scoped grant must name the resource's organisation, a
 *   region-wide grant must cover the resource's region path;
 * - own: the resource must belong to the actor's own account.
 */
type Reach = 'anywhere' | 'in_scope' | 'own';

const STAFF_ROLES: readonly Role[] = [
  'agent',
  'window_clerk',
  'department_reviewer',
  'department_head',
  'hall_manager',
  'supervisor',
  'catalogue_editor',
  'catalogue_reviewer',
  'system_admin',
];

const every = (roles: readonly Role[], reach: Reach): Partial<Record<Role, Reach>> =>
  Object.fromEntries(roles.map((role) => [role, reach]));

/** Which roles may do what, and how far. A role not listed for an action may not do it. */
const RULES: Record<Action, Partial<Record<Role, Reach>>> = {
  'workbench.use': every(STAFF_ROLES, 'anywhere'),
  'region.read': { ...every(STAFF_ROLES, 'anywhere'), applicant: 'anywhere' },
  'region.manage': { system_admin: 'in_scope' },
  'organisation.read': every(STAFF_ROLES, 'in_scope'),
  'organisation.manage': { system_admin: 'in_scope' },
  'hall.manage': { system_admin: 'in_scope', hall_manager: 'in_scope' },
  'account.read': { system_admin: 'in_scope', supervisor: 'in_scope', department_head: 'in_scope' },
  'account.manage': { system_admin: 'in_scope' },
  'audit.read': { system_admin: 'in_scope', supervisor: 'in_scope' },
  'audit.verify': { system_admin: 'anywhere' },
  'own_data.read': { applicant: 'own' },
  'own_data.manage': { applicant: 'own' },
  /** The basic matters (基本目录) are one list for all regions. */
  'catalogue.basic_matters': every(['catalogue_editor', 'catalogue_reviewer', 'system_admin'], 'anywhere'),
  /** Implementations, drafts included: editors of the owning organisation, reviewers of its region. */
  'catalogue.read': every(['catalogue_editor', 'catalogue_reviewer', 'system_admin'], 'in_scope'),
  'catalogue.edit': { catalogue_editor: 'in_scope', system_admin: 'in_scope' },
  'catalogue.review': { catalogue_reviewer: 'in_scope', system_admin: 'in_scope' },
};

/** Does the grant cover where the resource lives? */
function covers(grant: RoleGrant, resource: Resource): boolean {
  if (REGION_WIDE_ROLES.includes(grant.role)) {
    const scope = grant.regionPath;
    const path = resource.regionPath;
    return !!scope && !!path && (path === scope || path.startsWith(`${scope}/`));
  }
  return !!grant.organisationId && grant.organisationId === resource.organisationId;
}

/** May this user do this action on this resource? */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const rule = RULES[action];
  return actor.grants.some((grant) => {
    switch (rule[grant.role]) {
      case 'anywhere':
        return true;
      case 'in_scope':
        return covers(grant, resource);
      case 'own':
        return !!resource.ownerAccountId && resource.ownerAccountId === actor.accountId;
      default:
        return false;
    }
  });
}

/** Where an actor may do an action: organisations and region subtrees it covers, or anywhere. */
export type Scope = { anywhere: boolean; organisationIds: string[]; regionPaths: string[] };

export function scopeOf(actor: Actor, action: Action): Scope {
  const rule = RULES[action];
  const reach: Scope = { anywhere: false, organisationIds: [], regionPaths: [] };
  for (const grant of actor.grants) {
    const kind = rule[grant.role];
    if (kind === 'anywhere') reach.anywhere = true;
    if (kind !== 'in_scope') continue;
    if (REGION_WIDE_ROLES.includes(grant.role)) {
      if (grant.regionPath) reach.regionPaths.push(grant.regionPath);
    } else if (grant.organisationId) {
      reach.organisationIds.push(grant.organisationId);
    }
  }
  return reach;
}

/** All actions, for menus and tests. */
export const ACTIONS = Object.keys(RULES) as Action[];
