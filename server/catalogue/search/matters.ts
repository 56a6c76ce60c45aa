import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { MatterSummary as MatterSummarySchema } from '../../../common/catalogue/api.ts';
import type { RealisationMode, ServiceObject, Theme } from '../../../common/catalogue/elements.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import { regionPath } from '../../regions/index.ts';
import { buildTsQuery } from './query-text.ts';
import { cachedSynonyms, reloadSynonyms, SYNONYMS_STAMP } from './synonyms.ts';

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

export type MatterSummary = Static<typeof MatterSummarySchema>;

/**
 * A page of matters. `total` counts the matches up to TOTAL_CAP; `totalCapped` (only present
 * when true) says there are more than that.
 */
export type MatterPage = { items: MatterSummary[]; total: number; totalCapped?: true };

/** Matches are counted up to this many: a broad query says 「1000+」 rather than counting them all. */
export const TOTAL_CAP = 1000;

/**
 * How many matters are read from the head of each query word's list (published_matter_terms)
 * when the first results of an unfiltered search are sought; only these are ranked: three times
 * as many as the page reaches, at least HEADS_MIN, and heads are used only for pages within
 * HEADS_MAX. On the 5,000 × 20 benchmark catalogue, first pages from 60 per word equal those
 * from ranking every match for the benchmark and relevance queries.
 */
const HEADS_MIN = 60;
const HEADS_FACTOR = 3;
const HEADS_MAX = 200;

/** Ranking weights of ts_rank_cd for D, C, B, A: names beat keywords and department beat guide text. */
const RANK_WEIGHTS = '{0.02, 0.1, 0.4, 1.0}';

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
  return conditions;
}

/** `WHERE` with the conditions, or nothing. */
export function whereAll(conditions: SQL[]): SQL {
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}

/** A published matter `m` as a result line. */
const SUMMARY = sql`m.implementation_id AS "implementationId", m.code, m.name, m.basic_code AS "basicCode",
  m.matter_type AS "matterType", m.department_id AS "departmentId", m.department_name AS "departmentName",
  m.region_code AS "regionCode", m.region_name AS "regionName", m.service_object AS "serviceObject",
  m.case_type AS "caseType", m.realisation_mode AS "realisationMode", m.legal_limit AS "legalLimit",
  m.promised_limit AS "promisedLimit", m.limit_unit AS "limitUnit", m.visits_required AS "visitsRequired",
  m.themes, m.online_available AS "onlineAvailable"`;

/** An empty result page. */
const nothing = (): MatterPage => ({ items: [], total: 0 });

type PageRow = Partial<MatterSummary> & { total: number; stamp?: string; rank?: number };

/** How many matters `matching` (FROM … WHERE … over `m`) selects, counted up to one more than TOTAL_CAP. */
const cappedCount = (matching: SQL): SQL =>
  sql`(SELECT count(*)::int FROM (SELECT 1 ${matching} LIMIT ${TOTAL_CAP + 1}) s)`;

/**
 * A page and its total in one statement. `count` (e.g. a cappedCount) is read first; `page` (a
 * SELECT of SUMMARY, ordered and limited) gets the condition that the page lies within it, so
 * that a page beyond the end reads nothing. The rows are returned in `order` (over the page's
 * columns `p`); `extra` adds columns to the first row.
 */
async function countedPage(
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
  for (const { total: _total, stamp: _stamp, rank: _rank, ...item } of rows) {
    if (item.implementationId) items.push(item as MatterSummary);
  }
  const page: MatterPage =
    n > TOTAL_CAP ? { items, total: TOTAL_CAP, totalCapped: true } : { items, total: n };
  return { page, rows };
}

/**
 * Chinese full-text search over published matters: the query is segmented with jieba,
 * expanded with synonyms kept in data, and ranked with names over keywords and department
 * over guide text; shorter names first among equals. Matters whose name, keywords or
 * department match come first and alone; only when there are none does the guide text
 * (conditions, materials, result) count, so that 营业执照 lists the matters about the licence,
 * not every matter that asks for one. Empty or meaningless queries give an empty page.
 *
 * The synonyms are kept in memory; each search statement also reads their fingerprint, and when
 * it differs from the one kept they are read again and, if they change the query, it is run again.
 */
export async function searchMatters(options: {
  db: DbOrTx;
  q: string;
  filter?: MatterFilter;
}): Promise<MatterPage> {
  const { db, filter = {} } = options;
  const q = options.q.trim().slice(0, 100);
  if (!q) return nothing();
  const conditions = await filterConditions(db, filter);
  const kept = await cachedSynonyms(db);
  const tsQuery = buildTsQuery(q, kept.synonyms);
  const first = await searchTiers(db, tsQuery, conditions, filter);
  if (first.stamp === undefined || first.stamp === kept.stamp) return first.page;
  const fresh = buildTsQuery(q, (await reloadSynonyms(db)).synonyms);
  if (fresh === tsQuery) return first.page;
  return (await searchTiers(db, fresh, conditions, filter)).page;
}

/** The names tier, or the whole text when no name, keyword or department matches. */
async function searchTiers(
  db: DbOrTx,
  tsQuery: string | null,
  conditions: SQL[],
  filter: MatterFilter,
): Promise<{ page: MatterPage; stamp?: string }> {
  if (!tsQuery) return { page: nothing() };
  const strong = await rankedPage(db, tsQuery, 'names', conditions, filter);
  if (strong.page.total > 0) return strong;
  return rankedPage(db, tsQuery, 'all', conditions, filter);
}

