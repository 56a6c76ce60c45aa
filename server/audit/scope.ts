import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import { AppError } from '../core/errors.ts';
import type { AuditScope } from './service.ts';

/**
 * The regions whose organisations' trail the reader may read, none inside another (a region
 * inside another one adds nothing); a 403 for a reader who may read the trail nowhere.
 */
export function auditRegionsOf(reader: Actor): string[] {
  const regionPaths = [
    ...new Set(
      reader.grants.flatMap((g) =>
        g.regionPath && can(reader, 'audit.read', { regionPath: g.regionPath }) ? [g.regionPath] : [],
      ),
    ),
  ];
  if (!regionPaths.length) throw new AppError('auth.forbidden');
  return regionPaths.filter((p) => !regionPaths.some((q) => q !== p && p.startsWith(`${q}/`)));
}

/**
 * The reader's audit scope, given the ids of the organisations in the reader's audit regions
 * (auditRegionsOf): the caller finds them, so that this module needs no organisation module.
 */
export function auditScopeOf(reader: Actor, organisationIds: string[]): AuditScope {
  return {
    organisationIds,
    actorId: reader.accountId,
    withoutOrganisation: reader.grants.some((g) => g.role === 'system_admin'),
  };
}
