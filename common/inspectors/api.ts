import { Type } from 'typebox';
import { DateTime, Id, IsoDate, Nullable } from '../api.ts';
import {
  CHANNELS,
  DECISIONS,
  EVENT_KINDS,
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  INSPECTOR_STATUSES,
  PUBLISHED_PAGE_SIZE,
  REASON_MAX,
  SCREENSHOTS_MAX,
  TASK_STATUSES,
  TEXT_MAX,
  TITLE_MAX,
  WARNINGS,
} from './lists.ts';

/**
 * The API shapes of 政务服务体验官: applications and decisions, tasks, findings (找茬) with their
 * assignment, rectification and confirmation, and the public list of closed findings. The lists
 * with their labels are in lists.ts.
 */

export * from './lists.ts';

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const RegionCode = Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' });
const Phone = Type.String({ pattern: '^1\\d{10}$', description: '手机号码' });
const Version = Type.Integer({ minimum: 1 });
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Channel = Type.Enum(CHANNELS);
const Category = Type.Enum(FINDING_CATEGORIES);

/** POST /api/inspectors/applications: a signed-in citizen applies (one application per account). */
export const ApplyBody = Type.Object(
  {
    regionCode: RegionCode,
    name: Text(60),
    phone: Phone,
    occupation: Type.Optional(Type.String({ maxLength: 60 })),
    motivation: Text(REASON_MAX),
  },
  { additionalProperties: false },
);

/** A 体验官 (an application) as the supervisor and the applicant see it. */
export const InspectorView = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  occupation: Nullable(Type.String()),
  motivation: Type.String(),
  status: Type.Enum(INSPECTOR_STATUSES),
  decidedAt: Nullable(DateTime),
  decisionReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: DateTime,
});

/** GET /api/inspectors/applications: the supervisor's list (their region subtree). */
export const ApplicationsQuery = Type.Object(
  { status: Type.Optional(Type.Enum(INSPECTOR_STATUSES)) },
  { additionalProperties: false },
);
export const ApplicationList = Type.Object({ items: Type.Array(InspectorView), total: Type.Integer() });

/**
 * POST /api/inspectors/applications/:id/decision: approve or reject a pending application, suspend
 * an approved 体验官. The reason is required to reject or suspend.
 */
export const DecisionBody = Type.Object(
  {
    decision: Type.Enum(DECISIONS),
    reason: Type.Optional(Type.String({ maxLength: REASON_MAX })),
    version: Version,
  },
  { additionalProperties: false },
);

/** A task of a 体验官. */
export const TaskView = Type.Object({
  id: Type.String(),
  inspectorId: Type.String(),
  inspectorName: Type.String(),
  regionCode: Type.String(),
  implementationId: Nullable(Type.String()),
  matterName: Nullable(Type.String()),
  title: Type.String(),
  channel: Channel,
  instructions: Type.String(),
  dueDate: Type.String(),
  status: Type.Enum(TASK_STATUSES),
  report: Nullable(Type.String()),
  createdAt: DateTime,
  doneAt: Nullable(DateTime),
});

/** POST /api/inspectors/tasks: the supervisor gives an approved 体验官 a task. */
export const TaskBody = Type.Object(
  {
    inspectorId: Id,
    /** A published matter (implementation) of the 体验官's region subtree. */
    implementationId: Type.Optional(Id),
    title: Text(TITLE_MAX),
    channel: Channel,
    instructions: Type.String({ maxLength: TEXT_MAX }),
    dueDate: IsoDate,
  },
  { additionalProperties: false },
);
/** GET /api/inspectors/tasks */
export const TasksQuery = Type.Object(
  { status: Type.Optional(Type.Enum(TASK_STATUSES)), inspectorId: Type.Optional(Id) },
  { additionalProperties: false },
);
export const TaskList = Type.Object({ items: Type.Array(TaskView), total: Type.Integer() });
/** POST /api/inspectors/tasks/:id/done: the 体验官 finishes a task with a short report. */
export const TaskDoneBody = Type.Object({ report: Text(TEXT_MAX) }, { additionalProperties: false });

/** POST /api/inspectors/findings: an approved 体验官 reports a fault. */
export const FindingBody = Type.Object(
  {
    taskId: Type.Optional(Id),
    category: Category,
    channel: Channel,
    title: Text(TITLE_MAX),
    description: Text(TEXT_MAX),
    implementationId: Type.Optional(Id),
    /** Defaults to the task's region, else the 体验官's. */
    regionCode: Type.Optional(RegionCode),
    /** SHA-256 of images this account uploaded through POST /api/files. */
    screenshots: Type.Array(Sha256, { maxItems: SCREENSHOTS_MAX, uniqueItems: true }),
  },
  { additionalProperties: false },
);

