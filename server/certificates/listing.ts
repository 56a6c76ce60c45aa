import { and, count, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { maskIdNumber } from '../../common/identity.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can, scopeOf } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { listOrganisations, type OrganisationScope, organisationScope } from '../organisations/index.ts';
import { certificates } from './tables.ts';
import type { CertificateStatus, HolderKind, IssuedCertificate } from './types.ts';
import { currentStatus } from './views.ts';

export type IssuedFilter = {
  status?: CertificateStatus;
  typeCode?: string;
  limit: number;
  offset: number;
};

/** At most this many organisations of a supervisor's region are looked at (a city has a few hundred). */
const REGION_ORGANISATIONS = 10_000;

/** The issuing organisations the actor may list: its own departments and those of its regions; 403 for none. */
async function issuersInScope(db: DbOrTx, actor: Actor): Promise<SQL | undefined> {
  const scope = scopeOf(actor, 'certificate.list');
  if (scope.anywhere) return undefined;
  if (!scope.organisationIds.length && !scope.regionPaths.length) throw new AppError('auth.forbidden');
  const ids = new Set(scope.organisationIds);
  for (const path of scope.regionPaths) {
    const region = path.split('/').at(-1)!;
    const { items } = await listOrganisations({
      db,
      filter: { region, subtree: true, limit: REGION_ORGANISATIONS },
    });
    for (const organisation of items) ids.add(organisation.id);
  }
  return ids.size ? inArray(certificates.organisationId, [...ids]) : sql`false`;
}

/** The status as readers see it: 'issued' means current, 'expired' an issued one past its last day. */
function statusCondition(status: CertificateStatus, today: string): SQL {
  const issued = eq(certificates.status, 'issued');
  if (status === 'issued')
    return and(issued, or(isNull(certificates.validUntil), gte(certificates.validUntil, today)))!;
  if (status === 'expired') return and(issued, lt(certificates.validUntil, today))!;
  return eq(certificates.status, status);
}

/**
 * 已发证照: the certificates issued by the organisations in the caller's scope (department heads
 * and reviewers their department's, supervisors their region's), newest first; 403 without any.
 */
export async function listIssuedCertificates(options: {
  db: DbOrTx;
  actor: Actor;
  filter: IssuedFilter;
}): Promise<{ items: IssuedCertificate[]; total: number }> {
  const { db, actor, filter } = options;
  const today = todayInChina();
  const where = and(
    await issuersInScope(db, actor),
    filter.status ? statusCondition(filter.status, today) : undefined,
    filter.typeCode ? eq(certificates.typeCode, filter.typeCode) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(certificates)
      .where(where)
      .orderBy(desc(certificates.issuedAt), desc(certificates.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(certificates).where(where),
  ]);
  const scopes = new Map<string, OrganisationScope>();
  for (const id of new Set(rows.map((r) => r.organisationId)))
    scopes.set(id, await organisationScope(db, id));
  const items = rows.map((r): IssuedCertificate => {
    const status = currentStatus(r, today);
    return {
      id: r.id,
      number: r.number,
      typeCode: r.typeCode,
      typeName: r.typeName,
      holderKind: r.holderKind as HolderKind,
      holderLogin: r.holderKind === 'person' ? maskIdNumber(r.holderLogin) : r.holderLogin,
      holderName: r.holderName,
      issuerId: r.organisationId,
      issuerName: r.issuerName,
      issuedAt: r.issuedAt.toISOString(),
      validUntil: r.validUntil,
      status,
      caseId: r.caseId,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      revokeReason: r.revokeReason,
      canRevoke:
        (status === 'issued' || status === 'expired') &&
        can(actor, 'certificate.revoke', scopes.get(r.organisationId)!),
    };
  });
  return { items, total: total?.n ?? 0 };
}
