import { CASE_ACTION_NAMES, type CaseAction, rolesFor } from '../../../common/cases/state-machine.ts';
import { REGION_WIDE_ROLES, ROLES, type Role } from '../../../common/roles.ts';
import type { Actor, RoleGrant } from './actor.ts';

/** Everything the policy can be asked about. */
export type Action =
  | 'workbench.use'
  | 'region.read'
  | 'region.manage'
  | 'organisation.read'
  | 'organisation.manage'
  | 'hall.manage'
  | 'hall.figures'
  | 'kiosk.manage'
  | 'account.read'
  | 'account.manage'
  | 'audit.read'
  | 'audit.verify'
  | 'own_data.read'
  | 'own_data.manage'
  | 'catalogue.basic_matters'
  | 'catalogue.read'
  | 'catalogue.edit'
  | 'catalogue.review'
  | 'calendar.manage'
  | 'case.read'
  | 'case.apply'
  | 'case.reveal'
  | 'credit.read'
  | 'credit.lift'
  | 'certificate.hold'
  | 'certificate.read'
  | 'certificate.lookup'
  | 'certificate.list'
  | 'certificate.revoke'
  | 'certificate.keys'
  | 'registry.read'
  | 'registry.manage'
  | 'rating.link'
  | 'rating.hotline'
  | 'rating.revisit'
  | 'rating.review'
  | 'rating.figures'
  | 'hotline.operate'
  | 'hotline.department'
  | 'hotline.supervise'
  | 'hotline.figures'
  | 'inspector.supervise'
  | 'inspector.department'
  | 'region.settings'
  | `case.${CaseAction}`;

/** Where the resource lives, as far as the policy needs to know. */
export type Resource = {
  /** The organisation that owns the resource. */
  organisationId?: string | null;
  /** Region path of the resource ('610000/610100/610102'). */
  regionPath?: string | null;
  /** The account that owns the resource (an applicant's own data). */
  ownerAccountId?: string | null;
  /** The organisation running the hall where a case was handed in at a counter. */
  hallOrganisationId?: string | null;
  /** The agent (帮办代办员) who applied on the owner's behalf. */
  agentAccountId?: string | null;
};

/**
 * How a role's grant must relate to the resource:
 * - anywhere: holding the role is enough;
 * - in_scope: an organisation-scoped grant must name the resource's organisation, a
 *   region-wide grant must cover the resource's region path;
 * - own: the resource must belong to the actor's own account;
 * - hall: an organisation-scoped grant must name the organisation running the resource's hall;
 * - as_agent: the actor must be the agent who applied for the resource's owner.
 */
type Reach = 'anywhere' | 'in_scope' | 'own' | 'hall' | 'as_agent';

const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'applicant');

const every = (roles: readonly Role[], reach: Reach): Partial<Record<Role, Reach>> =>
  Object.fromEntries(roles.map((role) => [role, reach]));

/** How far each role reaches on a case: applicants their own, clerks their hall, departments theirs. */
const CASE_REACH: Partial<Record<Role, Reach>> = {
  applicant: 'own',
  agent: 'as_agent',
  window_clerk: 'hall',
  department_reviewer: 'in_scope',
  department_head: 'in_scope',
  hall_manager: 'hall',
  supervisor: 'in_scope',
  system_admin: 'in_scope',
};

/** The case transitions: the roles of the state machine, each with its case reach. */
const CASE_TRANSITION_RULES = Object.fromEntries(
  CASE_ACTION_NAMES.map((action) => [
    `case.${action}`,
    Object.fromEntries(rolesFor(action).map((role) => [role, CASE_REACH[role]])),
  ]),
) as Record<`case.${CaseAction}`, Partial<Record<Role, Reach>>>;

