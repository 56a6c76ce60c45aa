import type { Actor } from '../core/access/actor.ts';
import { type Action, can, type Resource } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { organisationScope } from '../organisations/index.ts';
import { holds } from './authorisations.ts';
import { type CertificateRow, certificateNotFound, findCertificate } from './views.ts';

/** Where a certificate lives for the policy: its issuing organisation and region; its holder. */
export async function certificateResource(db: DbOrTx, actor: Actor, row: CertificateRow): Promise<Resource> {
  const scope = await organisationScope(db, row.organisationId);
  return { ...scope, ownerAccountId: holds(actor, row) ? actor.accountId : null };
}

/**
 * The certificate if the actor may do the action on it, else the same 404 as for an unknown id:
 * a guessed id of someone else's certificate reveals nothing.
 */
export async function certificateFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: Action = 'certificate.read',
): Promise<CertificateRow> {
  const row = await findCertificate(db, id);
  if (!can(actor, action, await certificateResource(db, actor, row))) throw certificateNotFound();
  return row;
}
