import { sql } from 'drizzle-orm';
import type { Role } from '../../../common/roles.ts';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

/**
 * Where a region-wide reader (a supervisor, an administrator of a region) may look: the region
 * subtrees of the actor's grants of the given roles. A region is within reach when its path is one
 * of them or lies below one.
 */

/** The region paths of the actor's grants of `roles`; a 403 when it holds none of them. */
export function regionReach(actor: Actor, roles: ReadonlySet<Role>): string[] {
  const paths = actor.grants
    .filter((g) => roles.has(g.role) && g.regionPath)
    .map((g) => g.regionPath as string);
  if (!paths.length) throw new AppError('auth.forbidden');
  return paths;
}

/** The path is one of the paths or lies below one of them. */
export const coveredBy = (paths: readonly string[], path: string): boolean =>
  paths.some((p) => path === p || path.startsWith(`${p}/`));

export type RegionRef = { code: string; name: string; path: string };

/**
 * The region asked for (default: the region of the actor's first grant), or a 404 naming `region`
 * (the resource called `resource` in the message) when it is unknown or outside `paths`.
 */
export async function regionWithin(
  db: DbOrTx,
  paths: readonly string[],
  code: string | undefined,
  resource: string,
): Promise<RegionRef> {
  const wanted = code ?? (paths[0] as string).split('/').at(-1) ?? '';
  const { rows } = await db.execute(sql`SELECT code, name, path FROM regions WHERE code = ${wanted}`);
  const row = rows[0] as RegionRef | undefined;
  if (!row || !coveredBy(paths, row.path)) {
    throw new AppError('resource.not_found', { field: 'region', params: { resource } });
  }
  return { code: row.code, name: row.name, path: row.path };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The text as a uuid parameter, or null when it is not one (so that a lookup finds nothing). */
export const uuidOrNull = (text: string): string | null => (UUID.test(text) ? text : null);