/** A finding as lists show it. */
export const FindingSummary = Type.Object({
  id: Type.String(),
  findingNo: Type.String(),
  inspectorName: Type.String(),
  taskId: Nullable(Type.String()),
  category: Category,
  channel: Channel,
  title: Type.String(),
  regionCode: Type.String(),
  implementationId: Nullable(Type.String()),
  matterName: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  status: Type.Enum(FINDING_STATUSES),
  dueDate: Nullable(Type.String()),
  warning: Type.Enum(WARNINGS),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

/** One step of a finding. */
export const FindingEventView = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(EVENT_KINDS),
  actorName: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
  at: DateTime,
});

/** GET /api/inspectors/findings/:id: the finding with its timeline. */
export const FindingView = Type.Intersect([
  FindingSummary,
  Type.Object({
    description: Type.String(),
    /** Each is served by GET /api/inspectors/findings/:id/screenshots/:sha256. */
    screenshots: Type.Array(Type.String()),
    assignedAt: Nullable(DateTime),
    rectification: Nullable(Type.String()),
    rectifiedAt: Nullable(DateTime),
    confirmNote: Nullable(Type.String()),
    confirmedAt: Nullable(DateTime),
    rejectReason: Nullable(Type.String()),
    publishedAt: Nullable(DateTime),
    events: Type.Array(FindingEventView),
  }),
]);

/** GET /api/inspectors/findings (supervisor) and /api/inspectors/inbox (department). */
export const FindingsQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(FINDING_STATUSES)),
    warning: Type.Optional(Type.Enum(WARNINGS)),
  },
  { additionalProperties: false },
);
export const FindingList = Type.Object({ items: Type.Array(FindingSummary), total: Type.Integer() });

/** POST /api/inspectors/findings/:id/assign: to a department of the region subtree, with a due day. */
export const AssignBody = Type.Object(
  { departmentId: Id, version: Version },
  { additionalProperties: false },
);
/** POST /api/inspectors/findings/:id/reject: not accepted (不予受理). */
export const RejectBody = Type.Object(
  { reason: Text(REASON_MAX), version: Version },
  { additionalProperties: false },
);
/** POST /api/inspectors/findings/:id/rectify: the department's account of its rectification. */
export const RectifyBody = Type.Object(
  { rectification: Text(TEXT_MAX), version: Version },
  { additionalProperties: false },
);
/**
 * POST /api/inspectors/findings/:id/confirm: the 体验官 accepts (closed and published) or sends it
 * back (note required; assigned again).
 */
export const ConfirmBody = Type.Object(
  {
    accepted: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: REASON_MAX })),
    version: Version,
  },
  { additionalProperties: false },
);

/** GET /api/inspectors/findings/:id/screenshots/:sha256 */
export const ScreenshotParams = Type.Object({ id: Id, sha256: Sha256 });

/** GET /api/inspectors/me: my application, tasks and findings. */
export const MeAnswer = Type.Object({
  inspector: Nullable(InspectorView),
  tasks: Type.Array(TaskView),
  findings: Type.Array(FindingSummary),
});

/** GET /api/inspectors/published?regionCode=&page= : closed findings, public. */
export const PublishedQuery = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export const PublishedFinding = Type.Object({
  findingNo: Type.String(),
  category: Category,
  channel: Channel,
  title: Type.String(),
  description: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  matterName: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  rectification: Nullable(Type.String()),
  /** The 体验官's name masked, e.g. 张**. */
  inspectorName: Type.String(),
  createdAt: DateTime,
  rectifiedAt: Nullable(DateTime),
  publishedAt: DateTime,
});
export const PublishedList = Type.Object({
  items: Type.Array(PublishedFinding),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer({ default: PUBLISHED_PAGE_SIZE }),
});

/** GET /api/inspectors/departments: the departments a supervisor may assign to (region subtree). */
export const DepartmentOption = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
});
export const DepartmentList = Type.Object({ items: Type.Array(DepartmentOption), total: Type.Integer() });

/** GET /api/inspectors/matters?q= : published matters of the supervisor's region subtree (at most 50). */
export const MattersQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const MatterOption = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  departmentName: Nullable(Type.String()),
});
export const MatterList = Type.Object({ items: Type.Array(MatterOption), total: Type.Integer() });
