import type { Role } from '../roles.ts';

/** Statuses of a case (办件). */
export const CASE_STATUSES = [
  'draft',
  'submitted',
  'needs_supplement',
  'not_accepted',
  'accepted',
  'accepted_with_gaps',
  'in_review',
  'suspended',
  'escalated',
  'approved',
  'approved_on_promise',
  'verified',
  'revoked',
  'denied',
  'concluded',
  'delivered',
  'withdrawn',
  'terminated',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '草稿',
  submitted: '已提交待受理',
  needs_supplement: '待补正',
  not_accepted: '不予受理',
  accepted: '已受理',
  accepted_with_gaps: '容缺受理',
  in_review: '审查中',
  suspended: '特别程序（暂停计时）',
  escalated: '已上报',
  approved: '准予许可',
  approved_on_promise: '告知承诺准予许可',
  verified: '承诺已核查',
  revoked: '已撤销',
  denied: '不予许可',
  concluded: '已办结',
  delivered: '已送达',
  withdrawn: '已撤回',
  terminated: '已终止',
};

/** Statuses in which the case is finished: no action but what the table lists moves it on. */
export const FINAL_STATUSES: readonly CaseStatus[] = [
  'not_accepted',
  'revoked',
  'denied',
  'delivered',
  'withdrawn',
  'terminated',
];

/** Statuses whose case is still being handled (the clock runs, warnings apply). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'accepted',
  'accepted_with_gaps',
  'in_review',
  'escalated',
  'approved',
];

/** What the guards need to know about the case. */
export type CaseFacts = {
  caseType: 'immediate' | 'promised' | 'escalated';
  /** Material keys accepted with gaps (容缺) and not yet supplied. */
  openGaps: number;
  /** The matter allows approval on a signed promise (告知承诺). */
  promiseAllowed: boolean;
  /** The applicant has an unlifted credit record from a false promise. */
  promiseBarred: boolean;
};

/** Why a guard refuses: the error code the service answers with. */
export type Refusal =
  | 'case.transition_not_allowed'
  | 'case.result_held'
  | 'case.no_gaps'
  | 'case.promise_not_allowed'
  | 'case.promise_barred';

type Guard = (facts: CaseFacts, from: CaseStatus) => Refusal | null;

export type ActionRule = {
  label: string;
  from: readonly CaseStatus[];
  /** The status after the action; a function when it depends on the case. */
  to: CaseStatus | ((facts: CaseFacts, from: CaseStatus) => CaseStatus);
  roles: readonly Role[];
  guard?: Guard;
};

const PRE_REVIEWERS: readonly Role[] = ['window_clerk', 'department_reviewer'];
const DECIDERS: readonly Role[] = ['department_reviewer', 'department_head'];
const APPLICANT_SIDE: readonly Role[] = ['applicant', 'agent'];
/** Before a decision: the case can still be withdrawn or terminated. */
const UNDECIDED: readonly CaseStatus[] = [
  'submitted',
  'needs_supplement',
  'accepted',
  'accepted_with_gaps',
  'in_review',
  'suspended',
];

/** 双向速递: paper originals may be posted to the hall, and received there, until the result is out. */
const ORIGINALS_OPEN: readonly CaseStatus[] = [...UNDECIDED, 'escalated', 'approved', 'approved_on_promise'];

/** Under review in the department: assigned to a reviewer, who may be changed. */
const UNDER_REVIEW: readonly CaseStatus[] = ['in_review', 'suspended'];

const immediateOnlyFromAccepted: Guard = (facts, from) =>
  (from === 'accepted' || from === 'accepted_with_gaps') && facts.caseType !== 'immediate'
    ? 'case.transition_not_allowed'
    : null;

