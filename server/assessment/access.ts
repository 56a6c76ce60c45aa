import { sql } from 'drizzle-orm';
import type { AssessmentKind } from '../../common/assessment/lists.ts';
import type { Role } from '../../common/roles.ts';
import type { Actor } from '../core/access/actor.ts';
import {
  coveredBy,
  type RegionRef,
  regionReach,
  regionWithin,
  uuidOrNull,
} from '../core/access/region-reach.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

export type { RegionRef } from '../core/access/region-reach.ts';

/** The roles that read and recompute the assessment: supervisors and administrators of a region. */
const ASSESSMENT_ROLES: ReadonlySet<Role> = new Set(['supervisor', 'system_admin']);

/** The region paths the actor reads the assessment in; a 403 for anyone else. */
export const assessmentReach = (actor: Actor): string[] => regionReach(actor, ASSESSMENT_ROLES);

/** The ranking region asked for (default: the actor's own), or a 404 naming `region` when out of reach. */
export const reachableRegion = (db: DbOrTx, actor: Actor, code: string | undefined): Promise<RegionRef> =>
  regionWithin(db, assessmentReach(actor), code, '考核区域');

/** A department or district the actor may see, with its name and region path; else a 404 naming `scopeId`. */
export async function reachableScope(
  db: DbOrTx,
  actor: Actor,
  kind: AssessmentKind,
  scopeId: string,
): Promise<{ id: string; name: string; path: string }> {
  const paths = assessmentReach(actor);
  const query =
    kind === 'department'
      ? sql`SELECT o.id::text AS id, o.name, g.path FROM organisations o JOIN regions g ON g.code = o.region_code
            WHERE o.kind = 'department' AND o.id = ${uuidOrNull(scopeId)}::uuid`
      : sql`SELECT code AS id, name, path FROM regions WHERE level = 'district' AND code = ${scopeId}`;
  const row = (await db.execute(query)).rows[0];
  if (!row || !coveredBy(paths, row.path as string))
    throw new AppError('resource.not_found', { field: 'scopeId', params: { resource: '考核对象' } });
  return row as { id: string; name: string; path: string };
}
