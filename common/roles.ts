/** Roles of the platform. */
export const ROLES = [
  'applicant',
  'agent',
  'window_clerk',
  'department_reviewer',
  'department_head',
  'hall_manager',
  'supervisor',
  'catalogue_editor',
  'catalogue_reviewer',
  'system_admin',
  'hotline_operator',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  agent: { zh: '帮办代办员', en: 'Agent' },
  window_clerk: { zh: '窗口工作人员', en: 'Window clerk' },
  department_reviewer: { zh: '部门审核人员', en: 'Department reviewer' },
  department_head: { zh: '部门负责人', en: 'Department head' },
  hall_manager: { zh: '大厅管理员', en: 'Hall manager' },
  supervisor: { zh: '监察人员', en: 'Supervisor' },
  catalogue_editor: { zh: '事项编辑', en: 'Catalogue editor' },
  catalogue_reviewer: { zh: '事项审核员', en: 'Catalogue reviewer' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  hotline_operator: { zh: '12345热线话务员', en: '12345 hotline operator' },
};

/** Roles that hold for a region and its whole subtree rather than one organisation. */
export const REGION_WIDE_ROLES: readonly Role[] = ['supervisor', 'catalogue_reviewer', 'system_admin'];

export const ORGANISATION_KINDS = [
  'department',
  'service_centre',
  'street_centre',
  'community_station',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const REGION_LEVELS = ['province', 'city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const WINDOW_KINDS = ['comprehensive', 'dedicated'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const ACCOUNT_KINDS = ['staff', 'person', 'company'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
