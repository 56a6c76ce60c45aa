import { sql } from 'drizzle-orm';
import type { AssessmentKind } from '../../common/assessment/lists.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

/** The roles that read and recompute the assessment: supervisors and administrators of a region. */
const ASSESSMENT_ROLES = new Set(['supervisor', 'system_admin']);

/** The region paths the actor reads the assessment in; a 403 for anyone else. */
export function assessmentReach(actor: Actor): string[] {
  const paths = actor.grants
    .filter((g) => ASSESSMENT_ROLES.has(g.role) && g.regionPath)
    .map((g) => g.regionPath as string);
  if (!paths.length) throw new AppError('auth.forbidden');
  return paths;
}

const covered = (paths: string[], path: string) => paths.some((p) => path === p || path.startsWith(`${p}/`));

export type RegionRef = { code: string; name: string; path: string };

/** The ranking region asked for (default: the actor's own), or a 404 naming `region` when out of reach. */
export async function reachableRegion(
  db: DbOrTx,
  actor: Actor,
  code: string | undefined,
): Promise<RegionRef> {
  const paths = assessmentReach(actor);
  const wanted = code ?? (paths[0] as string).split('/').at(-1);
  const row = (await db.execute(sql`SELECT code, name, path FROM regions WHERE code = ${wanted ?? ''}`))
    .rows[0];
  if (!row || !covered(paths, row.path as string))
    throw new AppError('resource.not_found', { field: 'region', params: { resource: '考核区域' } });
  return row as RegionRef;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
            WHERE o.kind = 'department' AND o.id = ${UUID.test(scopeId) ? scopeId : null}::uuid`
      : sql`SELECT code AS id, name, path FROM regions WHERE level = 'district' AND code = ${scopeId}`;
  const row = (await db.execute(query)).rows[0];
  if (!row || !covered(paths, row.path as string))
    throw new AppError('resource.not_found', { field: 'scopeId', params: { resource: '考核对象' } });
  return row as { id: string; name: string; path: string };
}
