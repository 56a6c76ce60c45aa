import type { Role } from '../../../common/roles.ts';
import type { Me } from '../accounts/types.ts';

export type WorkbenchPage =
  | 'home'
  | 'intake'
  | 'calling'
  | 'agentApply'
  | 'agentCases'
  | 'review'
  | 'warnings'
  | 'credit'
  | 'certificates'
  | 'issuedCertificates'
  | 'catalogue'
  | 'catalogueReview'
  | 'catalogueStatistics'
  | 'regions'
  | 'organisations'
  | 'halls'
  | 'appointmentSettings'
  | 'todayAppointments'
  | 'hallBoard'
  | 'hallFigures'
  | 'reception'
  | 'helpRequests'
  | 'evaluator'
  | 'revisits'
  | 'hotline'
  | 'hotlineTasks'
  | 'hotlineEscalated'
  | 'hotlineFigures'
  | 'hotlineFaq'
  | 'inspectors'
  | 'inspectorFindings'
  | 'inspectorRectify'
  | 'assessment'
  | 'statistics'
  | 'accounts'
  | 'registries'
  | 'audit'
  | 'regionSettings'
  | 'bigScreen';

/** Which roles see which page of the workbench; the server checks again on every request. */
const PAGE_ROLES: Record<WorkbenchPage, readonly Role[] | 'any'> = {
  home: 'any',
  intake: ['window_clerk'],
  calling: ['window_clerk'],
  agentApply: ['agent'],
  agentCases: ['agent'],
  review: ['department_reviewer', 'department_head'],
  warnings: ['department_head', 'hall_manager', 'supervisor'],
  credit: ['department_head', 'supervisor'],
  certificates: ['agent', 'window_clerk', 'department_reviewer', 'department_head'],
  issuedCertificates: ['department_reviewer', 'department_head', 'supervisor'],
  catalogue: ['catalogue_editor', 'system_admin'],
  catalogueReview: ['catalogue_reviewer', 'system_admin'],
  catalogueStatistics: ['supervisor', 'catalogue_reviewer', 'system_admin'],
  regions: ['system_admin'],
  organisations: ['system_admin', 'supervisor'],
  halls: ['hall_manager', 'system_admin'],
  appointmentSettings: ['hall_manager'],
  todayAppointments: ['window_clerk', 'hall_manager'],
  hallBoard: ['hall_manager', 'supervisor'],
  hallFigures: ['hall_manager', 'supervisor'],
  reception: ['window_clerk', 'hall_manager'],
  helpRequests: ['agent', 'window_clerk', 'hall_manager'],
  evaluator: ['window_clerk'],
  revisits: ['department_head', 'department_reviewer', 'supervisor'],
  hotline: ['hotline_operator'],
  hotlineTasks: ['department_head', 'department_reviewer'],
  hotlineEscalated: ['supervisor'],
  hotlineFigures: ['supervisor', 'hotline_operator', 'system_admin'],
  hotlineFaq: ['hotline_operator'],
  inspectors: ['supervisor'],
  inspectorFindings: ['supervisor'],
  inspectorRectify: ['department_head', 'department_reviewer'],
  assessment: ['supervisor', 'system_admin'],
  statistics: ['supervisor', 'system_admin'],
  accounts: ['system_admin'],
  registries: ['system_admin'],
  audit: ['system_admin', 'supervisor'],
  regionSettings: ['supervisor', 'system_admin'],
  bigScreen: ['supervisor', 'system_admin'],
};

export const PAGE_ORDER: readonly WorkbenchPage[] = [
  'home',
  'calling',
  'intake',
  'agentApply',
  'agentCases',
  'review',
  'warnings',
  'credit',
  'certificates',
  'issuedCertificates',
  'catalogue',
  'catalogueReview',
  'catalogueStatistics',
  'regions',
  'organisations',
  'halls',
  'appointmentSettings',
  'todayAppointments',
  'hallBoard',
  'hallFigures',
  'reception',
  'helpRequests',
  'evaluator',
  'revisits',
  'hotline',
  'hotlineTasks',
  'hotlineEscalated',
  'hotlineFigures',
  'hotlineFaq',
  'inspectors',
  'inspectorFindings',
  'inspectorRectify',
  'assessment',
  'statistics',
  'accounts',
  'registries',
  'audit',
  'regionSettings',
  'bigScreen',
];

export function rolesOf(me: Me): Set<Role> {
  return new Set(me.roles.map((r) => r.role));
}

export function mayOpen(me: Me, page: WorkbenchPage): boolean {
  const allowed = PAGE_ROLES[page];
  if (allowed === 'any') return true;
  const roles = rolesOf(me);
  return allowed.some((r) => roles.has(r));
}

/** The pages of the user's menu, in menu order. */
export function pagesFor(me: Me): WorkbenchPage[] {
  return PAGE_ORDER.filter((page) => mayOpen(me, page));
}

/** Whether the user may change what a page shows (otherwise it is read-only). */
export function mayManage(me: Me, page: 'regions' | 'organisations' | 'halls' | 'accounts'): boolean {
  const roles = rolesOf(me);
  if (roles.has('system_admin')) return true;
  return page === 'halls' && roles.has('hall_manager');
}

const PATHS: Partial<Record<WorkbenchPage, string>> = {
  home: '/workbench',
  agentApply: '/workbench/agent/apply',
  agentCases: '/workbench/agent/cases',
  catalogueReview: '/workbench/catalogue-review',
  catalogueStatistics: '/workbench/catalogue-statistics',
  issuedCertificates: '/workbench/issued-certificates',
  appointmentSettings: '/workbench/appointment-settings',
  todayAppointments: '/workbench/appointments-today',
  hallBoard: '/workbench/hall-board',
  hallFigures: '/workbench/hall-figures',
  helpRequests: '/workbench/help-requests',
  hotlineTasks: '/workbench/hotline-tasks',
  hotlineEscalated: '/workbench/hotline-escalated',
  hotlineFigures: '/workbench/hotline-figures',
  hotlineFaq: '/workbench/hotline-faq',
  inspectorFindings: '/workbench/inspector-findings',
  inspectorRectify: '/workbench/inspector-rectify',
  regionSettings: '/workbench/region-settings',
  // The big screen runs full screen outside the workbench: the menu opens it in a new tab.
  bigScreen: '/screen',
};

export function pathOf(page: WorkbenchPage): string {
  return PATHS[page] ?? `/workbench/${page}`;
}

/** The pages a case page (/workbench/cases/:id) may be opened from, in the order they are preferred. */
const CASE_PAGES: readonly WorkbenchPage[] = ['review', 'intake', 'agentCases', 'warnings'];

const under = (pathname: string, key: string) => pathname === key || pathname.startsWith(`${key}/`);

/**
 * The menu entry a path belongs to: the longest entry the path lies under; for a case, the list
 * it was opened from (`from`), else the user's own case list.
 */
export function menuKeyOf(me: Me, pathname: string, from?: unknown): string {
  const keys = pagesFor(me).map(pathOf);
  if (pathname.startsWith('/workbench/cases/')) {
    const origin =
      typeof from === 'string' ? keys.find((key) => key !== pathOf('home') && under(from, key)) : null;
    const own = CASE_PAGES.find((page) => mayOpen(me, page));
    return origin ?? (own ? pathOf(own) : pathOf('home'));
  }
  return keys.filter((key) => under(pathname, key)).sort((a, b) => b.length - a.length)[0] ?? pathOf('home');
}
