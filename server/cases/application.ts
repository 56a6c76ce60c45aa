import type { FormValues } from '../../common/forms/schema.ts';
import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { channelOf, type OnBehalf } from './channel.ts';
import { type CasePage, casePage, caseViewOf } from './page.ts';
import { caseResource, readableResource } from './queries.ts';
import type { CaseRow } from './rows.ts';
import { type MaterialInput, type ReusedMaterialInput, submitCase } from './submission.ts';
import type { RequestOrigin } from './transition.ts';

/** An application as sent (POST /cases): the matter, the form, the materials, and for whom. */
export type Application = OnBehalf & {
  implementationId: string;
  formData?: Record<string, unknown>;
  /** The values of the version's application form (申请表). */
  form?: FormValues;
  materials?: (MaterialInput | ReusedMaterialInput)[];
};

/**
 * Files an application for an actor who may apply (else a 403): decides the channel (channel.ts),
 * files the case (submission.ts) and answers it with its page. A repeat with the same idempotency
 * key answers the case filed the first time (`created: false`), shown only to whoever may read it,
 * as GET /cases/:id would (else its 404).
 */
export async function submitApplication(options: {
  db: Db;
  actor: Actor;
  origin?: RequestOrigin;
  /** The hall of the kiosk session the applicant's session was opened at, if any. */
  kioskHallId?: string | null;
  application: Application;
  idempotencyKey?: string | null;
}): Promise<{ case: CaseRow; page: CasePage; created: boolean }> {
  const { db, actor, application } = options;
  if (!can(actor, 'case.apply', { ownerAccountId: actor.accountId })) throw new AppError('auth.forbidden');
  const origin = {
    clientAddress: options.origin?.clientAddress ?? null,
    requestId: options.origin?.requestId ?? null,
  };
  const staffRole = actor.grants[0]?.role ?? null;
  const channel = await channelOf({
    db,
    audit: { actor, role: staffRole, ...origin },
    actor,
    kioskHallId: options.kioskHallId ?? null,
    onBehalf: application,
  });
  const { row, created, records } = await submitCase({
    db,
    audit: { actor, role: actor.kind === 'staff' ? staffRole : 'applicant', ...origin },
    channel,
    input: {
      implementationId: application.implementationId,
      formData: application.formData ?? {},
      form: application.form,
      materials: application.materials ?? [],
      idempotencyKey: options.idempotencyKey ?? null,
      request: application,
    },
  });
  const resource = created ? await caseResource(db, row) : await readableResource(db, actor, row);
  return { case: row, page: await casePage(db, row, caseViewOf(actor, row, resource), records), created };
}
