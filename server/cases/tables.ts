import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';
import { implementations, implementationVersions } from '../catalogue/tables.ts';
import { halls, organisations, windows } from '../organisations/tables.ts';
import { tickets } from '../tickets/tables.ts';

/**
 * Statuses of the open cases in a department's review queue (besides the applications awaiting its
 * 受理: those filed online, and those an agent (帮办代办) took for the applicant, at a street centre or
 * anywhere else: no counter pre-reviews them).
 */
export const QUEUE_STATUSES = [
  'accepted',
  'accepted_with_gaps',
  'in_review',
  'suspended',
  'escalated',
  'approved',
  'approved_on_promise',
] as const;

/**
 * The review queue as SQL over the cases table, in constants only so that plans can use the
 * partial indexes: online and agents' applications awaiting 受理, and the open cases.
 */
export const QUEUE_AWAITING_PREDICATE = `("status" = 'submitted' and "channel" in ('online', 'agent'))`;
export const QUEUE_OPEN_PREDICATE = `("status" in (${QUEUE_STATUSES.map((s) => `'${s}'`).join(', ')}))`;
export const QUEUE_PREDICATE = `(${QUEUE_OPEN_PREDICATE} or ${QUEUE_AWAITING_PREDICATE})`;

/**
 * 办件: one application for one implementation, bound to the catalogue version it was
 * filed under. `version` counts transitions and edits for optimistic concurrency.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-readable: region code + date + sequence, e.g. 610100-20261123-000042 */
    caseNo: text('case_no').notNull().unique(),
    /** For the public progress look-up together with the case number. */
    queryCode: text('query_code').notNull(),
    implementationId: uuid('implementation_id')
      .notNull()
      .references(() => implementations.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => implementationVersions.id),
    /** The competent department (back office) and the region of the implementation. */
    departmentId: uuid('department_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code').notNull(),
    /** Region path of the implementation's region, for supervisors' subtree queries. */
    regionPath: text('region_path').notNull(),
    /** The applicant account (person or company). */
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => accounts.id),
    /** online | counter | kiosk | agent */
    channel: text('channel').notNull(),
    /** The agent who applied on the applicant's behalf, with the consent recorded in `consent`. */
    agentId: uuid('agent_id').references(() => accounts.id),
    consent: jsonb('consent'),
    /** Hall and window where the case was accepted at a counter. */
    hallId: uuid('hall_id').references(() => halls.id),
    windowId: uuid('window_id').references(() => windows.id),
    /** The ticket called to the window where the case was filed: its waiting and handling times. */
    ticketId: uuid('ticket_id').references(() => tickets.id),
    status: text('status').notNull(),
    /** immediate | promised | escalated (from the catalogue version) */
    caseType: text('case_type').notNull(),
    /** The form data entered by the applicant (fields of the matter). */
    formData: jsonb('form_data').notNull().default(sql`'{}'::jsonb`),
    /**
     * The application form (申请表) as filed: `{ values, sources }` (common/forms/api.ts FilledForm
     * without the definition, which is the version's); null for a matter without a form.
     */
    form: jsonb('form'),
    /** Of the form's top-level fields: how many hold a value, and how many the value data gave (智能预填). */
    formFieldsFilled: integer('form_fields_filled'),
    formFieldsPrefilled: integer('form_fields_prefilled'),
    /** Material keys accepted with gaps (容缺) and the date by which they must be supplied. */
    gaps: jsonb('gaps').notNull().default(sql`'[]'::jsonb`),
    gapDeadline: date('gap_deadline', { mode: 'string' }),
    /**
     * Accepted with gaps (容缺受理): set by the acceptance and never cleared, when the missing
     * materials arrive (gaps then empties) or afterwards; what 容缺受理占比 counts.
     */
    acceptedWithGaps: boolean('accepted_with_gaps').notNull().default(false),
    /**
     * Of the materials handed in (case_attachments, by material): how many were reused (no file from
     * the applicant or a counter scan) and how many uploaded; kept by the attachments' triggers
     * (migration 0038), what 材料减免率 counts.
     */
    materialsReused: integer('materials_reused').notNull().default(0),
    materialsUploaded: integer('materials_uploaded').notNull().default(0),
    /** Asked for 补正 at least once (a request_supplement event; set by the events' trigger, never cleared). */
    supplemented: boolean('supplemented').notNull().default(false),
    /**
     * The real day of acceptance and the deadlines computed then (Asia/Shanghai ISO dates), moved by
     * suspensions; the deadlines count from the next working day when accepted on a day off.
     */
    acceptedOn: date('accepted_on', { mode: 'string' }),
    promisedDeadline: date('promised_deadline', { mode: 'string' }),
    legalDeadline: date('legal_deadline', { mode: 'string' }),
    /** none | yellow | red */
    warning: text('warning').notNull().default('none'),
    /** Working days actually used up to conclusion, suspensions excluded. */
    workingDaysUsed: integer('working_days_used'),
    /** Working days the clock was paused by special procedures (特别程序) that have ended. */
    pausedDays: integer('paused_days').notNull().default(0),
    /** In-person visits (跑动次数): every counter submission, supplement at a window or pickup. */
    visits: integer('visits').notNull().default(0),
    assigneeId: uuid('assignee_id').references(() => accounts.id),
    /** window_pickup | post */
    delivery: text('delivery'),
    deliveryAddress: jsonb('delivery_address'),
    trackingNo: text('tracking_no'),
    /** Whether approval was on a signed promise (告知承诺). */
    onPromise: boolean('on_promise').notNull().default(false),
    /**
     * Idempotency-Key of the submission, scoped to the account that submitted it (`submittedBy`), with
     * the sha-256 of the request (`requestHash`): a repeat with another request is refused.
     */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    /** The account that handed the application in: the applicant online or at a kiosk, the clerk, the agent. */
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_idempotency_uq').on(t.submittedBy, t.idempotencyKey),
    index('cases_department_deadline_idx').on(t.departmentId, t.status, t.promisedDeadline),
    /**
     * The review queue of a department in its order, a page read from the index alone however many
     * cases the department has: the online and agents' applications awaiting 受理, oldest first; the open cases
     * by promised deadline.
     */
    index('cases_queue_awaiting_idx')
      .on(t.departmentId, t.submittedAt, t.caseNo, t.id)
      .where(sql.raw(QUEUE_AWAITING_PREDICATE)),
    index('cases_queue_open_idx')
      .on(t.departmentId, t.promisedDeadline, t.caseNo, t.id)
      .where(sql.raw(QUEUE_OPEN_PREDICATE)),
    /**
     * The open cases by promised deadline, with all a statistics scope filters them on: 超期未办结 of any
     * region, department, hall or matter is counted from this index alone (an index-only scan of the
     * overdue ones), however many open cases a city has.
     */
    index('cases_overdue_open_idx')
      .on(
        t.promisedDeadline,
        t.regionPath,
        t.departmentId,
        t.hallId,
        t.implementationId,
        t.submittedAt,
        t.createdAt,
      )
      .where(sql.raw(QUEUE_OPEN_PREDICATE)),
    index('cases_applicant_idx').on(t.applicantId, t.createdAt),
    index('cases_hall_idx').on(t.hallId, t.status),
    /**
     * A hall's and a matter's cases filed, accepted and concluded in a period (statistics of a hall or
     * a matter, counted from the cases): only the period's cases are read however many the hall or the
     * matter has. The filing day is the China date the rollups use; a hall's indexes hold only the cases
     * handed in at a hall.
     */
    index('cases_hall_filed_idx')
      .on(t.hallId, sql`((coalesce(${t.submittedAt}, ${t.createdAt}) AT TIME ZONE 'Asia/Shanghai')::date)`)
      .where(sql.raw('"hall_id" IS NOT NULL')),
    index('cases_hall_accepted_idx').on(t.hallId, t.acceptedOn).where(sql.raw('"hall_id" IS NOT NULL')),
    index('cases_hall_concluded_idx').on(t.hallId, t.concludedAt).where(sql.raw('"hall_id" IS NOT NULL')),
    index('cases_implementation_filed_idx').on(
      t.implementationId,
      sql`((coalesce(${t.submittedAt}, ${t.createdAt}) AT TIME ZONE 'Asia/Shanghai')::date)`,
    ),
    index('cases_implementation_accepted_idx').on(t.implementationId, t.acceptedOn),
    index('cases_implementation_concluded_idx').on(t.implementationId, t.concludedAt),
    index('cases_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
    /** A month's concluded cases and the cases falling due in it (the monthly assessment, statistics). */
    index('cases_concluded_at_idx').on(t.concludedAt),
    index('cases_promised_deadline_idx').on(t.promisedDeadline),
    /**
     * The cases of a (department, region, day) group of case_daily, by the day they were filed,
     * accepted and concluded (China time; the expressions the rollup refresh joins on).
     */
    index('cases_daily_filed_idx').on(
      t.departmentId,
      t.regionCode,
      sql`((coalesce(${t.submittedAt}, ${t.createdAt}) AT TIME ZONE 'Asia/Shanghai')::date)`,
    ),
    index('cases_daily_accepted_idx').on(t.departmentId, t.regionCode, t.acceptedOn),
    index('cases_daily_concluded_idx').on(
      t.departmentId,
      t.regionCode,
      sql`((${t.concludedAt} AT TIME ZONE 'Asia/Shanghai')::date)`,
    ),
  ],
);

