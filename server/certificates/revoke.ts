import { eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { certificates } from './tables.ts';
import type { CertificateStatus, CertificateView } from './types.ts';
import { certificateNotFound, currentStatus, viewsOf } from './views.ts';

const STATUS_LABELS: Record<CertificateStatus, string> = {
  issued: '有效',
  changed: '已变更',
  revoked: '已撤销',
  expired: '已过期',
};

/** 注销/撤销: a current certificate is revoked with a reason (the verification page then says so). */
export async function revokeCertificate(options: {
  db: Db;
  audit: AuditContext;
  id: string;
  reason: string;
}): Promise<CertificateView> {
  const { db, audit, id } = options;
  const reason = options.reason.trim();
  if (!reason) {
    throw new AppError('validation.field', {
      field: 'reason',
      params: { problem: '不能为空', problemEn: 'is required' },
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(certificates).where(eq(certificates.id, id)).for('update');
    if (!row) throw certificateNotFound();
    const status = currentStatus(row);
    if (status === 'revoked' || status === 'changed') {
      throw new AppError('certificate.not_current', {
        params: {
          status: STATUS_LABELS[status],
          statusEn: status,
          operation: '撤销',
          operationEn: 'revoke it',
        },
      });
    }
    const [updated] = await tx
      .update(certificates)
      .set({
        status: 'revoked',
        revokedAt: new Date(),
        revokedBy: audit.actor?.accountId ?? null,
        revokeReason: reason,
      })
      .where(eq(certificates.id, id))
      .returning();
    await recordAudit(tx, audit, {
      action: 'certificate.revoke',
      targetType: 'certificate',
      targetId: id,
      summary: { number: row.number, typeName: row.typeName, reason },
    });
    return (await viewsOf(tx, [updated!]))[0]!;
  });
}

export { STATUS_LABELS as CERTIFICATE_STATUS_LABELS };
