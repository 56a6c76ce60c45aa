import { eq } from 'drizzle-orm';
import { todayInChina } from '../calendar/index.ts';
import { SIGNED_FORMAT, type SignedCertificate } from '../core/crypto/signed.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { certificates } from './tables.ts';
import { type CertificateTypeRow, typesById } from './type-cache.ts';
import type {
  CertificateField,
  CertificateLayout,
  CertificateStatus,
  CertificateView,
  HolderKind,
} from './types.ts';

export type CertificateRow = typeof certificates.$inferSelect;
export { type CertificateTypeRow, findCertificateType, typesById } from './type-cache.ts';

export const certificateNotFound = () => new AppError('resource.not_found', { params: { resource: '证照' } });

/** The status a reader sees: an issued certificate past its last valid day is expired. */
export function currentStatus(row: CertificateRow, today = todayInChina()): CertificateStatus {
  if (row.status === 'issued' && row.validUntil && row.validUntil < today) return 'expired';
  return row.status as CertificateStatus;
}

export function viewOf(row: CertificateRow, type: CertificateTypeRow, today?: string): CertificateView {
  const fields = type.fields as CertificateField[];
  return {
    id: row.id,
    typeCode: row.typeCode,
    typeName: row.typeName,
    number: row.number,
    holderKind: row.holderKind as HolderKind,
    holderLogin: row.holderLogin,
    holderName: row.holderName,
    data: row.data,
    fields: fields.map((f) => ({ key: f.key, label: f.label, public: f.public })),
    issuerId: row.organisationId,
    issuerName: row.issuerName,
    issuedAt: row.issuedAt.toISOString(),
    validUntil: row.validUntil,
    status: currentStatus(row, today),
    verificationCode: row.verificationCode,
    caseId: row.caseId,
    layout: type.layout as CertificateLayout,
  };
}

export async function viewsOf(db: DbOrTx, rows: CertificateRow[]): Promise<CertificateView[]> {
  const types = await typesById(
    db,
    rows.map((r) => r.typeId),
  );
  const today = todayInChina();
  return rows.map((r) => viewOf(r, types.get(r.typeId)!, today));
}

/** What the seal vouches for, rebuilt from the stored row. */
export function signedFormOf(row: CertificateRow): SignedCertificate {
  return {
    format: SIGNED_FORMAT,
    id: row.id,
    typeCode: row.typeCode,
    typeName: row.typeName,
    number: row.number,
    holder: { kind: row.holderKind, login: row.holderLogin, name: row.holderName },
    issuer: { id: row.organisationId, name: row.issuerName },
    data: row.data,
    issuedAt: row.issuedAt.toISOString(),
    validUntil: row.validUntil,
    verificationCode: row.verificationCode,
    keyId: row.keyId,
  };
}

export async function findCertificate(db: DbOrTx, id: string): Promise<CertificateRow> {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
  if (!row) throw certificateNotFound();
  return row;
}