/** Every action on a case: from where, to where, who, and under which condition. */
export const CASE_ACTIONS = {
  submit: { label: '提交申请', from: ['draft'], to: 'submitted', roles: [...APPLICANT_SIDE, 'window_clerk'] },
  accept: { label: '受理', from: ['submitted'], to: 'accepted', roles: PRE_REVIEWERS },
  accept_with_gaps: {
    label: '容缺受理',
    from: ['submitted'],
    to: 'accepted_with_gaps',
    roles: PRE_REVIEWERS,
    guard: (facts) => (facts.openGaps > 0 ? null : 'case.no_gaps'),
  },
  not_accept: { label: '不予受理', from: ['submitted'], to: 'not_accepted', roles: PRE_REVIEWERS },
  request_supplement: {
    label: '一次性告知补正',
    from: ['submitted'],
    to: 'needs_supplement',
    roles: PRE_REVIEWERS,
  },
  resubmit: {
    label: '补正后重新提交',
    from: ['needs_supplement'],
    to: 'submitted',
    roles: [...APPLICANT_SIDE, 'window_clerk'],
  },
  start_review: {
    label: '分派审查',
    from: ['accepted', 'accepted_with_gaps'],
    to: 'in_review',
    roles: DECIDERS,
  },
  approve: {
    label: '准予许可',
    from: ['in_review', 'escalated', 'accepted', 'accepted_with_gaps'],
    to: 'approved',
    roles: [...DECIDERS, 'window_clerk'],
    guard: immediateOnlyFromAccepted,
  },
  deny: {
    label: '不予许可',
    from: ['in_review', 'escalated', 'accepted', 'accepted_with_gaps'],
    to: 'denied',
    roles: [...DECIDERS, 'window_clerk'],
    guard: immediateOnlyFromAccepted,
  },
  suspend: { label: '特别程序（暂停计时）', from: ['in_review'], to: 'suspended', roles: DECIDERS },
  resume: { label: '特别程序结束（恢复计时）', from: ['suspended'], to: 'in_review', roles: DECIDERS },
  /** 改派: the head gives a case under review to another reviewer of the department; the status stays. */
  reassign: {
    label: '改派',
    from: UNDER_REVIEW,
    to: (_facts, from) => from,
    roles: ['department_head'],
  },
  /** 退回改派: the reviewer it is assigned to gives it back to the head for reassignment. */
  hand_back: {
    label: '退回改派',
    from: UNDER_REVIEW,
    to: (_facts, from) => from,
    roles: ['department_reviewer'],
  },
  escalate: { label: '上报上级机关', from: ['in_review'], to: 'escalated', roles: ['department_head'] },
  withdraw: {
    label: '撤回申请',
    from: ['draft', ...UNDECIDED],
    to: 'withdrawn',
    roles: APPLICANT_SIDE,
  },
  terminate: {
    label: '终止办理',
    from: [...UNDECIDED, 'escalated'],
    to: 'terminated',
    roles: ['department_head'],
  },
  supply_gap: {
    label: '补齐容缺材料',
    from: ['accepted_with_gaps', 'in_review', 'suspended', 'escalated', 'approved'],
    to: (facts, from) => (from === 'accepted_with_gaps' && facts.openGaps === 0 ? 'accepted' : from),
    roles: [...APPLICANT_SIDE, 'window_clerk'],
  },
  conclude: {
    label: '办结',
    from: ['approved', 'verified'],
    to: 'concluded',
    roles: ['window_clerk', ...DECIDERS],
    guard: (facts) => (facts.openGaps > 0 ? 'case.result_held' : null),
  },
  deliver: { label: '送达', from: ['concluded'], to: 'delivered', roles: ['window_clerk', ...DECIDERS] },
  /** 寄送原件: the tracking number of originals posted to the hall (the applicant's, or entered by staff); no visit. */
  post_originals: {
    label: '邮寄原件',
    from: ORIGINALS_OPEN,
    to: (_facts, from) => from,
    roles: [...APPLICANT_SIDE, ...PRE_REVIEWERS],
  },
  /** 原件收件: the hall (or the department) records the parcel of originals received; no visit. */
  receive_originals: {
    label: '原件收件',
    from: ORIGINALS_OPEN,
    to: (_facts, from) => from,
    roles: PRE_REVIEWERS,
  },
  approve_on_promise: {
    label: '告知承诺当场准予',
    from: ['submitted'],
    to: 'approved_on_promise',
    roles: PRE_REVIEWERS,
    guard: (facts) =>
      !facts.promiseAllowed ? 'case.promise_not_allowed' : facts.promiseBarred ? 'case.promise_barred' : null,
  },
  verify: { label: '承诺核查属实', from: ['approved_on_promise'], to: 'verified', roles: DECIDERS },
  revoke: { label: '承诺不实，撤销许可', from: ['approved_on_promise'], to: 'revoked', roles: DECIDERS },
} as const satisfies Record<string, ActionRule>;

export type CaseAction = keyof typeof CASE_ACTIONS;
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as CaseAction[];

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; refusal: Refusal };

/**
 * Where the action takes a case in `from`, or why it may not. Pure: the caller checks who
 * acts (`rolesFor`) and where (the policy).
 */
export function transition(from: CaseStatus, action: CaseAction, facts: CaseFacts): TransitionResult {
  const rule: ActionRule = CASE_ACTIONS[action];
  if (!rule.from.includes(from)) return { ok: false, refusal: 'case.transition_not_allowed' };
  const refusal = rule.guard?.(facts, from) ?? null;
  if (refusal) return { ok: false, refusal };
  const to = typeof rule.to === 'function' ? rule.to(facts, from) : rule.to;
  return { ok: true, to };
}

/** The roles that may do the action (anywhere the policy lets them). */
export function rolesFor(action: CaseAction): readonly Role[] {
  return CASE_ACTIONS[action].roles;
}

/** The actions that could apply to a case in this status, for the buttons a page shows. */
export function actionsFrom(from: CaseStatus): CaseAction[] {
  return CASE_ACTION_NAMES.filter((a) => (CASE_ACTIONS[a].from as readonly CaseStatus[]).includes(from));
}
