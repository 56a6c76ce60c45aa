import { Type } from 'typebox';
import { Id, IsoDate, ListOf, Nullable } from '../api.ts';
import { CASE_TYPES } from '../catalogue/elements.ts';
import { TimeLimit } from '../catalogue/guide.ts';
import { FilledForm, FormValuesSchema } from '../forms/api.ts';
import { CASE_ACTION_NAMES, CASE_STATUSES } from './state-machine.ts';

/** The API shapes of cases (办件): submission, actions, the case list and page, the public progress. */

const strict = { additionalProperties: false } as const;
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const CaseStatusSchema = Type.Enum([...CASE_STATUSES]);
export const CaseActionSchema = Type.Enum([...CASE_ACTION_NAMES]);
export const Warning = Type.Enum(['none', 'yellow', 'red']);
export const CaseChannel = Type.Enum(['online', 'counter', 'kiosk', 'agent']);
export const DeliveryMethod = Type.Enum(['window_pickup', 'post']);

/** Personal values of a case staff see masked and may reveal (POST /api/cases/:id/reveal). */
export const REVEAL_FIELDS = ['applicantIdNumber', 'applicantPhone', 'postalPhone', 'postalAddress'] as const;
export const RevealField = Type.Enum([...REVEAL_FIELDS]);

/** A material handed in by the hash of a file the caller uploaded. */
export const MaterialRef = Type.Object(
  { key: Text(40), sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }), fileName: Text(200) },
  strict,
);

/** A material taken from a shared source the prefill offered (GET /cases/prefill), instead of an upload. */
export const ReusedMaterial = Type.Object(
  {
    key: Text(40),
    reuse: Type.Enum(['e_certificate', 'shared_case', 'registry']),
    ref: Type.String({ minLength: 1, maxLength: 100 }),
  },
  strict,
);

/** POST /api/cases: an application online, at the counter (walk-in applicant), at a kiosk or by an agent. */
export const SubmitBody = Type.Object(
  {
    implementationId: Id,
    formData: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** The values of the version's application form (申请表), checked by common/forms/validate.ts. */
    form: Type.Optional(FormValuesSchema),
    materials: Type.Optional(Type.Array(Type.Union([MaterialRef, ReusedMaterial]), { maxItems: 100 })),
    /** Counter: the walk-in applicant identified by ID card or business licence. */
    applicant: Type.Optional(
      Type.Object(
        {
          kind: Type.Enum(['person', 'company']),
          login: Text(18),
          displayName: Text(100),
          phone: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
        },
        strict,
      ),
    ),
    windowId: Type.Optional(Id),
    /** Counter: the ticket called to the window for this applicant (its waiting and handling times show on the case). */
    ticketId: Type.Optional(Id),
    /** Agent: the applicant's consent to be represented (帮办代办授权). */
    consent: Type.Optional(
      Type.Object(
        {
          signedBy: Text(100),
          signedAt: IsoDate,
          /** 书面授权委托书 / 现场签字 / 电子签名 */
          method: Type.Enum(['written_authorisation', 'on_site_signature', 'e_signature']),
          note: Type.Optional(Text(500)),
        },
        strict,
      ),
    ),
  },
  strict,
);

/** Headers of POST /api/cases: a repeated submission with the same key makes one case. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 100 })),
});

/** GET /api/cases: a page of the cases in the caller's reach; `queue` orders by the promised deadline. */
export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(CaseStatusSchema),
    warning: Type.Optional(Warning),
    departmentId: Type.Optional(Id),
    queue: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  strict,
);

/** POST /api/cases/:id/reveal: which masked value to show in full. */
export const RevealBody = Type.Object({ field: RevealField }, strict);

/** GET /api/progress: the case number and the query code on the receipt. */
export const ProgressQuery = Type.Object({ caseNo: Text(40), code: Text(10) }, strict);

/** The body of an action on a case (POST /api/cases/:id/<action>), at the case's version. */
export const ActionBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    legalBasis: Type.Optional(Type.String({ maxLength: 2000 })),
    /** 一次性告知: each problem names a material, or a field of the case's form (fieldKey), or neither. */
    problems: Type.Optional(
      Type.Array(
        Type.Object(
          { materialKey: Type.Optional(Text(40)), fieldKey: Type.Optional(Text(40)), problem: Text(500) },
          strict,
        ),
        { maxItems: 60 },
      ),
    ),
    gaps: Type.Optional(Type.Array(Text(40), { maxItems: 60 })),
    gapDeadline: Type.Optional(IsoDate),
    materials: Type.Optional(Type.Array(MaterialRef, { maxItems: 100 })),
    /** Materials uploaded to the case beforehand (POST /cases/:id/materials/:materialKey). */
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 100, uniqueItems: true })),
    assigneeId: Type.Optional(Id),
    procedure: Type.Optional(Text(50)),
    expectedEnd: Type.Optional(IsoDate),
    method: Type.Optional(DeliveryMethod),
    address: Type.Optional(Type.Object({ recipient: Text(50), phone: Text(20), address: Text(300) }, strict)),
    sameVisit: Type.Optional(Type.Boolean()),
    promise: Type.Optional(Type.String({ maxLength: 4000 })),
    /** 补正: the corrected values of the form's fields the notice named (by field key). */
    form: Type.Optional(FormValuesSchema),
    /** 双向速递: the tracking number of the parcel of originals posted to the hall, and its courier. */
    trackingNo: Type.Optional(Text(40)),
    carrier: Type.Optional(Text(30)),
  },
  strict,
);