/** Which roles may do what, and how far. A role not listed for an action may not do it. */
const RULES: Record<Action, Partial<Record<Role, Reach>>> = {
  'workbench.use': every(STAFF_ROLES, 'anywhere'),
  'region.read': { ...every(STAFF_ROLES, 'anywhere'), applicant: 'anywhere' },
  'region.manage': { system_admin: 'in_scope' },
  'organisation.read': every(STAFF_ROLES, 'in_scope'),
  'organisation.manage': { system_admin: 'in_scope' },
  'hall.manage': { system_admin: 'in_scope', hall_manager: 'in_scope' },
  /** A hall's live board (大厅实况) and figures (大厅统计): its managers, supervisors and administrators of its region. */
  'hall.figures': { system_admin: 'in_scope', hall_manager: 'in_scope', supervisor: 'in_scope' },
  /** Self-service kiosks of a hall: registered and deactivated by the hall's managers. */
  'kiosk.manage': { system_admin: 'in_scope', hall_manager: 'in_scope' },
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
  /** The working calendar (holidays, 调休, local overrides) is one for the whole platform. */
  'calendar.manage': { system_admin: 'anywhere' },
  /** Cases (办件): the department decides, the hall accepts and hands out, supervisors watch their region. */
  'case.read': CASE_REACH,
  /** Applying: applicants for themselves, agents and window clerks for anyone who asks them. */
  'case.apply': { applicant: 'own', agent: 'anywhere', window_clerk: 'anywhere' },
  /**
   * The full ID number, phone or address of a case (each view audited): those who act on it for
   * the applicant or decide it. Supervisors, hall managers and administrators see them masked.
   */
  'case.reveal': {
    agent: 'as_agent',
    window_clerk: 'hall',
    department_reviewer: 'in_scope',
    department_head: 'in_scope',
  },
  /** Credit records (告知承诺 失信): the head of the department whose case made one, supervisors of the region. */
  'credit.read': { department_head: 'in_scope', supervisor: 'in_scope' },
  'credit.lift': { department_head: 'in_scope', supervisor: 'in_scope' },
  /** The population and legal-entity bases (人口库 / 法人库) are one for the whole platform. */
  'registry.read': { system_admin: 'anywhere' },
  'registry.manage': { system_admin: 'anywhere' },
  /** 电子证照: holders their own (wallet, download, 用证授权). */
  'certificate.hold': { applicant: 'own' },
  /** A certificate by id: its holder, the issuing department, supervisors and administrators of its region. */
  'certificate.read': {
    applicant: 'own',
    department_reviewer: 'in_scope',
    department_head: 'in_scope',
    supervisor: 'in_scope',
    system_admin: 'in_scope',
  },
  /** Looking a holder up: the answer holds only what the holder authorised (filtered in the service). */
  'certificate.lookup': every(
    ['agent', 'window_clerk', 'department_reviewer', 'department_head'],
    'anywhere',
  ),
  /** 已发证照: the certificates an organisation issued, for its department and the supervisors of its region. */
  'certificate.list': {
    department_reviewer: 'in_scope',
    department_head: 'in_scope',
    supervisor: 'in_scope',
  },
  /** Revocation: the head of the issuing department, or an administrator of its region. */
  'certificate.revoke': { department_head: 'in_scope', system_admin: 'in_scope' },
  /** Rotating an organisation's seal key. */
  'certificate.keys': { system_admin: 'in_scope' },
  /** 好差评 SMS links: those who handle the case (its hall, its department) and administrators. */
  'rating.link': {
    window_clerk: 'hall',
    hall_manager: 'hall',
    department_reviewer: 'in_scope',
    department_head: 'in_scope',
    system_admin: 'in_scope',
  },
  /** Ratings given by phone, entered by 12345 operators. */
  'rating.hotline': { hotline_operator: 'anywhere' },
  /** The revisit of a 差评: the department that handled the case; supervisors of its region watch. */
  'rating.revisit': { department_head: 'in_scope', department_reviewer: 'in_scope' },
  /** Whether a 差评 was mistaken or malicious: the supervisors of the case's region. */
  'rating.review': { supervisor: 'in_scope' },
  /** 好差评 figures of an organisation, hall or region. */
  'rating.figures': {
    department_head: 'in_scope',
    hall_manager: 'in_scope',
    supervisor: 'in_scope',
    system_admin: 'in_scope',
  },
  /** 12345 requests: operators take, answer, dispatch, review returns, re-dispatch, merge and call back. */
  'hotline.operate': { hotline_operator: 'anywhere' },
  /** A department's 12345 inbox: its head and reviewers reply or return what was assigned to it. */
  'hotline.department': { department_head: 'in_scope', department_reviewer: 'in_scope' },
  /** The supervisors of a region read its 12345 requests and the overdue ones escalated to them. */
  'hotline.supervise': { supervisor: 'in_scope' },
  /** 12345 figures of a region. */
  'hotline.figures': { hotline_operator: 'anywhere', supervisor: 'in_scope', system_admin: 'in_scope' },
  /** 体验官: the supervisors of a region approve applicants, give tasks and assign their findings. */
  'inspector.supervise': { supervisor: 'in_scope', system_admin: 'in_scope' },
  /** A 体验官 finding assigned to a department: its head and reviewers rectify it. */
  'inspector.department': { department_head: 'in_scope', department_reviewer: 'in_scope' },
  /** Per-region settings of evaluation, 12345 limits, 体验官 findings and assessment weights. */
  'region.settings': { supervisor: 'in_scope', system_admin: 'in_scope' },
  ...CASE_TRANSITION_RULES,
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
      case 'hall':
        return !!grant.organisationId && grant.organisationId === resource.hallOrganisationId;
      case 'as_agent':
        return !!resource.agentAccountId && resource.agentAccountId === actor.accountId;
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

/** Where an actor may do an action on cases: the scope plus halls, own cases and cases applied for as agent. */
export type CaseScope = Scope & { hallOrganisationIds: string[]; own: boolean; asAgent: boolean };

export function caseScopeOf(actor: Actor, action: Action): CaseScope {
  const rule = RULES[action];
  const reach: CaseScope = { ...scopeOf(actor, action), hallOrganisationIds: [], own: false, asAgent: false };
  for (const grant of actor.grants) {
    const kind = rule[grant.role];
    if (kind === 'hall' && grant.organisationId) reach.hallOrganisationIds.push(grant.organisationId);
    if (kind === 'own') reach.own = true;
    if (kind === 'as_agent') reach.asAgent = true;
  }
  return reach;
}

/** All actions, for menus and tests. */
export const ACTIONS = Object.keys(RULES) as Action[];
