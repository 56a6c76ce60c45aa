import { Type } from 'typebox';
import { DateTime, Id, Nullable } from '../api.ts';
import {
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  CONTENT_MAX,
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  SATISFACTIONS,
  TEXT_MAX,
  TITLE_MAX,
  URGE_NOTE_MAX,
  WARNINGS,
} from './lists.ts';

/**
 * The API shapes of 12345 requests: intake by operators and from the portal, the knowledge base,
 * dispatch to departments, returns, replies, revisits, escalation and the monthly figures. The
 * lists with their labels are in lists.ts.
 */

export * from './lists.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Kind = Type.Enum(REQUEST_KINDS);
const Channel = Type.Enum(REQUEST_CHANNELS);
const RegionCode = Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' });
const Phone = Type.String({ pattern: '^[0-9+\\- ]{3,20}$' });
const Month = Type.String({ pattern: '^(?!0000)\\d{4}-(0[1-9]|1[0-2])$' });

/** POST /api/hotline/requests: an operator takes a request. */
export const IntakeBody = Type.Object(
  {
    kind: Kind,
    channel: Channel,
    requesterName: Text(60),
    requesterPhone: Type.Optional(Phone),
    title: Text(TITLE_MAX),
    content: Text(CONTENT_MAX),
    regionCode: RegionCode,
    address: Type.Optional(Type.String({ maxLength: 200 })),
    /** A complaint about a case names its number. */
    caseNo: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

/** POST /api/hotline/portal: a signed-in citizen submits; name and phone are the account's. */
export const PortalBody = Type.Object(
  {
    kind: Kind,
    title: Text(TITLE_MAX),
    content: Text(CONTENT_MAX),
    regionCode: RegionCode,
    address: Type.Optional(Type.String({ maxLength: 200 })),
    caseNo: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  { additionalProperties: false },
);

/** A department's part in a request. */
export const AssignmentView = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  role: Type.Enum(ASSIGNMENT_ROLES),
  status: Type.Enum(ASSIGNMENT_STATUSES),
  returnReason: Nullable(Type.String()),
  returnedAt: Nullable(DateTime),
  /** accepted | rejected, once the office reviewed a return. */
  returnReview: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  repliedAt: Nullable(DateTime),
  createdAt: DateTime,
});

/** One step of a request. */
export const EventView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  actorName: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
  at: DateTime,
});

/** A request as lists show it. */
export const RequestSummary = Type.Object({
  id: Type.String(),
  requestNo: Type.String(),
  kind: Kind,
  channel: Channel,
  requesterName: Type.String(),
  title: Type.String(),
  regionCode: Type.String(),
  /** The region's name (新城区); null for a code not in the tree. */
  regionName: Nullable(Type.String()),
  status: Type.Enum(REQUEST_STATUSES),
  dueDate: Type.String(),
  warning: Type.Enum(WARNINGS),
  escalatedAt: Nullable(DateTime),
  primaryDepartmentId: Nullable(Type.String()),
  primaryDepartmentName: Nullable(Type.String()),
  createdAt: DateTime,
});

/** GET /api/hotline/requests/:id: the request with its assignments and steps. */
export const RequestView = Type.Intersect([
  RequestSummary,
  Type.Object({
    requesterPhone: Nullable(Type.String()),
    content: Type.String(),
    address: Nullable(Type.String()),
    caseId: Nullable(Type.String()),
    caseNo: Nullable(Type.String()),
    ratingId: Nullable(Type.String()),
    answeredAtOnce: Type.Boolean(),
    answer: Nullable(Type.String()),
    limitDays: Type.Integer(),
    reply: Nullable(Type.String()),
    repliedAt: Nullable(DateTime),
    revisitNote: Nullable(Type.String()),
    revisitedAt: Nullable(DateTime),
    satisfaction: Nullable(Type.Enum(SATISFACTIONS)),
    mergedInto: Nullable(Type.String()),
    closedAt: Nullable(DateTime),
    assignments: Type.Array(AssignmentView),
    events: Type.Array(EventView),
  }),
]);

/** GET /api/hotline/requests: the operator's (office's) list. */
export const RequestsQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(REQUEST_STATUSES)),
    kind: Type.Optional(Kind),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export const RequestList = Type.Object({
  items: Type.Array(RequestSummary),
  total: Type.Integer(),
});

/** GET /api/hotline/mine: the citizen's own requests. */
export const MineItem = Type.Object({
  id: Type.String(),
  requestNo: Type.String(),
  kind: Kind,
  title: Type.String(),
  content: Type.String(),
  status: Type.Enum(REQUEST_STATUSES),
  dueDate: Type.String(),
  answer: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  createdAt: DateTime,
});
export const MineList = Type.Object({ items: Type.Array(MineItem), total: Type.Integer() });

/** GET /api/hotline/knowledge?q= */
export const KnowledgeQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export const KnowledgeAnswer = Type.Object({
  guides: Type.Array(
    Type.Object({
      matterId: Type.String(),
      code: Type.String(),
      name: Type.String(),
      departmentName: Nullable(Type.String()),
      /** What the guide says, in short: conditions, materials, time limit, fee. */
      summary: Type.String(),
    }),
  ),
  faq: Type.Array(
    Type.Object({
      id: Type.String(),
      question: Type.String(),
      answer: Type.String(),
      keywords: Type.String(),
    }),
  ),
});