/** The words of a tsquery text ('社保' | ('城镇职工' & '医保') → 社保, 城镇职工, 医保). */
function queryWords(tsQuery: string): string[] {
  return [...new Set([...tsQuery.matchAll(/'([^']+)'/g)].map((m) => m[1]!))];
}

/**
 * How many published matters an unfiltered first-tier query matches, up to one more than
 * TOTAL_CAP, from the lists of its words (published_matter_terms holds every word of every
 * names vector): the union of the lists of the words that match alone, of which at most
 * TOTAL_CAP + 1 entries each are read. Exact when the query has no words that match only together
 * (医保 & 城镇职工) beside others; otherwise those are counted over the index when the words
 * alone do not already reach the cap.
 */
function termsCount(tsQuery: string, counted: SQL): SQL {
  const together = [...tsQuery.matchAll(/\(([^()]*&[^()]*)\)/g)].map((m) => queryWords(m[1]!));
  const alone = queryWords(tsQuery.replace(/\([^()]*&[^()]*\)/g, ''));
  const union = sql`(SELECT least(count(*), ${TOTAL_CAP + 1})::int FROM (SELECT DISTINCT x.id
    FROM unnest(${sql.param(alone)}::text[]) AS w(lexeme) CROSS JOIN LATERAL (SELECT t.implementation_id AS id
      FROM published_matter_terms t WHERE t.lexeme = w.lexeme LIMIT ${TOTAL_CAP + 1}) x) u)`;
  // A group whose words include one that matches alone adds no matches (a | a & b = a).
  if (together.every((words) => words.some((w) => alone.includes(w)))) return union;
  return sql`CASE WHEN ${union} > ${TOTAL_CAP} THEN ${TOTAL_CAP + 1} ELSE ${counted} END`;
}

/**
 * One tier of the search: matters whose `vector` (name and keywords, or all of it) matches,
 * ranked over that vector. The first pages of an unfiltered first-tier search rank only the
 * heads of the query words' lists (names before keywords, shorter names first), which hold
 * the best matches; otherwise every match is ranked.
 */
async function rankedPage(
  db: DbOrTx,
  tsQuery: string,
  tier: 'names' | 'all',
  conditions: SQL[],
  filter: MatterFilter,
  fromHeads = true,
): Promise<{ page: MatterPage; stamp?: string }> {
  const limit = filter.limit ?? 20;
  const offset = filter.offset ?? 0;
  const vector = tier === 'names' ? sql`m.names_vector` : sql`m.search_vector`;
  const query = sql`to_tsquery('simple', ${tsQuery}) AS query`;
  const matches = [sql`${vector} @@ query`, ...conditions];
  const unfiltered = tier === 'names' && !conditions.length;
  const heads = fromHeads && unfiltered && offset + limit <= HEADS_MAX;
  const counted = cappedCount(sql`FROM published_matters m, ${query} ${whereAll(matches)}`);
  const perWord = Math.min(HEADS_MAX, Math.max(HEADS_MIN, HEADS_FACTOR * (offset + limit)));
  const from = heads
    ? sql`FROM (SELECT DISTINCT c.implementation_id
          FROM unnest(${sql.param(queryWords(tsQuery))}::text[]) AS w(lexeme)
          CROSS JOIN LATERAL (SELECT t.implementation_id FROM published_matter_terms t WHERE t.lexeme = w.lexeme
            ORDER BY t.weight, t.name_length, t.name, t.implementation_id LIMIT ${perWord}) c) h
        JOIN published_matters m ON m.implementation_id = h.implementation_id, ${query}`
    : sql`FROM published_matters m, ${query}`;
  const rank = sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], ${vector}, query)`;
  const { page, rows } = await countedPage(db, {
    count: unfiltered ? termsCount(tsQuery, counted) : counted,
    page: (
      withinTotal,
    ) => sql`SELECT ${SUMMARY}, ${rank} AS rank ${from} ${whereAll([...matches, withinTotal])}
      ORDER BY rank DESC, length(m.name), m.name, m.implementation_id LIMIT ${limit} OFFSET ${offset}`,
    order: sql`p.rank DESC, length(p.name), p.name, p."implementationId"`,
    offset,
    extra: sql`, ${SYNONYMS_STAMP} AS stamp`,
  });
  if (heads && page.items.length < Math.min(limit, page.total - offset)) {
    // The heads held too few matches (words that match only together): rank every match.
    return rankedPage(db, tsQuery, tier, conditions, filter, false);
  }
  return { page, stamp: rows[0]?.stamp };
}

/** Published matters by name, with the same filters as the search. */
export async function listMatters(options: { db: DbOrTx; filter?: MatterFilter }): Promise<MatterPage> {
  const { db, filter = {} } = options;
  const limit = filter.limit ?? 20;
  const offset = filter.offset ?? 0;
  const conditions = await filterConditions(db, filter);
  const { page } = await countedPage(db, {
    count: cappedCount(sql`FROM published_matters m ${whereAll(conditions)}`),
    page: (withinTotal) => sql`SELECT ${SUMMARY} FROM published_matters m
      ${whereAll([...conditions, withinTotal])} ORDER BY m.name, m.code LIMIT ${limit} OFFSET ${offset}`,
    order: sql`p.name, p.code`,
    offset,
  });
  return page;
}
