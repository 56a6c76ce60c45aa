import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';
import { searchSynonyms } from '../tables.ts';

const SYNONYMS_FILE = path.join(import.meta.dirname, 'synonyms.json');

/** The committed synonyms: a word people use → the words of the catalogue it means (过户 → 转移登记). */
export function readSynonymFile(): Map<string, string[]> {
  const data = JSON.parse(readFileSync(SYNONYMS_FILE, 'utf8')) as Record<string, string[]>;
  return new Map(Object.entries(data));
}

/**
 * Loads the committed synonyms into the search_synonyms table. Terms already present, including
 * those an administrator has changed, are left as they are.
 */
export async function seedSynonyms(db: DbOrTx): Promise<{ inserted: number }> {
  const entries = [...readSynonymFile()];
  if (!entries.length) return { inserted: 0 };
  const rows = await db
    .insert(searchSynonyms)
    .values(entries.map(([term, synonyms]) => ({ term, synonyms })))
    .onConflictDoNothing({ target: searchSynonyms.term })
    .returning({ id: searchSynonyms.id });
  return { inserted: rows.length };
}

/**
 * A fingerprint of the whole synonyms table (how many terms and a hash of their contents): it
 * changes whenever a term is added, changed or removed. Cheap on a table of hundreds of terms.
 */
export const SYNONYMS_STAMP = sql`(SELECT count(*)::text || ':' || coalesce(sum(hashtext(s.term || '=' ||
  array_to_string(s.synonyms, '|'))), 0)::text FROM ${searchSynonyms} s)`;

export type SynonymTable = { stamp: string; synonyms: Map<string, string[]> };

let cached: SynonymTable | null = null;

/**
 * The synonyms, read once per process and kept. Callers compare `stamp` with SYNONYMS_STAMP read
 * in their own statement and call `reloadSynonyms` when they differ, so that a change is used by
 * the next search without a look-up on every one.
 */
export async function cachedSynonyms(db: DbOrTx): Promise<SynonymTable> {
  return cached ?? reloadSynonyms(db);
}

/** Reads the synonyms table (and its fingerprint) again. */
export async function reloadSynonyms(db: DbOrTx): Promise<SynonymTable> {
  const result = await db.execute<{ stamp: string; terms: [string, string[]][] | null }>(sql`
    SELECT ${SYNONYMS_STAMP} AS stamp,
      (SELECT json_agg(json_build_array(s.term, s.synonyms)) FROM ${searchSynonyms} s) AS terms`);
  const row = result.rows[0]!;
  cached = { stamp: row.stamp, synonyms: new Map(row.terms ?? []) };
  return cached;
}
