import { asc, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { changed } from '../core/caches.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { certificateTypes } from './tables.ts';
import { readTypesAfreshIn } from './type-cache.ts';
import type { CertificateField, CertificateLayout, HolderKind } from './types.ts';
import { isValidityRule } from './validity.ts';

/** One certificate type of the catalogue (证照目录). */
export type CertificateTypeInput = {
  code: string;
  name: string;
  aliases?: string[];
  holderKind: HolderKind;
  organisationId: string | null;
  fields: CertificateField[];
  /** Validity in years plus months from the day of issue; both null (or months left out): no limit. */
  validityYears: number | null;
  validityMonths?: number | null;
  /** See certificate_types.supersede_by. */
  supersedeBy: string[] | null;
  layout: CertificateLayout;
};

function check(type: CertificateTypeInput, index: number): void {
  const keys = type.fields.map((f) => f.key);
  const problem = !/^[a-z][a-z0-9]{1,15}$/.test(type.code)
    ? 'code'
    : new Set(keys).size !== keys.length
      ? 'fields'
      : (type.supersedeBy ?? []).some((k) => !keys.includes(k))
        ? 'supersedeBy'
        : !isValidityRule({ years: type.validityYears, months: type.validityMonths ?? null })
          ? 'validityMonths'
          : null;
  if (problem) {
    throw new AppError('validation.field', {
      field: `types/${index}/${problem}`,
      params: { problem: '不符合证照类型的规则', problemEn: 'breaks the rules of a certificate type' },
    });
  }
}

/**
 * Adds certificate types, or updates those with the same code, with one audit record. The kept
 * catalogue (type-cache.ts) is forgotten (the change is announced); `tx` reads it afresh until it ends.
 */
export async function importCertificateTypes(options: {
  tx: Tx;
  audit: AuditContext;
  types: CertificateTypeInput[];
}): Promise<number> {
  const { tx, audit, types } = options;
  types.forEach(check);
  if (types.length === 0) return 0;
  changed('certificate-types');
  readTypesAfreshIn(tx);
  const values = types.map((t) => ({
    ...t,
    aliases: t.aliases ?? [],
    validityMonths: t.validityMonths ?? null,
  }));
  await tx
    .insert(certificateTypes)
    .values(values)
    .onConflictDoUpdate({
      target: certificateTypes.code,
      set: {
        name: sql`excluded.name`,
        aliases: sql`excluded.aliases`,
        holderKind: sql`excluded.holder_kind`,
        organisationId: sql`excluded.organisation_id`,
        fields: sql`excluded.fields`,
        validityYears: sql`excluded.validity_years`,
        validityMonths: sql`excluded.validity_months`,
        supersedeBy: sql`excluded.supersede_by`,
        layout: sql`excluded.layout`,
      },
    });
  await recordAudit(tx, audit, {
    action: 'certificate_type.import',
    targetType: 'certificate_type',
    summary: { codes: types.map((t) => t.code) },
  });
  return types.length;
}

/** The catalogue of certificate types, by name. */
export async function listCertificateTypes(db: DbOrTx) {
  const rows = await db.select().from(certificateTypes).orderBy(asc(certificateTypes.code));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    aliases: r.aliases,
    holderKind: r.holderKind as HolderKind,
    organisationId: r.organisationId,
    fields: r.fields as CertificateField[],
    validityYears: r.validityYears,
    validityMonths: r.validityMonths,
    layout: r.layout as CertificateLayout,
  }));
}