/** One case in a list (GET /api/cases). */
export const CaseSummary = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  implementationId: Type.String(),
  departmentId: Type.String(),
  regionCode: Type.String(),
  applicantId: Type.String(),
  channel: CaseChannel,
  status: CaseStatusSchema,
  caseType: Type.Enum([...CASE_TYPES]),
  warning: Warning,
  gaps: Type.Array(Type.String()),
  gapDeadline: Nullable(Type.String()),
  acceptedOn: Nullable(Type.String()),
  promisedDeadline: Nullable(Type.String()),
  legalDeadline: Nullable(Type.String()),
  visits: Type.Integer(),
  onPromise: Type.Boolean(),
  version: Type.Integer(),
  submittedAt: Nullable(Type.String()),
  concludedAt: Nullable(Type.String()),
  /** The matter's name in the version the case was filed under. */
  matterName: Type.String(),
  applicantName: Type.String(),
  /** The applicant's ID number (masked) or credit code. */
  applicantLogin: Type.String(),
});

export const CaseList = ListOf(CaseSummary);

export const CaseFile = Type.Object({
  id: Type.Optional(Type.String()),
  /** Null for a material taken from an e-certificate or a base (a reference, no file). */
  sha256: Nullable(Type.String()),
  fileName: Type.String(),
  /** applicant | clerk_scan (uploaded) | e_certificate | shared_case | registry (reused) */
  source: Type.String(),
  reference: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))),
  at: Type.String(),
});

export const CaseMaterial = Type.Object({
  key: Type.String(),
  name: Type.String(),
  required: Type.Boolean(),
  gapAllowed: Type.Boolean(),
  supplied: Type.Boolean(),
  gap: Type.Boolean(),
  /** The case's application form stands for this material (the form's `covers`): supplied by the form. */
  coveredByForm: Type.Optional(Type.Boolean()),
  files: Type.Array(CaseFile),
});

export const TimelineEvent = Type.Object({
  seq: Type.Integer(),
  action: CaseActionSchema,
  fromStatus: Nullable(CaseStatusSchema),
  toStatus: CaseStatusSchema,
  actorId: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  actorName: Type.Optional(Nullable(Type.String())),
  details: Type.Record(Type.String(), Type.Unknown()),
  visit: Type.Boolean(),
  at: Type.String(),
});

export const DeliveryChoice = Type.Object({
  method: DeliveryMethod,
  recipient: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  address: Type.Optional(Type.String()),
});

/** One case with everything its page shows (GET /api/cases/:id and the answer of every action). */
export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  queryCode: Type.String(),
  departmentName: Type.String(),
  formData: Type.Object(
    {
      phone: Type.Optional(Type.String()),
      remark: Type.Optional(Type.String()),
      delivery: Type.Optional(DeliveryChoice),
    },
    { additionalProperties: Type.Unknown() },
  ),
  agentId: Nullable(Type.String()),
  /** The applicant's consent recorded by the agent (帮办代办授权). */
  consent: Nullable(
    Type.Object({
      signedBy: Type.String(),
      signedAt: Type.String(),
      method: Type.String(),
      note: Type.Optional(Type.String()),
    }),
  ),
  hallId: Nullable(Type.String()),
  windowId: Nullable(Type.String()),
  /** The ticket called to the counter for this case: 等候时长 (taken → called) and 办理时长 (called → done, or so far), seconds. */
  ticket: Type.Optional(
    Nullable(
      Type.Object({
        code: Type.String(),
        takenAt: Type.String(),
        calledAt: Nullable(Type.String()),
        finishedAt: Nullable(Type.String()),
        waitSeconds: Nullable(Type.Integer()),
        handleSeconds: Nullable(Type.Integer()),
      }),
    ),
  ),
  assigneeId: Nullable(Type.String()),
  assigneeName: Nullable(Type.String()),
  /** Fields shown masked that this user may reveal (each view audited). */
  revealable: Type.Array(RevealField),
  delivery: Nullable(DeliveryMethod),
  trackingNo: Nullable(Type.String()),
  workingDaysUsed: Nullable(Type.Integer()),
  /**
   * The day the time limits count from: acceptedOn (the real day of acceptance) when it is a
   * working day, else the next working day; null before acceptance.
   */
  clockStartsOn: Nullable(Type.String()),
  promise: Type.Object({
    visitsRequired: Type.Integer(),
    promisedLimit: TimeLimit,
    legalLimit: TimeLimit,
    promiseAllowed: Type.Boolean(),
  }),
  /** The application form as filed, with the sources of prefilled fields; null for a matter without one. */
  form: Type.Optional(Nullable(FilledForm)),
  materials: Type.Array(CaseMaterial),
  /** Materials reused from certificates, bases or earlier cases, and uploaded (材料减免). */
  materialCounts: Type.Optional(Type.Object({ reused: Type.Integer(), uploaded: Type.Integer() })),
  /** The notices the case has produced (PDF at GET /api/cases/:id/notices/:kind). */
  notices: Type.Optional(Type.Array(Type.String())),
  timeline: Type.Array(TimelineEvent),
});

/** The answer of a reveal: the full value of one masked field. */
export const Revealed = Type.Object({ field: RevealField, value: Type.String() });

/** The public progress look-up (GET /api/progress). */
export const Progress = Type.Object({
  caseNo: Type.String(),
  matterName: Type.String(),
  departmentName: Type.String(),
  status: CaseStatusSchema,
  submittedAt: Nullable(Type.String()),
  acceptedOn: Nullable(Type.String()),
  promisedDeadline: Nullable(Type.String()),
  concludedAt: Nullable(Type.String()),
  trackingNo: Nullable(Type.String()),
  steps: Type.Array(Type.Object({ action: CaseActionSchema, toStatus: CaseStatusSchema, at: Type.String() })),
});

export * from './materials-api.ts';
