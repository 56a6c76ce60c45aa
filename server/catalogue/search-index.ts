import { eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { LABELS } from '../../common/catalogue/elements.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { findOrganisation } from '../organisations/index.ts';
import { findRegion } from '../regions/index.ts';
import { indexTokens } from './search/tokenizer.ts';
import {
  basicMatters,
  implementations,
  implementationVersions,
  publishedMatters,
  publishedMatterTerms,
} from './tables.ts';

/** What the index of one version is built from. */
type IndexSource = {
  id: string;
  document: ImplementationDocument;
  departmentName: string;
  basicMatterName: string;
};

/** Space-separated tokens of the three weight classes; each word counted once, at its highest weight. */
export type WeightedTokens = { a: string; b: string; c: string };

/**
 * Name → weight A; keywords, department name and basic matter name → B; the other guide text
 * (acceptance conditions, material names, result name, theme labels) → C.
 */
export function weightedTokens(source: Omit<IndexSource, 'id'>): WeightedTokens {
  const { document } = source;
  const a = new Set(indexTokens(document.name));
  const b = new Set<string>();
  for (const text of [...document.keywords, source.departmentName, source.basicMatterName]) {
    for (const token of indexTokens(text)) if (!a.has(token)) b.add(token);
  }
  const c = new Set<string>();
  const guideText = [
    document.acceptanceConditions,
    ...document.materials.map((m) => m.name),
    document.result.name,
    ...document.themes.map((t) => LABELS.theme[t]),
  ];
  for (const text of guideText) {
    for (const token of indexTokens(text)) if (!a.has(token) && !b.has(token)) c.add(token);
  }
  return { a: [...a].join(' '), b: [...b].join(' '), c: [...c].join(' ') };
}

/** The two search vectors of a published matter: name and keywords (A, B), and all of it (A, B, C). */
export function searchVectors(tokens: WeightedTokens): { namesVector: SQL; searchVector: SQL } {
  const names = sql`setweight(to_tsvector('simple', ${tokens.a}::text), 'A')
    || setweight(to_tsvector('simple', ${tokens.b}::text), 'B')`;
  return {
    namesVector: names,
    searchVector: sql`${names} || setweight(to_tsvector('simple', ${tokens.c}::text), 'C')`,
  };
}

const sourceColumns = {
  implementationId: implementations.id,
  versionId: implementationVersions.id,
  code: implementations.code,
  document: implementationVersions.document,
  basicCode: basicMatters.code,
  basicMatterName: basicMatters.name,
  matterType: basicMatters.matterType,
  organisationId: implementations.organisationId,
  regionCode: implementations.regionCode,
};

type Source = { [K in keyof typeof sourceColumns]: (typeof sourceColumns)[K]['_']['data'] };

/** Published implementations as the index reads them (catalogue tables only). */
const sources = (db: DbOrTx) =>
  db
    .select(sourceColumns)
    .from(implementations)
    .innerJoin(implementationVersions, eq(implementationVersions.id, implementations.publishedVersionId))
    .innerJoin(basicMatters, eq(basicMatters.id, implementations.basicMatterId));

/** Where the rows are: department and region names and region paths, from their modules. */
async function placesOf(db: DbOrTx, rows: Source[]) {
  const departments = new Map<string, string>();
  const regions = new Map<string, { name: string; path: string }>();
  await Promise.all([
    ...[...new Set(rows.map((r) => r.organisationId))].map(async (id) => {
      departments.set(id, (await findOrganisation(db, id))?.name ?? '');
    }),
    ...[...new Set(rows.map((r) => r.regionCode))].map(async (code) => {
      const region = await findRegion(db, code);
      regions.set(code, { name: region?.name ?? '', path: region?.path ?? code });
    }),
  ]);
  return { departments, regions };
}

/** Writes (or rewrites) the published-matter rows of these sources. */
async function upsert(db: DbOrTx, rows: Source[]): Promise<void> {
  if (!rows.length) return;
  const { departments, regions } = await placesOf(db, rows);
  const values = rows.map((r) => {
    const departmentName = departments.get(r.organisationId) ?? '';
    const region = regions.get(r.regionCode)!;
    const doc = r.document;
    const tokens = weightedTokens({ document: doc, departmentName, basicMatterName: r.basicMatterName });
    return {
      implementationId: r.implementationId,
      versionId: r.versionId,
      code: r.code,
      name: doc.name.trim(),
      basicCode: r.basicCode,
      matterType: r.matterType,
      departmentId: r.organisationId,
      departmentName,
      regionCode: r.regionCode,
      regionName: region.name,
      regionPath: region.path,
      serviceObject: doc.serviceObject,
      caseType: doc.caseType,
      realisationMode: doc.realisationMode,
      limitUnit: doc.legalLimit.unit,
      legalLimit: doc.legalLimit.value,
      promisedLimit: doc.promisedLimit.value,
      visitsRequired: doc.visitsRequired,
      themes: [...doc.themes],
      onlineAvailable: doc.channels.includes('online'),
      ...searchVectors(tokens),
    };
  });
  const columns = getTableColumns(publishedMatters);
  const set = Object.fromEntries(
    Object.entries(columns)
      .filter(([key]) => key !== 'implementationId')
      .map(([key, column]) => [key, sql.raw(`excluded."${column.name}"`)]),
  );
  await db.insert(publishedMatters).values(values).onConflictDoUpdate({
    target: publishedMatters.implementationId,
    set,
  });
  const ids = sql.param(rows.map((r) => r.implementationId));
  await db.execute(sql`DELETE FROM ${publishedMatterTerms} WHERE implementation_id = ANY(${ids}::uuid[])`);
  await rewriteTerms(db, [...new Set(rows.map((r) => r.basicCode))]);
}

/**
 * Rewrites the word lists of every published implementation of these basic matters: the leads
 * (one row per word and basic matter) depend on all of them.
 */
async function rewriteTerms(db: DbOrTx, basicCodes: string[]): Promise<void> {
  if (!basicCodes.length) return;
  const codes = sql`${sql.param(basicCodes)}::text[]`;
  await db.execute(sql`DELETE FROM ${publishedMatterTerms} WHERE basic_code = ANY(${codes})`);
  await db.execute(insertTermsOf(sql`m.basic_code = ANY(${codes})`));
}

/**
 * Inserts the rows of published_matter_terms for the published matters `m` that satisfy
 * `condition`, which must hold for all implementations of a basic matter or none (the lead of a
 * word and basic matter is the first of them in the list's order).
 */
export function insertTermsOf(condition: SQL): SQL {
  return sql`INSERT INTO ${publishedMatterTerms} (lexeme, weight, name_length, name, implementation_id, basic_code, lead)
    SELECT u.lexeme, u.weights[1], length(m.name), m.name, m.implementation_id, m.basic_code,
      row_number() OVER (PARTITION BY u.lexeme, m.basic_code
        ORDER BY u.weights[1], length(m.name), m.name, m.implementation_id) = 1
    FROM ${publishedMatters} m, unnest(m.names_vector) u WHERE ${condition}`;
}

/** Writes the published-matter row (search, browsing, statistics) of a version that has just been published. */
export async function indexPublishedVersion(options: { tx: Tx; versionId: string }): Promise<void> {
  const { tx, versionId } = options;
  await upsert(tx, await sources(tx).where(eq(implementationVersions.id, versionId)));
}

/** Removes a matter that is no longer published (retired) from search, browsing and statistics (its terms follow). */
export async function unindexImplementation(options: { tx: Tx; implementationId: string }): Promise<void> {
  const removed = await options.tx
    .delete(publishedMatters)
    .where(eq(publishedMatters.implementationId, options.implementationId))
    .returning({ basicCode: publishedMatters.basicCode });
  // Another implementation of the basic matter may now lead its words.
  await rewriteTerms(
    options.tx,
    removed.map((r) => r.basicCode),
  );
}

const BATCH = 1000;

/**
 * Rebuilds the published-matter rows of all published implementations (after loading demo or
 * benchmark data, a change of the user dictionary, or of department and region names).
 * Implementations that are no longer published lose theirs.
 */
export async function reindexAll(db: DbOrTx): Promise<{ indexed: number }> {
  const removed = await db.execute<{
    basic_code: string;
  }>(sql`DELETE FROM ${publishedMatters} m WHERE NOT EXISTS (
    SELECT 1 FROM ${implementations} i WHERE i.id = m.implementation_id AND i.published_version_id IS NOT NULL)
    RETURNING m.basic_code`);
  await rewriteTerms(db, [...new Set(removed.rows.map((r) => r.basic_code))]);
  let indexed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await db
      .select({ id: implementations.id })
      .from(implementations)
      .where(sql`${implementations.publishedVersionId} IS NOT NULL AND ${implementations.id} > ${after}`)
      .orderBy(implementations.id)
      .limit(BATCH);
    if (!ids.length) break;
    const rows = await sources(db).where(
      inArray(
        implementations.id,
        ids.map((r) => r.id),
      ),
    );
    await upsert(db, rows);
    indexed += rows.length;
    after = ids[ids.length - 1]!.id;
  }
  return { indexed };
}
