import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import type { Region } from './service.ts';
import { regions } from './tables.ts';

/** A region whose name a text contains: in full (西一路街道) or without its 街道/镇/社区/村 (西一路). */
export type NamedRegion = Region & { whole: boolean };

/** The ending of a street's or community's name that an address often leaves out. */
const ENDING = '(街道办事处|街道|镇|乡|社区居委会|社区|村委会|村)$';

/**
 * The districts, streets and communities in the subtrees of `paths` whose name appears in `text`;
 * a street's or community's name also counts without its ending when two characters or more remain.
 */
export async function regionsNamedIn(db: DbOrTx, text: string, paths: string[]): Promise<NamedRegion[]> {
  if (!text.trim() || paths.length === 0) return [];
  const within = sql.join(
    paths.map((p) => sql`(${regions.path} = ${p} OR ${regions.path} LIKE ${`${p}/%`})`),
    sql` OR `,
  );
  const short = sql`regexp_replace(${regions.name}, ${ENDING}, '')`;
  const { rows } = await db.execute<Region & { whole: boolean }>(sql`
    SELECT ${regions.code} AS code, ${regions.name} AS name, ${regions.level} AS level,
           ${regions.parentCode} AS "parentCode", ${regions.path} AS path, ${regions.depth}::int AS depth,
           strpos(${text}, ${regions.name}) > 0 AS whole
      FROM ${regions}
     WHERE ${regions.level} IN ('district', 'street', 'community') AND (${within})
       AND (strpos(${text}, ${regions.name}) > 0
            OR (${regions.level} IN ('street', 'community') AND char_length(${short}) >= 2
                AND strpos(${text}, ${short}) > 0))
     LIMIT 100`);
  return rows;
}
