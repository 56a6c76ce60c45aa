import { Type } from 'typebox';
import { DateTime, Id, Nullable } from '../api.ts';

/**
 * The API shapes of 好差评 (国办发〔2019〕51号, GB/T 39734/39735): ratings of a case at acceptance
 * and conclusion, revisits of a 差评, SMS links, the 12345 hotline and the monthly figures. The lists
 * (levels, problems, sub-ratings) carry their Chinese and English labels so the web uses the same.
 */

export type Label = { zh: string; en: string };

/** The stages a case is rated at. */
export const RATING_STAGES = ['accepted', 'concluded'] as const;
export type RatingStage = (typeof RATING_STAGES)[number];
export const STAGE_LABELS: Record<RatingStage, Label> = {
  accepted: { zh: '受理环节', en: 'Acceptance' },
  concluded: { zh: '办结环节', en: 'Conclusion' },
};

/** Levels 5…1; 1 and 2 are 差评. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const LEVEL_LABELS: Record<RatingLevel, Label> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};
/** A 差评: level 1 or 2. */
export const isBadLevel = (level: number): boolean => level <= 2;

/** What went wrong, for a 差评 (at least one). */
export const PROBLEMS = [
  'slow',
  'repeatedVisits',
  'unclearGuide',
  'attitude',
  'extraMaterials',
  'systemIssue',
  'other',
] as const;
export type Problem = (typeof PROBLEMS)[number];
export const PROBLEM_LABELS: Record<Problem, Label> = {
  slow: { zh: '办理时间长', en: 'Took too long' },
  repeatedVisits: { zh: '多次跑动', en: 'Had to come more than once' },
  unclearGuide: { zh: '指南不清楚', en: 'Unclear guide' },
  attitude: { zh: '服务态度差', en: 'Poor attitude' },
  extraMaterials: { zh: '要求额外材料', en: 'Asked for extra materials' },
  systemIssue: { zh: '系统故障', en: 'System failure' },
  other: { zh: '其他', en: 'Other' },
};

