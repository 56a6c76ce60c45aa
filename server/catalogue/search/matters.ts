import { type SQL, sql } from 'drizzle-orm';
import { keptUnder } from '../../core/caches.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import type { Kept } from '../../core/kept.ts';
import { GROUPED_BY_NAME, GROUPED_ORDER, groupedPageRows } from './grouped.ts';
import {
  cappedBasicCount,
  cappedCount,
  countedPage,
  filterConditions,
  type MatterFilter,
  type MatterPage,
  nothing,
  SUMMARY,
  TOTAL_CAP,
  whereAll,
} from './page.ts';
import { buildTsQuery } from './query-text.ts';
import { cachedSynonyms, reloadSynonyms, SYNONYMS_STAMP } from './synonyms.ts';

export {
  filterConditions,
  type MatterFilter,
  type MatterPage,
  type MatterSummary,
  TOTAL_CAP,
  whereAll,
} from './page.ts';

/**
 * How many matters are read from the head of each query word's list (published_matter_terms)
 * when the first results of an unfiltered search are sought; only these are ranked: three times
 * as many as the page reaches, at least HEADS_MIN, and heads are used only for pages within
 * HEADS_MAX. On the 5,000 × 20 benchmark catalogue, first pages from 60 per word equal those
 * from ranking every match for the benchmark and relevance queries. Grouped by basic matter,
 * the heads are the leads of the basic matters (one row per word and basic matter).
 */
const HEADS_MIN = 60;
const HEADS_FACTOR = 3;
const HEADS_MAX = 200;

/** Ranking weights of ts_rank_cd for D, C, B, A: names beat keywords and department beat guide text. */
const RANK_WEIGHTS = '{0.02, 0.1, 0.4, 1.0}';

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
 * How many published matters (or, `grouped`, basic matters) an unfiltered first-tier query
 * matches, up to one more than TOTAL_CAP, from the lists of its words (published_matter_terms
 * holds every word of every names vector; its leads one row per word and basic matter): the union
 * of the lists of the words that match alone, of which at most TOTAL_CAP + 1 entries each are read.
 * Exact when the query has no words that match only together (医保 & 城镇职工) beside others;
 * otherwise those are counted over the index when the words alone do not already reach the cap.
 */
function termsCount(tsQuery: string, counted: SQL, grouped: boolean): SQL {
  const together = [...tsQuery.matchAll(/\(([^()]*&[^()]*)\)/g)].map((m) => queryWords(m[1]!));
  const alone = queryWords(tsQuery.replace(/\([^()]*&[^()]*\)/g, ''));
  const entry = grouped ? sql`t.basic_code AS id` : sql`t.implementation_id AS id`;
  const leads = grouped ? sql` AND t.lead` : sql``;
  const union = sql`(SELECT least(count(*), ${TOTAL_CAP + 1})::int FROM (SELECT DISTINCT x.id
    FROM unnest(${sql.param(alone)}::text[]) AS w(lexeme) CROSS JOIN LATERAL (SELECT ${entry}
      FROM published_matter_terms t WHERE t.lexeme = w.lexeme${leads} LIMIT ${TOTAL_CAP + 1}) x) u)`;
  // A group whose words include one that matches alone adds no matches (a | a & b = a).
  if (together.every((words) => words.some((w) => alone.includes(w)))) return union;
  return sql`CASE WHEN ${union} > ${TOTAL_CAP} THEN ${TOTAL_CAP + 1} ELSE ${counted} END`;
}

/**
 * One tier of the search: matters whose `vector` (name and keywords, or all of it) matches,
 * ranked over that vector. The first pages of an unfiltered first-tier search rank only the
 * heads of the query words' lists (names before keywords, shorter names first), which hold
 * the best matches; otherwise every match is ranked. Grouped by basic matter, a basic matter
 * ranks as its best implementation.
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
  const grouped = filter.group === 'basic';
  const vector = tier === 'names' ? sql`m.names_vector` : sql`m.search_vector`;
  const query = sql`to_tsquery('simple', ${tsQuery}) AS query`;
  const matches = [sql`${vector} @@ query`, ...conditions];
  const unfiltered = tier === 'names' && !conditions.length;
  const heads = fromHeads && unfiltered && offset + limit <= HEADS_MAX;
  const matching = sql`FROM published_matters m, ${query} ${whereAll(matches)}`;
  const counted = grouped ? cappedBasicCount(matching) : cappedCount(matching);
  const perWord = Math.min(HEADS_MAX, Math.max(HEADS_MIN, HEADS_FACTOR * (offset + limit)));
  const leads = grouped ? sql` AND t.lead` : sql``;
  const from = heads
    ? sql`FROM (SELECT DISTINCT c.implementation_id
          FROM unnest(${sql.param(queryWords(tsQuery))}::text[]) AS w(lexeme)
          CROSS JOIN LATERAL (SELECT t.implementation_id FROM published_matter_terms t WHERE t.lexeme = w.lexeme${leads}
            ORDER BY t.weight, t.name_length, t.name, t.implementation_id LIMIT ${perWord}) c) h
        JOIN published_matters m ON m.implementation_id = h.implementation_id, ${query}`
    : sql`FROM published_matters m, ${query}`;
  const rank = sql`ts_rank_cd(${RANK_WEIGHTS}::float4[], ${vector}, query)`;
  const { page, rows } = await countedPage(db, {
    count: unfiltered ? termsCount(tsQuery, counted, grouped) : counted,
    page: (withinTotal) =>
      grouped
        ? groupedPageRows({
            candidates: sql`SELECT m.basic_code, m.name, ${rank} AS rank ${from} ${whereAll(matches)}`,
            withinTotal,
            limit,
            offset,
            // The few places of one basic matter are read by its code and each tested: through the
            // word index, a generic plan would intersect with every matter holding the word.
            members: sql`FROM published_matters m, ${query} ${whereAll([
              sql`m.basic_code = g.basic_code`,
              sql`coalesce(${vector}, ''::tsvector) @@ query`,
              ...conditions,
            ])}`,
            memberRank: rank,
          })
        : sql`SELECT ${SUMMARY}, ${rank} AS rank ${from} ${whereAll([...matches, withinTotal])}
      ORDER BY rank DESC, length(m.name), m.name, m.implementation_id LIMIT ${limit} OFFSET ${offset}`,
    order: grouped ? GROUPED_ORDER : sql`p.rank DESC, length(p.name), p.name, p."implementationId"`,
    offset,
    extra: sql`, ${SYNONYMS_STAMP} AS stamp`,
  });
  if (heads && page.items.length < Math.min(limit, page.total - offset)) {
    // The heads held too few matches (words that match only together): rank every match.
    return rankedPage(db, tsQuery, tier, conditions, filter, false);
  }
  return { page, stamp: rows[0]?.stamp };
}

/**
 * Published matters by name, with the same filters as the search; grouped by basic matter, each
 * basic matter once (its implementation highest in the region tree) with its places.
 */
