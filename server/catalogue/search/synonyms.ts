import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
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

/** The synonyms of those of `terms` that have any, in one indexed look-up. */
export async function synonymsOf(db: DbOrTx, terms: string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(terms)].filter(Boolean);
  if (!unique.length) return new Map();
  const rows = await db
    .select({ term: searchSynonyms.term, synonyms: searchSynonyms.synonyms })
    .from(searchSynonyms)
    .where(sql`${searchSynonyms.term} = ANY(${sql.param(unique)}::text[])`);
  return new Map(rows.map((r) => [r.term, r.synonyms]));
}
