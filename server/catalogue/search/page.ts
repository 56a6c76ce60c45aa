import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { MatterSummary as MatterSummarySchema } from '../../../common/catalogue/api.ts';
import type { RealisationMode, ServiceObject, Theme } from '../../../common/catalogue/elements.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import { regionPath } from '../../regions/index.ts';

/** Filters of the public catalogue: where, which department, theme, realisation mode, for whom. */
export type MatterFilter = {
  region?: string;
  /** With `region`: include the regions below it. */
  subtree?: boolean;
  departmentId?: string;
  theme?: Theme;
  mode?: RealisationMode;
  /** person: matters for natural persons (including those for both); company likewise. */
  object?: ServiceObject;
  /** Only the implementations of this basic matter. */
  basicCode?: string;
  /** basic: one result per basic matter, with its places. */
  group?: 'basic';
  limit?: number;
  offset?: number;
};

export type MatterSummary = Static<typeof MatterSummarySchema>;

/**
 * A page of matters. `total` counts the matches up to TOTAL_CAP; `totalCapped` (only present
 * when true) says there are more than that.
 */
export type MatterPage = { items: MatterSummary[]; total: number; totalCapped?: true };

/** Matches are counted up to this many: a broad query says 「1000+」 rather than counting them all. */
export const TOTAL_CAP = 1000;

/** Conditions on published matters `m` for a filter. */
export async function filterConditions(db: DbOrTx, filter: MatterFilter): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filter.region) {
    if (filter.subtree) {
      const path = await regionPath(db, filter.region);
      if (!path) throw new AppError('validation.region_code', { field: 'region' });
      conditions.push(sql`(m.region_path = ${path} OR m.region_path LIKE ${`${path}/%`})`);
    } else {
      conditions.push(sql`m.region_code = ${filter.region}`);
    }
  }
  if (filter.departmentId) conditions.push(sql`m.department_id = ${filter.departmentId}`);
  if (filter.theme) conditions.push(sql`m.themes @> ARRAY[${filter.theme}]::text[]`);
  if (filter.mode) conditions.push(sql`m.realisation_mode = ${filter.mode}`);
  if (filter.object === 'both') conditions.push(sql`m.service_object = 'both'`);
  else if (filter.object) conditions.push(sql`m.service_object IN (${filter.object}, 'both')`);
  if (filter.basicCode) conditions.push(sql`m.basic_code = ${filter.basicCode}`);
  return conditions;
}

/** `WHERE` with the conditions, or nothing. */
export function whereAll(conditions: SQL[]): SQL {
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

/** A published matter `m` as a result line. */
export const SUMMARY = sql`m.implementation_id AS "implementationId", m.code, m.name, m.basic_code AS "basicCode",
  m.matter_type AS "matterType", m.department_id AS "departmentId", m.department_name AS "departmentName",
  m.region_code AS "regionCode", m.region_name AS "regionName", m.service_object AS "serviceObject",
  m.case_type AS "caseType", m.realisation_mode AS "realisationMode", m.legal_limit AS "legalLimit",
  m.promised_limit AS "promisedLimit", m.limit_unit AS "limitUnit", m.visits_required AS "visitsRequired",
  m.themes, m.online_available AS "onlineAvailable"`;

/** An empty result page. */
export const nothing = (): MatterPage => ({ items: [], total: 0 });

/** Columns of a page's rows that order it and are not part of the answer. */
type PageRow = Partial<MatterSummary> & {
  total: number;
  stamp?: string;
  rank?: number;
  sortLength?: number;
  sortName?: string;
};

/** How many matters `matching` (FROM … WHERE … over `m`) selects, counted up to one more than TOTAL_CAP. */
export const cappedCount = (matching: SQL): SQL =>
  sql`(SELECT count(*)::int FROM (SELECT 1 ${matching} LIMIT ${TOTAL_CAP + 1}) s)`;

/** How many basic matters the matters `matching` (FROM … WHERE … over `m`) implement, up to one more than TOTAL_CAP. */
export const cappedBasicCount = (matching: SQL): SQL =>
  sql`(SELECT count(*)::int FROM (SELECT DISTINCT m.basic_code ${matching} LIMIT ${TOTAL_CAP + 1}) s)`;

/**
 * A page and its total in one statement. `count` (e.g. a cappedCount) is read first; `page` (a
 * SELECT of SUMMARY, ordered and limited) gets the condition that the page lies within it, so
 * that a page beyond the end reads nothing. The rows are returned in `order` (over the page's
 * columns `p`); `extra` adds columns to the first row.
 */
export async function countedPage(
  db: DbOrTx,
  parts: { count: SQL; page: (withinTotal: SQL) => SQL; order: SQL; offset: number; extra?: SQL },
): Promise<{ page: MatterPage; rows: PageRow[] }> {
  const withinTotal = sql`(SELECT n FROM counted) > ${parts.offset}`;
  const result = await db.execute<PageRow>(sql`
    WITH counted AS MATERIALIZED (SELECT ${parts.count} AS n)
    SELECT c.n AS total ${parts.extra ?? sql``}, p.*
    FROM counted c LEFT JOIN (${parts.page(withinTotal)}) p ON true
    ORDER BY ${parts.order}`);
  const rows = result.rows;
  const n = Number(rows[0]?.total ?? 0);
  const items: MatterSummary[] = [];
  for (const row of rows) {
    const { total: _t, stamp: _s, rank: _r, sortLength: _l, sortName: _n, ...item } = row;
    if (item.implementationId) items.push(item as MatterSummary);
  }
  const page: MatterPage =
    n > TOTAL_CAP ? { items, total: TOTAL_CAP, totalCapped: true } : { items, total: n };
  return { page, rows };
}
