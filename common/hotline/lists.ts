/**
 * The lists of 12345 requests (国办发〔2020〕53号) with their Chinese and English labels: kinds and
 * their default limits in working days, channels, statuses, assignment roles and statuses, the
 * requester's satisfaction at the revisit, warnings and the steps of a request. Plain values
 * without TypeBox, so the web app imports them as they are.
 */

export type Label = { zh: string; en: string };

/** What a request is. */
export const REQUEST_KINDS = ['consult', 'help', 'suggestion', 'complaint', 'report'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const KIND_LABELS: Record<RequestKind, Label> = {
  consult: { zh: '咨询', en: 'Consultation' },
  help: { zh: '求助', en: 'Request for help' },
  suggestion: { zh: '建议', en: 'Suggestion' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
};
/** The working days each kind allows by default. */
export const KIND_LIMIT_DAYS: Record<RequestKind, number> = {
  consult: 2,
  help: 10,
  suggestion: 10,
  complaint: 15,
  report: 15,
};

/** Where a request came in. */
export const REQUEST_CHANNELS = ['phone', 'web', 'portal', 'miniprogram'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export const CHANNEL_LABELS: Record<RequestChannel, Label> = {
  phone: { zh: '电话', en: 'Phone' },
  web: { zh: '网站', en: 'Website' },
  portal: { zh: '政务服务网', en: 'Service portal' },
  miniprogram: { zh: '小程序', en: 'Mini-program' },
};

/**
 * Where a request stands: received (taken, waiting for an answer or dispatch), answered (a 咨询
 * answered at once, then closed), dispatched (with departments), replied (the primary department
 * replied; waiting for the revisit), revisited, closed, merged (a duplicate of another).
 */
export const REQUEST_STATUSES = [
  'received',
  'answered',
  'dispatched',
  'replied',
  'revisited',
  'closed',
  'merged',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const STATUS_LABELS: Record<RequestStatus, Label> = {
  received: { zh: '待派单', en: 'Received' },
  answered: { zh: '已解答', en: 'Answered' },
  dispatched: { zh: '办理中', en: 'With departments' },
  replied: { zh: '待回访', en: 'Replied' },
  revisited: { zh: '已回访', en: 'Called back' },
  closed: { zh: '已办结', en: 'Closed' },
  merged: { zh: '已合并', en: 'Merged' },
};

/** A department's part in a request: 主办 or 协办. */
export const ASSIGNMENT_ROLES = ['primary', 'assisting'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_ROLE_LABELS: Record<AssignmentRole, Label> = {
  primary: { zh: '主办', en: 'Primary' },
  assisting: { zh: '协办', en: 'Assisting' },
};

/**
 * Where an assignment stands: assigned (in the inbox), returned (退单, waiting for the office's
 * review), replied, withdrawn (the office accepted the return or re-dispatched).
 */
export const ASSIGNMENT_STATUSES = ['assigned', 'returned', 'replied', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, Label> = {
  assigned: { zh: '待办理', en: 'Assigned' },
  returned: { zh: '已退单', en: 'Returned' },
  replied: { zh: '已答复', en: 'Replied' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The requester's word at the revisit (回访). */
export const SATISFACTIONS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, Label> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

/** none | yellow (due today) | red (past its due day). */
export const WARNINGS = ['none', 'yellow', 'red'] as const;
export type Warning = (typeof WARNINGS)[number];
export const WARNING_LABELS: Record<Warning, Label> = {
  none: { zh: '正常', en: 'On time' },
  yellow: { zh: '黄牌预警', en: 'Due today' },
  red: { zh: '红牌超期', en: 'Overdue' },
};

/** The steps of a request, as its history shows them. */
export const EVENT_KINDS = [
  'received',
  'answered',
  'dispatched',
  'returned',
  'returnAccepted',
  'returnRejected',
  'redispatched',
  'replied',
  'assistReplied',
  'revisited',
  'reopened',
  'closed',
  'merged',
  'escalated',
  'urged',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_LABELS: Record<EventKind, Label> = {
  received: { zh: '受理登记', en: 'Received' },
  answered: { zh: '即时解答', en: 'Answered at once' },
  dispatched: { zh: '派单', en: 'Dispatched' },
  returned: { zh: '退单', en: 'Returned' },
  returnAccepted: { zh: '同意退单', en: 'Return accepted' },
  returnRejected: { zh: '驳回退单', en: 'Return rejected' },
  redispatched: { zh: '改派', en: 'Re-dispatched' },
  replied: { zh: '主办答复', en: 'Replied' },
  assistReplied: { zh: '协办答复', en: 'Assisting reply' },
  revisited: { zh: '回访', en: 'Called back' },
  reopened: { zh: '不满意重办', en: 'Reopened' },
  closed: { zh: '办结', en: 'Closed' },
  merged: { zh: '合并', en: 'Merged' },
  escalated: { zh: '超期督办', en: 'Escalated' },
  urged: { zh: '督办', en: 'Urged' },
};

export const TITLE_MAX = 200;
export const CONTENT_MAX = 4000;
export const TEXT_MAX = 2000;
/** The longest 督办意见. */
export const URGE_NOTE_MAX = 500;

/** The figures of the 12345 statistics, each with its name and how it is computed (计算方法). */
export const HOTLINE_FIGURES = [
  'received',
  'immediateRate',
  'onTimeRate',
  'overdue',
  'returned',
  'satisfactionRate',
] as const;
export type HotlineFigure = (typeof HOTLINE_FIGURES)[number];
export const HOTLINE_FIGURE_LABELS: Record<HotlineFigure, { name: Label; method: Label }> = {
  received: {
    name: { zh: '受理量', en: 'Received' },
    method: {
      zh: '当月受理的工单数（按类别分列），合并的重复工单不计',
      en: 'Requests received in the month, by kind; merged duplicates are not counted',
    },
  },
  immediateRate: {
    name: { zh: '即时办结率', en: 'Answered at once' },
    method: {
      zh: '话务员即时解答的工单数 ÷ 咨询类工单数',
      en: 'Requests the operator answered at once ÷ consultations',
    },
  },
  onTimeRate: {
    name: { zh: '按时办结率', en: 'Done on time' },
    method: {
      zh: '在办理期限内答复或解答的工单数 ÷（已答复或解答的工单数 + 超过期限仍未答复的工单数）',
      en: 'Replied or answered by the due day ÷ (replied or answered + past the due day and still open)',
    },
  },
  overdue: {
    name: { zh: '超期', en: 'Overdue' },
    method: {
      zh: '超过办理期限仍未答复的工单数 + 超过期限后才答复的工单数',
      en: 'Past the due day and still open, plus replied after the due day',
    },
  },
  returned: {
    name: { zh: '退单', en: 'Returned' },
    method: {
      zh: '承办部门退回工单（退单）的次数',
      en: 'Times a department returned a request (退单)',
    },
  },
  satisfactionRate: {
    name: { zh: '回访满意率', en: 'Satisfaction' },
    method: {
      zh: '（满意 + 基本满意）÷ 已回访的工单数',
      en: '(Satisfied + basically satisfied) ÷ requests called back',
    },
  },
};
