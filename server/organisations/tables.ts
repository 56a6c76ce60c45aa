import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { regions } from '../regions/tables.ts';

/** Departments, service centres, street centres and community stations. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** department | service_centre | street_centre | community_station */
    kind: text('kind').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    parentId: uuid('parent_id'),
    creditCode: text('credit_code'),
    phone: text('phone'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_region_idx').on(t.regionCode),
    index('organisations_parent_idx').on(t.parentId),
    uniqueIndex('organisations_credit_code_uq').on(t.creditCode),
  ],
);

/** A service hall (办事大厅) run by a service centre, street centre or community station. */
export const halls = pgTable('halls', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  address: text('address').notNull(),
  openingHours: text('opening_hours').notNull(),
  phone: text('phone'),
  /** WGS-84 position of the hall, for the stations near a person (15 分钟政务服务圈). */
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A window (窗口) of a hall: comprehensive (综合窗口) or dedicated to one department. */
export const windows = pgTable(
  'windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hallId: uuid('hall_id')
      .notNull()
      .references(() => halls.id),
    number: text('number').notNull(),
    name: text('name').notNull(),
    /** comprehensive | dedicated */
    kind: text('kind').notNull(),
    /** For a dedicated window: the department it serves. */
    departmentId: uuid('department_id').references(() => organisations.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('windows_hall_number_uq').on(t.hallId, t.number)],
);