/** Where a rating came from. */
export const RATING_CHANNELS = ['online', 'window', 'sms', 'kiosk', 'hotline', 'default'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];
export const CHANNEL_LABELS: Record<RatingChannel, Label> = {
  online: { zh: '网上评价', en: 'Online' },
  window: { zh: '窗口评价器', en: 'Window tablet' },
  sms: { zh: '短信评价', en: 'SMS' },
  kiosk: { zh: '自助终端', en: 'Kiosk' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
  default: { zh: '默认好评', en: 'Default' },
};

/** The sub-ratings of the online, SMS, kiosk (and hotline) channels. */
export const ONLINE_SUB_SCORES = [
  'overall',
  'efficiency',
  'guideAccuracy',
  'convenience',
  'usability',
] as const;
/** The sub-ratings of a window (评价器) rating. */
export const WINDOW_SUB_SCORES = ['overall', 'efficiency', 'skill', 'attitude'] as const;
export type SubScoreKey = (typeof ONLINE_SUB_SCORES)[number] | (typeof WINDOW_SUB_SCORES)[number];
export const SUB_SCORE_LABELS: Record<SubScoreKey, Label> = {
  overall: { zh: '整体满意度', en: 'Overall satisfaction' },
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  guideAccuracy: { zh: '办事指南精确度', en: 'Accuracy of the guide' },
  convenience: { zh: '办事便捷度', en: 'Convenience' },
  usability: { zh: '平台操作性', en: 'Ease of use' },
  skill: { zh: '服务水平', en: 'Skill' },
  attitude: { zh: '服务态度', en: 'Attitude' },
};
/** Window sub-ratings whose label differs from the online one. */
export const WINDOW_SUB_SCORE_LABELS: Partial<Record<SubScoreKey, Label>> = {
  efficiency: { zh: '服务效率', en: 'Service efficiency' },
};
/** The sub-rating keys a channel asks for. */
export const subScoreKeys = (channel: RatingChannel): readonly SubScoreKey[] =>
  channel === 'window' ? WINDOW_SUB_SCORES : ONLINE_SUB_SCORES;

export const COMMENT_MAX = 500;

const Level = Type.Integer({ minimum: 1, maximum: 5 });
const Stage = Type.Enum(RATING_STAGES);
const SubScores = Type.Record(Type.String({ maxLength: 40 }), Level, { maxProperties: 10 });

/** The body of a rating from any channel. */
export const RatingBody = Type.Object(
  {
    stage: Stage,
    level: Level,
    subScores: SubScores,
    problems: Type.Optional(
      Type.Array(Type.Enum(PROBLEMS), { maxItems: PROBLEMS.length, uniqueItems: true }),
    ),
    comment: Type.Optional(Type.String({ maxLength: COMMENT_MAX })),
  },
  { additionalProperties: false },
);

/** The revisit a 差评 opened, as the rater sees it. */
export const RevisitBrief = Type.Object({
  /** open | contacted | rectified */
  status: Type.String(),
  contactedAt: Nullable(DateTime),
  rectifiedAt: Nullable(DateTime),
  outcome: Nullable(Type.String()),
});

export const RatingView = Type.Object({
  id: Type.String(),
  stage: Stage,
  level: Level,
  subScores: Type.Record(Type.String(), Type.Integer()),
  problems: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  channel: Type.Enum(RATING_CHANNELS),
  isDefault: Type.Boolean(),
  /** valid | voided */
  status: Type.String(),
  createdAt: DateTime,
  revisit: Nullable(RevisitBrief),
});

/** GET /api/ratings/cases/:caseId: per stage, whether it can be rated now and the rating given. */
export const CaseRatings = Type.Object({
  caseId: Type.String(),
  caseNo: Type.String(),
  stages: Type.Array(
    Type.Object({
      stage: Stage,
      /** Reached and not rated yet. */
      canRate: Type.Boolean(),
      rating: Nullable(RatingView),
    }),
  ),
});

export const CaseIdParams = Type.Object({ caseId: Id });
export const WindowIdParams = Type.Object({ windowId: Id });
export const WindowCaseParams = Type.Object({ windowId: Id, caseId: Id });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });

/** GET /api/ratings/windows/:windowId/current: the case waiting for a rating at the window, or null. */
export const WindowCurrent = Type.Object({
  current: Nullable(
    Type.Object({
      caseId: Type.String(),
      caseNo: Type.String(),
      matterName: Type.String(),
      /** e.g. 张* */
      applicantName: Type.String(),
      stage: Stage,
    }),
  ),
});

/** POST /api/ratings/cases/:caseId/link */
export const LinkBody = Type.Object({ stage: Stage }, { additionalProperties: false });
export const LinkIssued = Type.Object({ url: Type.String(), expiresAt: DateTime });

/** GET /api/ratings/links/:token: what the page without sign-in shows. */
export const LinkView = Type.Object({
  caseNo: Type.String(),
  matterName: Type.String(),
  stage: Stage,
  expiresAt: DateTime,
});
/** POST /api/ratings/links/:token: the stage is the link's. */
export const LinkRatingBody = Type.Omit(RatingBody, ['stage'], { additionalProperties: false });

/** POST /api/ratings/hotline: a rating given by phone, entered by a 12345 operator. */
export const HotlineBody = Type.Object(
  {
    caseNo: Type.String({ minLength: 1, maxLength: 40 }),
    stage: Stage,
    level: Level,
    subScores: SubScores,
    problems: Type.Optional(
      Type.Array(Type.Enum(PROBLEMS), { maxItems: PROBLEMS.length, uniqueItems: true }),
    ),
    comment: Type.Optional(Type.String({ maxLength: COMMENT_MAX })),
  },
  { additionalProperties: false },
);

/** none | yellow (a due day is today) | red (a due day has passed) */
export const REVISIT_WARNINGS = ['none', 'yellow', 'red'] as const;
export const REVISIT_STATUSES = ['open', 'contacted', 'rectified'] as const;
export const REVIEW_STATUSES = ['none', 'requested', 'upheld', 'rejected'] as const;

