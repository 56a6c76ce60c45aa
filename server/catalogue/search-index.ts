import { sql } from 'drizzle-orm';
import { LABELS } from '../../common/catalogue/elements.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { DbOrTx, Tx } from '../db/client.ts';
import { indexTokens } from './search/tokenizer.ts';

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

const SOURCE_COLUMNS = sql`v.id, v.document, o.name AS "departmentName", bm.name AS "basicMatterName"
  FROM implementation_versions v
  JOIN implementations i ON i.id = v.implementation_id
  JOIN organisations o ON o.id = i.organisation_id
  JOIN basic_matters bm ON bm.id = i.basic_matter_id`;

const VECTOR = (a: unknown, b: unknown, c: unknown) => sql`setweight(to_tsvector('simple', ${a}::text), 'A')
  || setweight(to_tsvector('simple', ${b}::text), 'B') || setweight(to_tsvector('simple', ${c}::text), 'C')`;

/** Computes and stores the search vector of a version that has just been published. */
export async function indexPublishedVersion(options: { tx: Tx; versionId: string }): Promise<void> {
  const { tx, versionId } = options;
  const result = await tx.execute<IndexSource>(sql`SELECT ${SOURCE_COLUMNS} WHERE v.id = ${versionId}`);
  const source = result.rows[0];
  if (!source) return;
  const tokens = weightedTokens(source);
  await tx.execute(sql`UPDATE implementation_versions
    SET search_vector = ${VECTOR(tokens.a, tokens.b, tokens.c)} WHERE id = ${versionId}`);
}

const BATCH = 1000;

/**
 * Rebuilds the search vectors of all published versions (after loading demo or benchmark data,
 * or a change of the user dictionary). Versions that are not published lose theirs.
 */
export async function reindexAll(db: DbOrTx): Promise<{ indexed: number }> {
  await db.execute(sql`UPDATE implementation_versions SET search_vector = NULL
    WHERE status <> 'published' AND search_vector IS NOT NULL`);
  let indexed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const result = await db.execute<IndexSource>(sql`SELECT ${SOURCE_COLUMNS}
      WHERE v.status = 'published' AND v.id > ${after} ORDER BY v.id LIMIT ${BATCH}`);
    const rows = result.rows;
    if (!rows.length) break;
    const tokens = rows.map(weightedTokens);
    await db.execute(sql`UPDATE implementation_versions v
      SET search_vector = ${VECTOR(sql`t.a`, sql`t.b`, sql`t.c`)}
      FROM unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(tokens.map((t) => t.a))}::text[],
        ${sql.param(tokens.map((t) => t.b))}::text[], ${sql.param(tokens.map((t) => t.c))}::text[]) AS t(id, a, b, c)
      WHERE v.id = t.id`);
    indexed += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return { indexed };
}
