import { type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../common/roles.ts';
import type { Actor } from '../core/access/actor.ts';
import { type RegionRef, regionReach, regionWithin, uuidOrNull } from '../core/access/region-reach.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

/** The roles that read the statistics: supervisors and administrators of a region. */
const STATISTICS_ROLES: ReadonlySet<Role> = new Set(['supervisor', 'system_admin']);

/** The region paths the actor reads statistics in; a 403 for anyone else. */
export const statisticsReach = (actor: Actor): string[] => regionReach(actor, STATISTICS_ROLES);

export type Named = { id: string; name: string };

/** What the figures are of: a region subtree, optionally one department, hall or matter within it. */
export type StatisticsScope = {
  region: RegionRef;
  department: Named | null;
  hall: Named | null;
  matter: Named | null;
};

export type ScopeQuery = {
  region?: string;
  departmentId?: string;
  hallId?: string;
  implementationId?: string;
};

/** `path` is the region's path or below it, in SQL over a path column. */
export const inSubtree = (column: SQL, path: string): SQL =>
  sql`(${column} = ${path} OR ${column} LIKE ${`${path}/%`})`;

/**
 * The one thing of `query` (a row with id and name) whose region path `pathColumn` lies in the
 * region's subtree; else a 404 naming `field`.
 */
async function within(
  db: DbOrTx,
  region: RegionRef,
  id: string | undefined,
  field: string,
  resource: string,
  query: (id: string | null) => SQL,
): Promise<Named | null> {
  if (id === undefined) return null;
  const { rows } = await db.execute<Named & { path: string }>(query(uuidOrNull(id)));
  const row = rows[0];
  if (!row || !(row.path === region.path || row.path.startsWith(`${region.path}/`))) {
    throw new AppError('resource.not_found', { field, params: { resource } });
  }
  return { id: row.id, name: row.name };
}

/**
 * The scope of a statistics query: the region asked for (default: the actor's own; out of reach, a
 * 404 naming `region`), and the department, hall and matter (implementation) asked for, each of
 * which must belong to that region's subtree (else a 404 naming `departmentId`, `hallId` or
 * `implementationId`).
 */
export async function resolveScope(db: DbOrTx, actor: Actor, query: ScopeQuery): Promise<StatisticsScope> {
  const region = await regionWithin(db, statisticsReach(actor), query.region, '统计区划');
  const department = await within(
    db,
    region,
    query.departmentId,
    'departmentId',
    '部门',
    (id) => sql`SELECT o.id::text AS id, o.name, g.path FROM organisations o
      JOIN regions g ON g.code = o.region_code WHERE o.id = ${id}::uuid`,
  );
  const hall = await within(
    db,
    region,
    query.hallId,
    'hallId',
    '办理大厅',
    (id) => sql`SELECT h.id::text AS id, h.name, g.path FROM halls h
      JOIN organisations o ON o.id = h.organisation_id JOIN regions g ON g.code = o.region_code
      WHERE h.id = ${id}::uuid`,
  );
  const matter = await within(
    db,
    region,
    query.implementationId,
    'implementationId',
    '事项',
    (id) => sql`SELECT i.id::text AS id, g.path,
        coalesce(p.name, (SELECT v.name FROM implementation_versions v WHERE v.implementation_id = i.id
          ORDER BY v.version_no DESC LIMIT 1), i.code) AS name
      FROM implementations i JOIN regions g ON g.code = i.region_code
      LEFT JOIN implementation_versions p ON p.id = i.published_version_id
      WHERE i.id = ${id}::uuid`,
  );
  return { region, department, hall, matter };
}

/** The scope's conditions on cases `c`: its region subtree and the department, hall and matter chosen. */
export function caseConditions(scope: StatisticsScope): SQL {
  const parts = [inSubtree(sql`c.region_path`, scope.region.path)];
  if (scope.department) parts.push(sql`c.department_id = ${scope.department.id}::uuid`);
  if (scope.hall) parts.push(sql`c.hall_id = ${scope.hall.id}::uuid`);
  if (scope.matter) parts.push(sql`c.implementation_id = ${scope.matter.id}::uuid`);
  return sql.join(parts, sql` AND `);
}