/** The timeline of a case: every transition and notable event, in order. */
export const caseEvents = pgTable(
  'case_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The action (submit, accept, request_supplement, approve, …) */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id').references(() => accounts.id),
    actorRole: text('actor_role'),
    /** Channel, window, reason, legal basis, the one-time list, … */
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    visit: boolean('visit').notNull().default(false),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.seq),
    /** The acceptances by time: the stages reached lately that get an SMS rating link (ratings' due links). */
    index('case_events_accepted_at_idx').on(t.at).where(sql.raw("action IN ('accept', 'accept_with_gaps')")),
  ],
);

/** Materials submitted for a case (attachments), by the material key of the catalogue version. */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    materialKey: text('material_key').notNull(),
    /** The file in the store; null for a material taken from a certificate or a base (a reference). */
    fileSha256: text('file_sha256'),
    /** The file's name, or how the reference is shown (营业执照（证照编号 …）). */
    fileName: text('file_name').notNull(),
    /** applicant | clerk_scan (uploaded) | e_certificate | shared_case | registry (reused, see prefill.ts) */
    source: text('source').notNull(),
    /**
     * Where a reused material came from: { certificateId, typeName, number } of an e-certificate,
     * { caseId, caseNo, attachmentId } of an earlier accepted case, { registry, key } of a base.
     */
    reference: jsonb('reference'),
    uploadedBy: uuid('uploaded_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);

/**
 * A false promise found at verification of a 告知承诺 case bars the applicant (person or
 * company) from approval on promise until the record is lifted.
 */
export const creditRecords = pgTable(
  'credit_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    caseId: uuid('case_id').references(() => cases.id),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => accounts.id),
    liftReason: text('lift_reason'),
  },
  (t) => [index('credit_records_account_idx').on(t.accountId)],
);

/** A saved application draft (申请草稿) of an applicant account, resumable on another device. */
export const applicationDrafts = pgTable(
  'application_drafts',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    implementationId: uuid('implementation_id')
      .notNull()
      .references(() => implementations.id),
    values: jsonb('values').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.implementationId] })],
);

/**
 * The last case number drawn per region and day (prefix `${regionCode}-${yyyymmdd}-`). A number is
 * drawn in a statement of its own, so submissions wait for each other only for that instant.
 */
export const caseNumberCounters = pgTable('case_number_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});
