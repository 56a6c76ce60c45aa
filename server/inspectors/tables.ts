import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/tables.ts';
import { implementations } from '../catalogue/tables.ts';
import { organisations } from '../organisations/tables.ts';
import { regions } from '../regions/tables.ts';

/**
 * A citizen who applied to be a 政务服务体验官 for a region: approved (or refused, or later
 * suspended) by the region's supervisors, with the reason.
 */
export const inspectors = pgTable(
  'inspectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    occupation: text('occupation'),
    motivation: text('motivation').notNull(),
    /** pending | approved | rejected | suspended */
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => accounts.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspectors_account_uq').on(t.accountId),
    index('inspectors_region_status_idx').on(t.regionCode, t.status),
  ],
);

/** A task given to a 体验官: try matter X through channel Y by a day, and report. */
export const inspectorTasks = pgTable(
  'inspector_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    regionCode: text('region_code').notNull(),
    implementationId: uuid('implementation_id').references(() => implementations.id),
    title: text('title').notNull(),
    /** online | window | kiosk | phone | hotline */
    channel: text('channel').notNull(),
    instructions: text('instructions').notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** open | done | cancelled */
    status: text('status').notNull().default('open'),
    report: text('report'),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [index('inspector_tasks_inspector_idx').on(t.inspectorId, t.status)],
);

/**
 * A fault a 体验官 found (找茬), with a category and screenshots (hashes of files the 体验官 uploaded):
 * assigned by the supervisor to a department with a due day, rectified by it, confirmed (or sent back)
 * by the 体验官, and published on the portal once closed.
 */
export const inspectorFindings = pgTable(
  'inspector_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingNo: text('finding_no').notNull(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectors.id),
    taskId: uuid('task_id').references(() => inspectorTasks.id),
    /** guide | form | system | service | efficiency | other */
    category: text('category').notNull(),
    /** The channel it was met on: online | window | kiosk | phone | hotline */
    channel: text('channel').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    screenshots: jsonb('screenshots').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    regionCode: text('region_code').notNull(),
    regionPath: text('region_path').notNull(),
    implementationId: uuid('implementation_id').references(() => implementations.id),
    /** The department assigned to rectify it. */
    departmentId: uuid('department_id').references(() => organisations.id),
    /** submitted | assigned | rectified | closed | rejected */
    status: text('status').notNull().default('submitted'),
    dueDate: date('due_date', { mode: 'string' }),
    /** none | yellow | red, on the working-day calendar like cases. */
    warning: text('warning').notNull().default('none'),
    assignedBy: uuid('assigned_by').references(() => accounts.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    rectification: text('rectification'),
    rectifiedBy: uuid('rectified_by').references(() => accounts.id),
    rectifiedAt: timestamp('rectified_at', { withTimezone: true }),
    confirmNote: text('confirm_note'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inspector_findings_no_uq').on(t.findingNo),
    index('inspector_findings_inspector_idx').on(t.inspectorId, t.createdAt),
    index('inspector_findings_department_idx').on(t.departmentId, t.status),
    index('inspector_findings_status_idx').on(t.status, t.dueDate),
    index('inspector_findings_published_idx').on(t.publishedAt),
  ],
);

/** Each step of a finding, with who and when: submitted, assigned, rectified, reopened, closed, … */
export const inspectorFindingEvents = pgTable(
  'inspector_finding_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => inspectorFindings.id),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => accounts.id),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspector_finding_events_finding_idx').on(t.findingId, t.at)],
);
