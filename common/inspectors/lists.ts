/**
 * The lists of 政务服务体验官 with their Chinese and English labels: where an application stands,
 * the channels a task or a finding is on, task statuses, the categories and statuses of findings
 * (找茬), warnings and the steps of a finding. Plain values without TypeBox, so the web app imports
 * them as they are.
 */

export type Label = { zh: string; en: string };

/** Where a 体验官 (an application) stands. */
export const INSPECTOR_STATUSES = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type InspectorStatus = (typeof INSPECTOR_STATUSES)[number];
export const INSPECTOR_STATUS_LABELS: Record<InspectorStatus, Label> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  suspended: { zh: '已暂停', en: 'Suspended' },
};

/** The supervisor's decision on an application (or on an approved 体验官: suspend). */
export const DECISIONS = ['approve', 'reject', 'suspend'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, Label> = {
  approve: { zh: '通过', en: 'Approve' },
  reject: { zh: '不通过', en: 'Reject' },
  suspend: { zh: '暂停资格', en: 'Suspend' },
};

/** The channel a matter is tried through (a task) or a fault was met on (a finding). */
export const CHANNELS = ['online', 'window', 'kiosk', 'phone', 'hotline'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, Label> = {
  online: { zh: '网上办理', en: 'Online' },
  window: { zh: '窗口办理', en: 'At a window' },
  kiosk: { zh: '自助终端', en: 'Self-service kiosk' },
  phone: { zh: '电话咨询', en: 'By phone' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
};

/** Where a task stands. */
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, Label> = {
  open: { zh: '进行中', en: 'Open' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** What a finding is about. */
export const FINDING_CATEGORIES = ['guide', 'form', 'system', 'service', 'efficiency', 'other'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<FindingCategory, Label> = {
  guide: { zh: '办事指南', en: 'Service guide' },
  form: { zh: '申请表单', en: 'Application form' },
  system: { zh: '系统功能', en: 'System function' },
  service: { zh: '窗口服务', en: 'Window service' },
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Where a finding stands: submitted (waiting for the supervisor to assign it), assigned (with a
 * department, being rectified), rectified (waiting for the 体验官 to confirm), closed (confirmed and
 * published), rejected (not accepted by the supervisor).
 */
export const FINDING_STATUSES = ['submitted', 'assigned', 'rectified', 'closed', 'rejected'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_STATUS_LABELS: Record<FindingStatus, Label> = {
  submitted: { zh: '待分派', en: 'Submitted' },
  assigned: { zh: '整改中', en: 'Being rectified' },
  rectified: { zh: '待确认', en: 'Rectified' },
  closed: { zh: '已办结', en: 'Closed' },
  rejected: { zh: '不予受理', en: 'Rejected' },
};

/** none | yellow (due today or one working day left) | red (past its due day). */
export const WARNINGS = ['none', 'yellow', 'red'] as const;
export type Warning = (typeof WARNINGS)[number];
export const WARNING_LABELS: Record<Warning, Label> = {
  none: { zh: '正常', en: 'On time' },
  yellow: { zh: '黄牌预警', en: 'Due soon' },
  red: { zh: '红牌超期', en: 'Overdue' },
};

/** The steps of a finding, as its timeline shows them. */
export const EVENT_KINDS = [
  'submitted',
  'assigned',
  'rejected',
  'rectified',
  'reopened',
  'closed',
  'warned',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_LABELS: Record<EventKind, Label> = {
  submitted: { zh: '提交问题', en: 'Submitted' },
  assigned: { zh: '分派整改', en: 'Assigned' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  rectified: { zh: '整改完成', en: 'Rectified' },
  reopened: { zh: '确认未整改到位，退回重新整改', en: 'Sent back for rectification' },
  closed: { zh: '确认办结并公开', en: 'Confirmed, closed and published' },
  warned: { zh: '超期预警', en: 'Warning' },
};

/** At most this many screenshots on a finding. */
export const SCREENSHOTS_MAX = 6;
export const TITLE_MAX = 100;
export const TEXT_MAX = 2000;
export const REASON_MAX = 500;
/** Published findings per page. */
export const PUBLISHED_PAGE_SIZE = 20;
