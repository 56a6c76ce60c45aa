import { Type } from 'typebox';
import { DateTime, Id, Nullable } from '../api.ts';
import { COMMENT_MAX, PROBLEMS, RATING_CHANNELS, RATING_STAGES } from './lists.ts';

/**
 * The API shapes of 好差评: ratings of a case at acceptance and conclusion, revisits of a 差评, SMS
 * links, the 12345 hotline and the monthly figures. The lists with their labels are in lists.ts.
 */

export * from './lists.ts';

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
    /** The sub-ratings asked: the online five (the default) or the window's four. */
    subScoreSet: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('window')])),
  },
  { additionalProperties: false },
);

/** GET /api/ratings/hotline/case: a case by its number, as a 12345 operator needs it to enter a rating. */
export const HotlineCaseQuery = Type.Object(
  { caseNo: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);
export const HotlineCase = Type.Object({
  caseId: Type.String(),
  caseNo: Type.String(),
  matterName: Type.String(),
  departmentName: Type.String(),
  hallName: Nullable(Type.String()),
  /** Handled at a window: the window's sub-ratings fit a phone rating too. */
  atWindow: Type.Boolean(),
  /** e.g. 张* */
  applicantName: Type.String(),
  stages: Type.Array(
    Type.Object({
      stage: Stage,
      reached: Type.Boolean(),
      rating: Nullable(
        Type.Object({
          id: Type.String(),
          level: Level,
          channel: Type.Enum(RATING_CHANNELS),
          isDefault: Type.Boolean(),
          /** valid | voided */
          status: Type.String(),
          problems: Type.Array(Type.String()),
          comment: Nullable(Type.String()),
          createdAt: DateTime,
          /** The 12345 request made from this rating, if any. */
          requestId: Nullable(Type.String()),
          requestNo: Nullable(Type.String()),
        }),
      ),
    }),
  ),
});

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
  /** The 12345 request made from the rating, if any. */
  hotlineRequestNo: Nullable(Type.String()),
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

/** GET /api/ratings/public: the monthly publication per department, hall and window of a region. */
export const PublicQuery = Type.Object(
  { month: Month, regionCode: Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' }) },
  { additionalProperties: false },
);
export const PublicRow = Type.Intersect([
  Type.Object({
    scope: Type.Union([Type.Literal('department'), Type.Literal('hall'), Type.Literal('window')]),
    id: Type.String(),
    name: Type.String(),
    /** The hall of a window (null for a department or a hall). */
    hallName: Nullable(Type.String()),
  }),
  MonthFigures,
]);
export const PublicAnswer = Type.Object({
  month: Type.String(),
  regionCode: Type.String(),
  items: Type.Array(PublicRow),
});