export async function listMatters(options: { db: DbOrTx; filter?: MatterFilter }): Promise<MatterPage> {
  const { db, filter = {} } = options;
  const limit = filter.limit ?? 20;
  const offset = filter.offset ?? 0;
  const conditions = await filterConditions(db, filter);
  if (filter.group === 'basic') {
    const { limit: _l, offset: _o, ...where } = filter;
    return groupedList({ db, conditions, limit, offset, key: JSON.stringify(where) });
  }
  const matching = sql`FROM published_matters m ${whereAll(conditions)}`;
  const { page } = await countedPage(db, {
    count: cappedCount(matching),
    page: (withinTotal) => sql`SELECT ${SUMMARY} FROM published_matters m
      ${whereAll([...conditions, withinTotal])} ORDER BY m.name, m.code LIMIT ${limit} OFFSET ${offset}`,
    order: sql`p.name, p.code`,
    offset,
  });
  return page;
}

/**
 * Rows read (in name order) per basic matter of a grouped page: a basic matter's places come one
 * after another in that order, so the first basic matters are found in the first rows; when these
 * hold too few, eight times as many are read, and past ROWS_READ_MAX all of them.
 */
const ROWS_PER_BASIC_MATTER = 20;
const ROWS_READ_MAX = 20_000;

/**
 * How many basic matters a browse filter finds, kept a minute per database (the answers are public
 * for as long: cachePublicly), forgotten when a matter is published or retired in this process:
 * counting them reads every place of up to TOTAL_CAP + 1 basic matters.
 */
const BASIC_TOTAL_KEPT_MS = 60_000;
const basicTotals = new WeakMap<object, Kept<number>>();

function basicTotalsOf(db: DbOrTx): Kept<number> {
  let kept = basicTotals.get(db);
  if (!kept) {
    kept = keptUnder<number>({
      ttlMs: BASIC_TOTAL_KEPT_MS,
      limit: 1000,
      dependsOn: { implementation: 'all' },
    });
    basicTotals.set(db, kept);
  }
  return kept;
}

/**
 * A page of basic matters by name. The rows matching are read in the order (name, basic code), in
 * which each basic matter first appears in its place in the page's order (smallest name, then
 * code); `rows` bounds how many are read (null: all). `key` names the filter for the kept total.
 */
async function groupedList(options: {
  db: DbOrTx;
  conditions: SQL[];
  limit: number;
  offset: number;
  key: string;
  rows?: number | null;
}): Promise<MatterPage> {
  const { db, conditions, limit, offset, key } = options;
  const rows = options.rows === undefined ? (offset + limit) * ROWS_PER_BASIC_MATTER : options.rows;
  const totals = basicTotalsOf(db);
  const known = totals.get(key);
  const matching = sql`FROM published_matters m ${whereAll(conditions)}`;
  const first = rows === null ? sql`` : sql` ORDER BY m.name, m.basic_code LIMIT ${rows}`;
  const { page } = await countedPage(db, {
    count: known === undefined ? cappedBasicCount(matching) : sql`${known}::int`,
    page: (withinTotal) =>
      groupedPageRows({
        candidates: sql`SELECT m.basic_code, m.name, 0 AS rank ${matching}${first}`,
        withinTotal,
        limit,
        offset,
        members: sql`FROM published_matters m ${whereAll([sql`m.basic_code = g.basic_code`, ...conditions])}`,
        memberRank: sql`0`,
        byName: true,
      }),
    order: GROUPED_BY_NAME,
    offset,
  });
  if (known === undefined) totals.set(key, page.totalCapped ? TOTAL_CAP + 1 : page.total);
  if (rows !== null && page.items.length < Math.min(limit, page.total - offset)) {
    const more = rows * 8 > ROWS_READ_MAX ? null : rows * 8;
    return groupedList({ ...options, rows: more });
  }
  return page;
}
