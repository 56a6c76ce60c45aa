import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
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
import type { ImplementationDocument, LegalBasis } from '../../common/catalogue/guide.ts';
import { accounts } from '../accounts/tables.ts';
import { organisations } from '../organisations/tables.ts';
import { regions } from '../regions/tables.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** 基本目录: a matter as the law defines it. */
export const basicMatters = pgTable('basic_matters', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** 基本编码 */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  matterType: text('matter_type').notNull(),
  exercisingLevel: text('exercising_level').notNull(),
  legalBasis: jsonb('legal_basis').$type<LegalBasis[]>().notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 实施清单: a basic matter implemented by one organisation in one region. Its content lives in versions. */
export const implementations = pgTable(
  'implementations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    basicMatterId: uuid('basic_matter_id')
      .notNull()
      .references(() => basicMatters.id),
    /** 实施编码 */
    code: text('code').notNull().unique(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The published version, if any. */
    publishedVersionId: uuid('published_version_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('implementations_org_idx').on(t.organisationId),
    index('implementations_region_idx').on(t.regionCode),
    index('implementations_basic_idx').on(t.basicMatterId),
  ],
);

/**
 * One version of an implementation. A published version is immutable; editing makes
 * a new draft. `rev` counts edits of a draft for optimistic concurrency.
 * The columns beside `document` repeat the fields that filters and statistics need.
 */
export const implementationVersions = pgTable(
  'implementation_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    implementationId: uuid('implementation_id')
      .notNull()
      .references(() => implementations.id),
    versionNo: integer('version_no').notNull(),
    /** draft | under_review | published | superseded | retired */
    status: text('status').notNull(),
    rev: integer('rev').notNull().default(1),
    document: jsonb('document').$type<ImplementationDocument>().notNull(),
    name: text('name').notNull(),
    serviceObject: text('service_object').notNull(),
    caseType: text('case_type').notNull(),
    realisationMode: text('realisation_mode').notNull(),
    limitUnit: text('limit_unit').notNull(),
    legalLimit: integer('legal_limit').notNull(),
    promisedLimit: integer('promised_limit').notNull(),
    visitsRequired: integer('visits_required').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid('created_by').references(() => accounts.id),
    submittedBy: uuid('submitted_by').references(() => accounts.id),
    reviewedBy: uuid('reviewed_by').references(() => accounts.id),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('implementation_versions_no_uq').on(t.implementationId, t.versionNo),
    /** At most one version in editing or review, and at most one published, per implementation. */
    uniqueIndex('implementation_versions_open_uq')
      .on(t.implementationId)
      .where(sql`status in ('draft', 'under_review')`),
    uniqueIndex('implementation_versions_published_uq')
      .on(t.implementationId)
      .where(sql`status = 'published'`),
    index('implementation_versions_status_idx').on(t.status),
    index('implementation_versions_themes_idx').using('gin', t.themes),
  ],
);

/**
 * One row per published implementation: what the public search, browsing and statistics need,
 * written when a version is published (department and region names and the region path are
 * taken from their modules then), so that reading them joins nothing and detoasts no document.
 */
export const publishedMatters = pgTable(
  'published_matters',
  {
    implementationId: uuid('implementation_id')
      .primaryKey()
      .references(() => implementations.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => implementationVersions.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    basicCode: text('basic_code').notNull(),
    matterType: text('matter_type').notNull(),
    departmentId: uuid('department_id').notNull(),
    departmentName: text('department_name').notNull(),
    regionCode: text('region_code').notNull(),
    regionName: text('region_name').notNull(),
    /** The region's path ('610000/610100/610102'): a prefix selects a subtree. */
    regionPath: text('region_path').notNull(),
    serviceObject: text('service_object').notNull(),
    caseType: text('case_type').notNull(),
    realisationMode: text('realisation_mode').notNull(),
    limitUnit: text('limit_unit').notNull(),
    legalLimit: integer('legal_limit').notNull(),
    promisedLimit: integer('promised_limit').notNull(),
    visitsRequired: integer('visits_required').notNull(),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    onlineAvailable: boolean('online_available').notNull(),
    /** Name (weight A), keywords, department and basic matter names (B): the first tier of the search, small. */
    namesVector: tsvector('names_vector').notNull(),
    /** The same plus the guide text (C): the second tier, searched only when the first finds nothing. */
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [
    index('published_matters_names_vector_idx').using('gin', t.namesVector),
    index('published_matters_search_vector_idx').using('gin', t.searchVector),
    index('published_matters_name_idx').on(t.name, t.code),
    index('published_matters_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
    index('published_matters_region_idx').on(t.regionCode),
    index('published_matters_department_idx').on(t.departmentId),
    index('published_matters_themes_idx').using('gin', t.themes),
    /** The places of a basic matter (its implementations), the city before its districts. */
    index('published_matters_basic_idx').on(t.basicCode, t.regionPath),
  ],
);

/**
 * The words of each published matter's name and keywords vector, one row each, in the order of
 * relevance for that word (name before keywords, shorter names first): the first results of a
 * broad query are read from the head of a few of these lists instead of ranking every match.
 */
export const publishedMatterTerms = pgTable(
  'published_matter_terms',
  {
    lexeme: text('lexeme').notNull(),
    /** A (name) or B (keywords, department, basic matter). */
    weight: text('weight').notNull(),
    nameLength: integer('name_length').notNull(),
    name: text('name').notNull(),
    implementationId: uuid('implementation_id')
      .notNull()
      .references(() => publishedMatters.implementationId, { onDelete: 'cascade' }),
    /** The basic matter the implementation implements. */
    basicCode: text('basic_code').notNull(),
    /**
     * The first row of its basic matter for this word (in the list's order): the lists of the
     * search grouped by basic matter hold these only, one per basic matter.
     */
    lead: boolean('lead').notNull().default(false),
  },
  (t) => [
    index('published_matter_terms_order_idx').on(
      t.lexeme,
      t.weight,
      t.nameLength,
      t.name,
      t.implementationId,
    ),
    index('published_matter_terms_lead_idx')
      .on(t.lexeme, t.weight, t.nameLength, t.name, t.implementationId)
      .where(sql`lead`),
    index('published_matter_terms_matter_idx').on(t.implementationId),
    index('published_matter_terms_basic_idx').on(t.basicCode),
  ],
);

/** Search synonyms kept in data: a query term and what it also means (过户 → 转移登记). */
export const searchSynonyms = pgTable('search_synonyms', {
  id: uuid('id').primaryKey().defaultRandom(),
  term: text('term').notNull().unique(),
  synonyms: text('synonyms').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What people search for, counted per day without anything about who searched (no account, no
 * address): the hot search terms of the portal. Bounded: a day holds at most a fixed number of
 * terms, and days older than the hot window are deleted.
 */
export const searchTermCounts = pgTable(
  'search_term_counts',
  {
    day: date('day', { mode: 'string' }).notNull(),
    term: text('term').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.term] })],
);
