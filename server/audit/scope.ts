import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { listOrganisations } from '../organisations/service.ts';
import type { AuditScope } from './service.ts';

/** The reader's audit scope; a 403 for a reader who may read the trail nowhere. */
export async function auditScopeOf({ db, reader }: { db: DbOrTx; reader: Actor }): Promise<AuditScope> {
  const regionPaths = [
    ...new Set(
      reader.grants.flatMap((g) =>
        g.regionPath && can(reader, 'audit.read', { regionPath: g.regionPath }) ? [g.regionPath] : [],
      ),
    ),
  ];
  if (!regionPaths.length) throw new AppError('auth.forbidden');
  // A region inside another one adds nothing.
  const roots = regionPaths.filter((p) => !regionPaths.some((q) => q !== p && p.startsWith(`${q}/`)));
  const organisationIds = new Set<string>();
  for (const path of roots) {
    const region = path.split('/').at(-1)!;
    const { items } = await listOrganisations({ db, filter: { region, subtree: true, limit: 1_000_000 } });
    for (const o of items) organisationIds.add(o.id);
  }
  return {
    organisationIds: [...organisationIds],
    actorId: reader.accountId,
    withoutOrganisation: reader.grants.some((g) => g.role === 'system_admin'),
  };
}
