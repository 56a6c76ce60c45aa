import { type SQL, sql } from 'drizzle-orm';
import type { RealisationMode, ServiceObject, Theme } from '../../../common/catalogue/elements.ts';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { regionPath } from '../../regions/service.ts';
import { buildTsQuery, synonymCandidates } from './query-text.ts';
import { synonymsOf } from './synonyms.ts';

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
  limit?: number;
  offset?: number;
};

export type MatterSummary = {
  implementationId: string;
  code: string;
  name: string;
  basicCode: string;
  matterType: string;
  departmentId: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
  serviceObject: string;
  caseType: string;
  realisationMode: string;
  legalLimit: number;
  promisedLimit: number;
  limitUnit: string;
  visitsRequired: number;
  themes: string[];
  onlineAvailable: boolean;
};

export type MatterPage = { items: MatterSummary[]; total: number };

/** Ranking weights of ts_rank_cd for D, C, B, A: names beat keywords and department beat guide text. */
const RANK_WEIGHTS = '{0.02, 0.1, 0.4, 1.0}';

/** Conditions on published versions `v` of implementations `i` for a filter. */
export async function filterConditions(db: DbOrTx, filter: MatterFilter): Promise<SQL[]> {
  const conditions: SQL[] = [sql`v.status = 'published'`];
  if (filter.region) {
    if (filter.subtree) {
      const path = await regionPath(db, filter.region);
      if (!path) throw new AppError('validation.region_code', { field: 'region' });
      conditions.push(sql`i.region_code IN (SELECT code FROM regions
        WHERE path = ${path} OR path LIKE ${`${path}/%`})`);
    } else {
      conditions.push(sql`i.region_code = ${filter.region}`);
    }
  }
  if (filter.departmentId) conditions.push(sql`i.organisation_id = ${filter.departmentId}`);
  if (filter.theme) conditions.push(sql`v.themes @> ARRAY[${filter.theme}]::text[]`);
  if (filter.mode) conditions.push(sql`v.realisation_mode = ${filter.mode}`);
  if (filter.object === 'both') conditions.push(sql`v.service_object = 'both'`);
  else if (filter.object) conditions.push(sql`v.service_object IN (${filter.object}, 'both')`);
  return conditions;
}

/** Presents a page of ranked rows `r` (implementation_id, version_id, total) as matter summaries. */
function summaries(page: SQL, order: SQL): SQL {
  return sql`SELECT i.id AS "implementationId", i.code, v.name, bm.code AS "basicCode",
      bm.matter_type AS "matterType", o.id AS "departmentId", o.name AS "departmentName",
      rg.code AS "regionCode", rg.name AS "regionName", v.service_object AS "serviceObject",
      v.case_type AS "caseType", v.realisation_mode AS "realisationMode", v.legal_limit AS "legalLimit",
      v.promised_limit AS "promisedLimit", v.limit_unit AS "limitUnit", v.visits_required AS "visitsRequired",
      v.themes, (v.document->'channels') ? 'online' AS "onlineAvailable", r.total
    FROM (${page}) r
    JOIN implementation_versions v ON v.id = r.version_id
    JOIN implementations i ON i.id = v.implementation_id
    JOIN basic_matters bm ON bm.id = i.basic_matter_id
    JOIN organisations o ON o.id = i.organisation_id
    JOIN regions rg ON rg.code = i.region_code
    ORDER BY ${order}`;
}

async function run(db: DbOrTx, query: SQL, offset: number, count: SQL): Promise<MatterPage> {
  const result = await db.execute<MatterSummary & { total: string | number }>(query);
  const rows = result.rows;
  if (!rows.length && offset > 0) {
    // A page past the end still says how many there are.
    const counted = await db.execute<{ total: string }>(count);
    return { items: [], total: Number(counted.rows[0]?.total ?? 0) };
  }
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return { items: rows.map(({ total: _total, ...item }) => item), total };
}

/**
 * Chinese full-text search over published matters: the query is segmented with jieba,
 * expanded with synonyms kept in data, and ranked with names over keywords and department
 * over guide text; shorter names first among equals. Matters whose name, keywords or
 * department match come first and alone; only when there are none does the guide text
 * (conditions, materials, result) count, so that 营业执照 lists the matters about the licence,
 * not every matter that asks for one. Empty or meaningless queries give an empty page.
 */
export async function searchMatters(options: {
  db: DbOrTx;
  q: string;
  filter?: MatterFilter;
}): Promise<MatterPage> {
  const { db, filter = {} } = options;
  const q = options.q.trim().slice(0, 100);
  if (!q) return { items: [], total: 0 };
  const synonyms = await synonymsOf(db, synonymCandidates(q));
  const tsQuery = buildTsQuery(q, synonyms);
  if (!tsQuery) return { items: [], total: 0 };
  const conditions = await filterConditions(db, filter);
  const strong = await rankedPage(db, tsQuery, sql`ts_filter(v.search_vector, '{a,b}')`, conditions, filter);
  if (strong.total > 0) return strong;
  return rankedPage(db, tsQuery, sql`v.search_vector`, conditions, filter);
}

/** One tier of the search: versions whose `vector` (all of it, or its A and B part) matches. */
async function rankedPage(
  db: DbOrTx,
  tsQuery: string,
  vector: SQL,
  conditions: SQL[],
  filter: MatterFilter,
): Promise<MatterPage> {
  const limit = filter.limit ?? 20;
  const offset = filter.offset ?? 0;
  const from = sql`FROM implementation_versions v
    JOIN implementations i ON i.id = v.implementation_id,
      to_tsquery('simple', ${tsQuery}) AS query
    WHERE ${vector} @@ query AND ${sql.join(conditions, sql` AND `)}`;
  const page = sql`SELECT v.id AS version_id, ts_rank_cd(${RANK_WEIGHTS}::float4[], v.search_vector, query) AS rank,
      length(v.name) AS name_length, v.name, count(*) OVER () AS total
    ${from}
    ORDER BY rank DESC, name_length, v.name, v.id
    LIMIT ${limit} OFFSET ${offset}`;
  const order = sql`r.rank DESC, r.name_length, r.name, r.version_id`;
  return run(db, summaries(page, order), offset, sql`SELECT count(*) AS total ${from}`);
}

/** Published matters by name, with the same filters as the search. */
export async function listMatters(options: { db: DbOrTx; filter?: MatterFilter }): Promise<MatterPage> {
  const { db, filter = {} } = options;
  const limit = filter.limit ?? 20;
  const offset = filter.offset ?? 0;
  const conditions = await filterConditions(db, filter);
  const from = sql`FROM implementation_versions v
    JOIN implementations i ON i.id = v.implementation_id
    WHERE ${sql.join(conditions, sql` AND `)}`;
  const page = sql`SELECT v.id AS version_id, v.name, i.code, count(*) OVER () AS total
    ${from}
    ORDER BY v.name, i.code
    LIMIT ${limit} OFFSET ${offset}`;
  return run(db, summaries(page, sql`r.name, r.code`), offset, sql`SELECT count(*) AS total ${from}`);
}