/** A revisit task in the department's (or supervisor's) list. */
export const RevisitView = Type.Object({
  id: Type.String(),
  ratingId: Type.String(),
  caseId: Type.String(),
  caseNo: Type.String(),
  matterName: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  level: Level,
  stage: Stage,
  channel: Type.Enum(RATING_CHANNELS),
  problems: Type.Array(Type.String()),
  comment: Nullable(Type.String()),
  ratedAt: DateTime,
  status: Type.Enum(REVISIT_STATUSES),
  contactDue: Type.String(),
  rectifyDue: Type.String(),
  warning: Type.Enum(REVISIT_WARNINGS),
  contactedAt: Nullable(DateTime),
  contactNote: Nullable(Type.String()),
  rectifiedAt: Nullable(DateTime),
  outcome: Nullable(Type.String()),
  reviewStatus: Type.Enum(REVIEW_STATUSES),
  reviewReason: Nullable(Type.String()),
  reviewDecisionReason: Nullable(Type.String()),
});

export const RevisitsQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(REVISIT_STATUSES)),
    reviewStatus: Type.Optional(Type.Enum(REVIEW_STATUSES)),
  },
  { additionalProperties: false },
);
export const RevisitList = Type.Object({ items: Type.Array(RevisitView), total: Type.Integer() });

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const ContactBody = Type.Object({ note: Text(500) }, { additionalProperties: false });
export const RectifyBody = Type.Object({ outcome: Text(1000) }, { additionalProperties: false });
export const ReviewRequestBody = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export const ReviewDecisionBody = Type.Object(
  { upheld: Type.Boolean(), reason: Text(500) },
  { additionalProperties: false },
);

export const FIGURE_SCOPES = ['department', 'hall', 'window', 'region'] as const;
export type FigureScope = (typeof FIGURE_SCOPES)[number];
const Month = Type.String({ pattern: '^(?!0000)\\d{4}-(0[1-9]|1[0-2])$' });

export const FiguresQuery = Type.Object(
  {
    scope: Type.Enum(FIGURE_SCOPES),
    id: Type.String({ minLength: 1, maxLength: 40 }),
    from: Month,
    to: Month,
  },
  { additionalProperties: false },
);

/** One month's figures of a scope. Rates are fractions 0…1, null when there is nothing to divide. */
export const MonthFigures = Type.Object({
  month: Type.String(),
  total: Type.Integer(),
  levels: Type.Object({
    level1: Type.Integer(),
    level2: Type.Integer(),
    level3: Type.Integer(),
    level4: Type.Integer(),
    level5: Type.Integer(),
  }),
  defaults: Type.Integer(),
  /** 满意率: (5+4+3)/total, defaults included. */
  satisfaction: Nullable(Type.Number()),
  /** 满意率 without the defaults. */
  satisfactionWithoutDefaults: Nullable(Type.Number()),
  bad: Type.Integer(),
  rectified: Type.Integer(),
  rectifiedInTime: Type.Integer(),
  /** 差评整改率: rectified / bad. */
  rectificationRate: Nullable(Type.Number()),
  voided: Type.Integer(),
});
export const FiguresAnswer = Type.Object({
  scope: Type.Enum(FIGURE_SCOPES),
  id: Type.String(),
  months: Type.Array(MonthFigures),
});

/** GET /api/ratings/public: the monthly publication per department and hall of a region. */
export const PublicQuery = Type.Object(
  { month: Month, regionCode: Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' }) },
  { additionalProperties: false },
);
export const PublicRow = Type.Intersect([
  Type.Object({
    scope: Type.Union([Type.Literal('department'), Type.Literal('hall')]),
    id: Type.String(),
    name: Type.String(),
  }),
  MonthFigures,
]);
export const PublicAnswer = Type.Object({
  month: Type.String(),
  regionCode: Type.String(),
  items: Type.Array(PublicRow),
});
