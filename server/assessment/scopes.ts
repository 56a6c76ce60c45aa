import { sql } from 'drizzle-orm';
import type { AssessmentKind } from '../../common/assessment/lists.ts';
import type { DbOrTx } from '../core/db/client.ts';

/** A department or district ranked in a month, and the region whose ranking it is in. */
export type AssessedScope = {
  kind: AssessmentKind;
  id: string;
  name: string;
  /** The department's region, or the district's city. */
  rankingRegion: string;
  /** The department's region path, or the district's own path. */
  path: string;
};

const within = (column: string, path: string | undefined, strictly = false) =>
  path === undefined
    ? sql`TRUE`
    : strictly
      ? sql`${sql.raw(column)} LIKE ${`${path}/%`}`
      : sql`(${sql.raw(column)} = ${path} OR ${sql.raw(column)} LIKE ${`${path}/%`})`;

/**
 * Every active department (ranked among those of its region) and every district (ranked among those
 * of its city); with `regionPath`, only the rankings within that region.
 */
export async function assessedScopes(db: DbOrTx, regionPath?: string): Promise<AssessedScope[]> {
  const departments = await db.execute(sql`
      SELECT o.id::text AS id, o.name, o.region_code AS "rankingRegion", g.path
      FROM organisations o JOIN regions g ON g.code = o.region_code
      WHERE o.kind = 'department' AND o.active AND ${within('g.path', regionPath)}`);
  const districts = await db.execute(sql`
      SELECT d.code AS id, d.name, d.parent_code AS "rankingRegion", d.path
      FROM regions d
      WHERE d.level = 'district' AND d.parent_code IS NOT NULL AND ${within('d.path', regionPath, true)}`);
  return [
    ...departments.rows.map((row) => ({
      kind: 'department' as const,
      ...(row as Omit<AssessedScope, 'kind'>),
    })),
    ...districts.rows.map((row) => ({ kind: 'district' as const, ...(row as Omit<AssessedScope, 'kind'>) })),
  ];
}
