import { eq, inArray, or, sql } from 'drizzle-orm';
import { todayInChina } from '../calendar/service.ts';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { SIGNED_FORMAT, type SignedCertificate } from './signed.ts';
import { certificates, certificateTypes } from './tables.ts';
import type {
  CertificateField,
  CertificateLayout,
  CertificateStatus,
  CertificateView,
  HolderKind,
} from './types.ts';

export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateTypeRow = typeof certificateTypes.$inferSelect;

export const certificateNotFound = () => new AppError('resource.not_found', { params: { resource: '证照' } });

const PARENTHESIS = /（[^（）]*）$/;

/**
 * The type named `name`: by name, by one of its aliases ('营业执照（变更后）'), or by the name
 * without a trailing parenthesis ('出生医学证明（补发）' → 出生医学证明). Null when none.
 */
export async function findCertificateType(db: DbOrTx, name: string): Promise<CertificateTypeRow | null> {
  const wanted = name.trim();
  const match = async (n: string) =>
    (
      await db
        .select()
        .from(certificateTypes)
        .where(
          or(eq(certificateTypes.name, n), sql`${certificateTypes.aliases} @> ${JSON.stringify([n])}::jsonb`),
        )
        .limit(1)
    )[0] ?? null;
  const exact = await match(wanted);
  if (exact || !PARENTHESIS.test(wanted)) return exact;
  return match(wanted.replace(PARENTHESIS, ''));
}

export async function typesById(db: DbOrTx, ids: string[]): Promise<Map<string, CertificateTypeRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(certificateTypes).where(inArray(certificateTypes.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

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