/** POST /api/hotline/requests/:id/answer: a 咨询 answered at once, then closed. */
export const AnswerBody = Type.Object({ answer: Text(TEXT_MAX) }, { additionalProperties: false });

/** A knowledge-base entry. */
export const FaqView = Type.Object({
  id: Type.String(),
  question: Type.String(),
  answer: Type.String(),
  keywords: Type.String(),
  regionCode: Type.String(),
  /** The region's name; null for a code not in the tree. */
  regionName: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  active: Type.Boolean(),
  updatedAt: DateTime,
});
export const FaqQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const FaqList = Type.Object({ items: Type.Array(FaqView), total: Type.Integer() });
/** POST /api/hotline/faq and PUT /api/hotline/faq/:id */
export const FaqBody = Type.Object(
  {
    question: Text(500),
    answer: Text(TEXT_MAX),
    keywords: Type.Optional(Type.String({ maxLength: 200 })),
    regionCode: RegionCode,
    departmentId: Type.Optional(Nullable(Id)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** GET /api/hotline/requests/:id/suggest */
export const SuggestAnswer = Type.Object({
  keywords: Type.Array(Type.String()),
  departments: Type.Array(
    Type.Object({
      departmentId: Type.String(),
      name: Type.String(),
      /** The catalogue's matters that matched. */
      matters: Type.Array(Type.String()),
    }),
  ),
});

/** POST /api/hotline/requests/:id/dispatch and /redispatch */
export const DispatchBody = Type.Object(
  {
    primaryDepartmentId: Id,
    assistingDepartmentIds: Type.Array(Id, { maxItems: 10, uniqueItems: true }),
  },
  { additionalProperties: false },
);
/** POST /api/hotline/assignments/:id/return (退单) */
export const ReturnBody = Type.Object({ reason: Text(TEXT_MAX) }, { additionalProperties: false });
/** POST /api/hotline/assignments/:id/review: accept → the request goes back to dispatch. */
export const ReviewBody = Type.Object(
  { accept: Type.Boolean(), note: Type.String({ maxLength: TEXT_MAX }) },
  { additionalProperties: false },
);
/** POST /api/hotline/requests/:id/urge: a supervisor of the region urges an escalated request (督办意见). */
export const UrgeBody = Type.Object({ note: Text(URGE_NOTE_MAX) }, { additionalProperties: false });

/** POST /api/hotline/requests/:id/merge */
export const MergeBody = Type.Object({ intoId: Id }, { additionalProperties: false });

/** GET /api/hotline/assignments?status= : the department's inbox. */
export const InboxQuery = Type.Object(
  { status: Type.Optional(Type.Enum(ASSIGNMENT_STATUSES)) },
  { additionalProperties: false },
);
export const InboxItem = Type.Intersect([
  AssignmentView,
  Type.Object({
    requestNo: Type.String(),
    kind: Kind,
    title: Type.String(),
    content: Type.String(),
    dueDate: Type.String(),
    warning: Type.Enum(WARNINGS),
    requestStatus: Type.Enum(REQUEST_STATUSES),
  }),
]);
export const Inbox = Type.Object({ items: Type.Array(InboxItem), total: Type.Integer() });
/** POST /api/hotline/assignments/:id/reply */
export const ReplyBody = Type.Object({ reply: Text(TEXT_MAX) }, { additionalProperties: false });

/**
 * POST /api/hotline/requests/:id/revisit: satisfied or basically → closed; dissatisfied → the
 * request goes back to received (重办) for the office to dispatch again.
 */
export const RevisitBody = Type.Object(
  { note: Text(TEXT_MAX), satisfaction: Type.Enum(SATISFACTIONS) },
  { additionalProperties: false },
);

/** POST /api/hotline/from-rating/:ratingId */
export const RatingIdParams = Type.Object({ ratingId: Id });

/** GET /api/hotline/figures */
export const FiguresQuery = Type.Object(
  { regionCode: RegionCode, from: Month, to: Month },
  { additionalProperties: false },
);
/** The figures of one month (and department, or the whole region when departmentId is null). */
export const FigureRow = Type.Object({
  month: Type.String(),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  received: Type.Integer(),
  byKind: Type.Object({
    consult: Type.Integer(),
    help: Type.Integer(),
    suggestion: Type.Integer(),
    complaint: Type.Integer(),
    report: Type.Integer(),
  }),
  answeredAtOnce: Type.Integer(),
  /** 即时办结率: answered at once ÷ consults; null with no consults. */
  immediateRate: Nullable(Type.Number()),
  repliedOnTime: Type.Integer(),
  dueOrReplied: Type.Integer(),
  /** 按时办结率: replied by the due day ÷ those due or replied. */
  onTimeRate: Nullable(Type.Number()),
  overdue: Type.Integer(),
  /** 退单: the departments' returns of the month's requests. */
  returned: Type.Integer(),
  revisited: Type.Integer(),
  satisfied: Type.Integer(),
  basically: Type.Integer(),
  dissatisfied: Type.Integer(),
  /** 满意率: (satisfied + basically) ÷ revisited. */
  satisfactionRate: Nullable(Type.Number()),
});
export const FiguresAnswer = Type.Object({
  regionCode: Type.String(),
  regionName: Type.String(),
  from: Type.String(),
  to: Type.String(),
  /** Per month for the region (departmentId null), then per month and department. */
  rows: Type.Array(FigureRow),
});
