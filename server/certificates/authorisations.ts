import { and, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { findOrganisation } from '../organisations/index.ts';
import { CERTIFICATE_STATUS_LABELS } from './revoke.ts';
import { certificateAuthorisations } from './tables.ts';
import type { AuthorisationView, CaseSight } from './types.ts';
import { type CertificateRow, certificateNotFound, currentStatus, findCertificate } from './views.ts';

type AuthorisationRow = typeof certificateAuthorisations.$inferSelect;

/** Whether the signed-in applicant holds the certificate. */
export function holds(actor: Actor, row: CertificateRow): boolean {
  return actor.kind === row.holderKind && actor.login.toUpperCase() === row.holderLogin;
}

/** The holder's own certificate, else the same 404 as for an unknown id. */
export async function ownCertificate(db: DbOrTx, actor: Actor, id: string): Promise<CertificateRow> {
  const row = await findCertificate(db, id);
  if (!holds(actor, row)) throw certificateNotFound();
  return row;
}

async function present(
  db: DbOrTx,
  holder: Actor,
  caseSight: CaseSight,
  rows: AuthorisationRow[],
): Promise<AuthorisationView[]> {
  const today = todayInChina();
  const views: AuthorisationView[] = [];
  for (const r of rows) {
    const organisation = r.organisationId ? await findOrganisation(db, r.organisationId) : null;
    const caseNo = r.caseId ? (await caseSight(db, holder, r.caseId))?.caseNo : null;
    views.push({
      id: r.id,
      certificateId: r.certificateId,
      caseId: r.caseId,
      caseNo: caseNo ?? null,
      organisationId: r.organisationId,
      organisationName: organisation?.name ?? null,
      expiresOn: r.expiresOn,
      createdAt: r.createdAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
      state: r.revokedAt ? 'revoked' : r.expiresOn < today ? 'expired' : 'active',
    });
  }
  return views;
}

const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/**
 * The holder lets a case of theirs or an organisation use one current certificate until a day. A
 * case the holder may not see (`caseSight`) is the 404 of an unknown case.
 */
export async function grantAuthorisation(options: {
  db: Db;
  audit: AuditContext;
  holder: Actor;
  caseSight: CaseSight;
  certificateId: string;
  grant: { caseId?: string; organisationId?: string; expiresOn: string };
}): Promise<AuthorisationView> {
  const { db, audit, holder, grant } = options;
  const row = await ownCertificate(db, holder, options.certificateId);
  const status = currentStatus(row);
  if (status !== 'issued') {
    throw new AppError('certificate.not_current', {
      params: {
        status: CERTIFICATE_STATUS_LABELS[status],
        statusEn: status,
        operation: '授权使用',
        operationEn: 'authorise its use',
      },
    });
  }
  if (!grant.caseId === !grant.organisationId) {
    throw invalid(
      'caseId',
      '须且只能指定一个办件或一个机构',
      'give exactly one of caseId and organisationId',
    );
  }
  if (grant.caseId && !(await options.caseSight(db, holder, grant.caseId))) {
    throw new AppError('resource.not_found', { params: { resource: '办件' } });
  }
  if (grant.organisationId && !(await findOrganisation(db, grant.organisationId))) {
    throw new AppError('resource.not_found', { params: { resource: '机构' } });
  }
  const today = todayInChina();
  if (grant.expiresOn < today) throw invalid('expiresOn', '不能早于今天', 'must not be before today');
  if (row.validUntil && grant.expiresOn > row.validUntil) {
    throw invalid('expiresOn', '不能晚于证照有效期', 'must not be after the certificate expires');
  }
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(certificateAuthorisations)
      .values({
        certificateId: row.id,
        grantedBy: holder.accountId,
        caseId: grant.caseId ?? null,
        organisationId: grant.organisationId ?? null,
        expiresOn: grant.expiresOn,
      })
      .returning();
    await recordAudit(tx, audit, {
      action: 'certificate.authorise',
      targetType: 'certificate',
      targetId: row.id,
      summary: {
        number: row.number,
        authorisationId: created!.id,
        caseId: created!.caseId,
        organisationId: created!.organisationId,
        expiresOn: created!.expiresOn,
      },
    });
    return (await present(tx, holder, options.caseSight, [created!]))[0]!;
  });
}

/** Withdraws an authorisation at once. */
export async function revokeAuthorisation(options: {
  db: Db;
  audit: AuditContext;
  holder: Actor;
  caseSight: CaseSight;
  certificateId: string;
  authorisationId: string;
}): Promise<AuthorisationView> {
  const { db, audit, holder } = options;
  const row = await ownCertificate(db, holder, options.certificateId);
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(certificateAuthorisations)
      .where(
        and(
          eq(certificateAuthorisations.id, options.authorisationId),
          eq(certificateAuthorisations.certificateId, row.id),
        ),
      )
      .for('update');
    if (!found) throw new AppError('resource.not_found', { params: { resource: '用证授权' } });
    if (found.revokedAt) {
      throw new AppError('certificate.authorisation_revoked', {
        params: { revokedAt: found.revokedAt.toISOString() },
      });
    }
    const [updated] = await tx
      .update(certificateAuthorisations)
      .set({ revokedAt: new Date() })
      .where(eq(certificateAuthorisations.id, found.id))
      .returning();
    await recordAudit(tx, audit, {
      action: 'certificate.authorisation_revoke',
      targetType: 'certificate',
      targetId: row.id,
      summary: { number: row.number, authorisationId: found.id },
    });
    return (await present(tx, holder, options.caseSight, [updated!]))[0]!;
  });
}

/** The authorisations of one of the holder's certificates, newest first. */
export async function listAuthorisations(options: {
  db: DbOrTx;
  holder: Actor;
  caseSight: CaseSight;
  certificateId: string;
}): Promise<AuthorisationView[]> {
  const row = await ownCertificate(options.db, options.holder, options.certificateId);
  const rows = await options.db
    .select()
    .from(certificateAuthorisations)
    .where(eq(certificateAuthorisations.certificateId, row.id))
    .orderBy(desc(certificateAuthorisations.createdAt));
  return present(options.db, options.holder, options.caseSight, rows);
}

/** Authorisations in force today (not revoked, not past their day) of the given certificates. */
export async function authorisationsInForce(
  db: DbOrTx,
  certificateIds: string[],
): Promise<AuthorisationRow[]> {
  if (certificateIds.length === 0) return [];
  return db
    .select()
    .from(certificateAuthorisations)
    .where(
      and(
        inArray(certificateAuthorisations.certificateId, certificateIds),
        isNull(certificateAuthorisations.revokedAt),
        gte(certificateAuthorisations.expiresOn, todayInChina()),
      ),
    );
}
