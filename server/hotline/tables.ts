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
import { cases } from '../cases/tables.ts';
import { organisations } from '../organisations/tables.ts';
import { ratings } from '../ratings/tables.ts';

/**
 * A 12345 request (工单, 国办发〔2020〕53号): 咨询, 求助, 建议, 投诉 or 举报 taken by an operator from
 * the phone, the web, the portal or the mini-program; answered at once from the knowledge base or
 * dispatched to departments (one 主办, any 协办), replied, the requester called back (回访).
 */
export const hotlineRequests = pgTable(
  'hotline_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestNo: text('request_no').notNull(),
    /** consult | help | suggestion | complaint | report */
    kind: text('kind').notNull(),
    /** phone | web | portal | miniprogram */
    channel: text('channel').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterPhone: text('requester_phone'),
    requesterId: uuid('requester_id').references(() => accounts.id),
    title: text('title').notNull(),
    content: text('content').notNull(),
    regionCode: text('region_code').notNull(),
    regionPath: text('region_path').notNull(),
    address: text('address'),
    /** A complaint about a case, or the 差评 it came from (or became). */
    caseId: uuid('case_id').references(() => cases.id),
    ratingId: uuid('rating_id').references(() => ratings.id),
    /** received | answered | dispatched | replied | revisited | closed | merged */
    status: text('status').notNull().default('received'),
    /** A 咨询 answered by the operator at once (即时办结). */
    answeredAtOnce: boolean('answered_at_once').notNull().default(false),
    answer: text('answer'),
    /** The working days the kind allows, and the day it falls due (working-day calendar). */
    limitDays: integer('limit_days').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** none | yellow | red; escalated to the supervisor when overdue. */
    warning: text('warning').notNull().default('none'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** The operator who took it (首接负责). */
    receivedBy: uuid('received_by').references(() => accounts.id),
    primaryDepartmentId: uuid('primary_department_id').references(() => organisations.id),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    revisitNote: text('revisit_note'),
    revisitedAt: timestamp('revisited_at', { withTimezone: true }),
    /** satisfied | basically | dissatisfied (the requester's word at the revisit) */
    satisfaction: text('satisfaction'),
    mergedInto: uuid('merged_into'),
    /** The first day of the month (China time) it was received. */
    month: date('month', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('hotline_requests_no_uq').on(t.requestNo),
    index('hotline_requests_status_idx').on(t.status, t.dueDate),
    index('hotline_requests_department_idx').on(t.primaryDepartmentId, t.month),
    index('hotline_requests_month_idx').on(t.month, t.kind),
    index('hotline_requests_case_idx').on(t.caseId),
  ],
);

/**
 * A request sent to a department: 主办 (primary) or 协办 (assisting). The department replies, or
 * returns it with a reason (退单), which the hotline office accepts (and re-dispatches) or rejects.
 */
export const hotlineAssignments = pgTable(
  'hotline_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => hotlineRequests.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => organisations.id),
    /** primary | assisting */
    role: text('role').notNull(),
    /** assigned | returned | replied | withdrawn */
    status: text('status').notNull().default('assigned'),
    assignedBy: uuid('assigned_by').references(() => accounts.id),
    returnReason: text('return_reason'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    /** accepted | rejected: the office's review of a return */
    returnReview: text('return_review'),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: uuid('replied_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hotline_assignments_request_idx').on(t.requestId),
    index('hotline_assignments_department_idx').on(t.departmentId, t.status),
  ],
);

/** Each step of a request, with who and when: received, answered, dispatched, returned, … */
export const hotlineEvents = pgTable(
  'hotline_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => hotlineRequests.id),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => accounts.id),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hotline_events_request_idx').on(t.requestId, t.at)],
);

/** Knowledge-base entries (FAQ) the operators answer 咨询 from, beside the catalogue's guides. */
export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    keywords: text('keywords').notNull().default(''),
    regionCode: text('region_code').notNull(),
    departmentId: uuid('department_id').references(() => organisations.id),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('faq_entries_region_idx').on(t.regionCode)],
);

/**
 * 12345 figures per month and scope, kept with each change of a request (not scanned): scope
 * 'region' for every region on the request's path, 'department' for its 主办 department. Counts
 * of requests received in the month (by kind), answered at once (即时办结), closed, closed by the
 * due day (按时办结), closed late, past due and still open, returned (退单), escalated, revisited, and the requester's word.
 */
export const hotlineMonthly = pgTable(
  'hotline_monthly',
  {
    month: date('month', { mode: 'string' }).notNull(),
    /** region | department */
    scopeKind: text('scope_kind').notNull(),
    scopeId: text('scope_id').notNull(),
    received: integer('received').notNull().default(0),
    consults: integer('consults').notNull().default(0),
    helps: integer('helps').notNull().default(0),
    suggestions: integer('suggestions').notNull().default(0),
    complaints: integer('complaints').notNull().default(0),
    reports: integer('reports').notNull().default(0),
    answeredAtOnce: integer('answered_at_once').notNull().default(0),
    dispatched: integer('dispatched').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    closedOnTime: integer('closed_on_time').notNull().default(0),
    closedLate: integer('closed_late').notNull().default(0),
    /** Past the due day and not yet done (raised by the warnings job, lowered when it is done). */
    overdueOpen: integer('overdue_open').notNull().default(0),
    returned: integer('returned').notNull().default(0),
    escalated: integer('escalated').notNull().default(0),
    merged: integer('merged').notNull().default(0),
    revisited: integer('revisited').notNull().default(0),
    satisfied: integer('satisfied').notNull().default(0),
    basicallySatisfied: integer('basically_satisfied').notNull().default(0),
    dissatisfied: integer('dissatisfied').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.scopeKind, t.scopeId] })],
);
