import { eq, inArray } from 'drizzle-orm';
import type { GrantView, Me } from '../../common/me.ts';
import { type AccountKind, REGION_WIDE_ROLES, type Role } from '../../common/roles.ts';
import type { Actor, RoleGrant } from '../core/access/actor.ts';
import { keptUnder } from '../core/caches.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { accountContact } from './contacts.ts';
import { displayLogin } from './logins.ts';
import { organisationFacts, regionFacts, registeredRegion } from './places.ts';
import { accounts, roleAssignments } from './tables.ts';

type GrantRow = {
  id: string;
  accountId: string;
  role: string;
  organisationId: string | null;
  regionCode: string | null;
};

/** Role assignments of the given accounts, with organisation and region names and paths. */
export async function grantsOf(
  db: DbOrTx,
  accountIds: string[],
): Promise<Map<string, (GrantView & { regionPath: string | null })[]>> {
  const result = new Map<string, (GrantView & { regionPath: string | null })[]>();
  if (accountIds.length === 0) return result;
  const rows: GrantRow[] = await db
    .select({
      id: roleAssignments.id,
      accountId: roleAssignments.accountId,
      role: roleAssignments.role,
      organisationId: roleAssignments.organisationId,
      regionCode: roleAssignments.regionCode,
    })
    .from(roleAssignments)
    .where(inArray(roleAssignments.accountId, accountIds))
    .orderBy(roleAssignments.createdAt, roleAssignments.id);
  const orgs = await organisationFacts(
    db,
    rows.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
  );
  const regionCodes = rows.map((r) => r.regionCode ?? orgs.get(r.organisationId ?? '')?.regionCode ?? '');
  const places = await regionFacts(db, regionCodes.filter(Boolean));
  for (const row of rows) {
    const org = row.organisationId ? orgs.get(row.organisationId) : undefined;
    const regionCode = row.regionCode ?? org?.regionCode ?? null;
    const region = regionCode ? places.get(regionCode) : undefined;
    const list = result.get(row.accountId) ?? [];
    list.push({
      id: row.id,
      role: row.role as Role,
      organisationId: row.organisationId,
      organisationName: org?.name ?? null,
      regionCode,
      regionName: region?.name ?? null,
      regionPath: REGION_WIDE_ROLES.includes(row.role as Role) ? (region?.path ?? null) : null,
    });
    result.set(row.accountId, list);
  }
  return result;
}

/** The actor of an active account, with its grants; null when the account is gone or deactivated. */
export async function loadActor(db: DbOrTx, accountId: string): Promise<Actor | null> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account?.active) return null;
  const kind = account.kind as AccountKind;
  const grants: RoleGrant[] =
    kind === 'staff'
      ? ((await grantsOf(db, [account.id])).get(account.id) ?? []).map((g) => ({
          role: g.role,
          organisationId: g.organisationId,
          regionPath: g.regionPath,
        }))
      : [{ role: 'applicant', organisationId: null, regionPath: null }];
  return {
    accountId: account.id,
    kind,
    login: account.login,
    displayName: account.displayName,
    organisationId: account.organisationId,
    grants,
  };
}

/** How long a request may act on grants read earlier (other processes' changes show within this time). */
const ACTOR_TTL_MS = 5000;
const actorCache = keptUnder<Actor | null>({ ttlMs: ACTOR_TTL_MS, dependsOn: { account: 'key' } });

/**
 * The actor of a signed-in request: `loadActor`, kept for a few seconds so that a burst of
 * requests of one person reads the grants once. A change of an account or its grants through
 * this process forgets it at once (`changed('account', id)`, core/caches.ts); the session itself
 * is checked on every request.
 */
export async function currentActor(db: DbOrTx, accountId: string): Promise<Actor | null> {
  const now = Date.now();
  const hit = actorCache.get(accountId, now);
  if (hit !== undefined) return hit;
  const actor = await loadActor(db, accountId);
  actorCache.set(accountId, actor, now);
  return actor;
}

/** What GET /api/auth/me answers for an actor. */
export async function describeMe(db: DbOrTx, actor: Actor): Promise<Me> {
  const [grants, orgs, contact, region] = await Promise.all([
    actor.kind === 'staff' ? grantsOf(db, [actor.accountId]) : Promise.resolve(null),
    organisationFacts(db, actor.organisationId ? [actor.organisationId] : []),
    actor.kind === 'staff' ? Promise.resolve(null) : accountContact(db, actor.accountId),
    actor.kind === 'staff' ? Promise.resolve(null) : registeredRegion(db, actor.kind, actor.login),
  ]);
  const roles = grants
    ? (grants.get(actor.accountId) ?? []).map(({ id: _id, regionPath: _path, ...view }) => view)
    : [
        {
          role: 'applicant' as const,
          organisationId: null,
          organisationName: null,
          regionCode: null,
          regionName: null,
        },
      ];
  return {
    id: actor.accountId,
    kind: actor.kind,
    login: displayLogin(actor.kind, actor.login),
    displayName: actor.displayName,
    organisationId: actor.organisationId,
    organisationName: actor.organisationId ? (orgs.get(actor.organisationId)?.name ?? null) : null,
    roles,
    ...(actor.kind === 'staff' ? {} : { phone: contact?.phone ?? null, region }),
  };
}
