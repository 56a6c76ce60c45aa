import { maskIdNumber } from '../../common/identity.ts';
import { normaliseLogin } from '../accounts/index.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { authorisationsInForce } from './authorisations.ts';
import { holderCertificates } from './holdings.ts';
import type { CaseSight, CertificateView, HolderKind } from './types.ts';

/**
 * The current certificates of a holder that a staff member may use: those the holder authorised,
 * today, for one of the staff member's organisations or for a case the staff member may see
 * (`caseSight`). Not audited: the caller records the look-up.
 */
export async function authorisedCertificates(options: {
  db: Db;
  actor: Actor;
  caseSight: CaseSight;
  holderKind: HolderKind;
  holderLogin: string;
}): Promise<{ held: number; items: CertificateView[] }> {
  const { db, actor, holderKind, holderLogin } = options;
  const current = await holderCertificates({ db, holderKind, holderLogin });
  const inForce = await authorisationsInForce(
    db,
    current.map((c) => c.id),
  );
  const organisations = new Set(
    [actor.organisationId, ...actor.grants.map((g) => g.organisationId)].filter((id) => id !== null),
  );
  const allowed = new Set<string>();
  const caseVisible = new Map<string, boolean>();
  for (const a of inForce) {
    if (allowed.has(a.certificateId)) continue;
    if (a.organisationId && organisations.has(a.organisationId)) allowed.add(a.certificateId);
    else if (a.caseId) {
      if (!caseVisible.has(a.caseId)) {
        caseVisible.set(a.caseId, (await options.caseSight(db, actor, a.caseId)) !== null);
      }
      if (caseVisible.get(a.caseId)) allowed.add(a.certificateId);
    }
  }
  return { held: current.length, items: current.filter((c) => allowed.has(c.id)) };
}

/**
 * A staff member looks a holder's certificates up by ID number or credit code. Only the
 * certificates the holder authorised (see `authorisedCertificates`) are answered; every look-up
 * is audited, an empty one too.
 */
export async function lookupHolderCertificates(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  caseSight: CaseSight;
  holderKind: HolderKind;
  holderLogin: string;
}): Promise<{ items: CertificateView[] }> {
  const { db, audit, actor, holderKind } = options;
  const holderLogin = normaliseLogin(holderKind, options.holderLogin, 'holderLogin');
  const { held, items } = await authorisedCertificates({
    db,
    actor,
    caseSight: options.caseSight,
    holderKind,
    holderLogin,
  });
  await db.transaction(async (tx) => {
    await recordAudit(tx, audit, {
      action: 'certificate.lookup',
      targetType: 'certificate_holder',
      summary: {
        holderKind,
        holderLogin: holderKind === 'person' ? maskIdNumber(holderLogin) : holderLogin,
        held,
        answered: items.map((c) => c.number),
      },
    });
  });
  return { items };
}
