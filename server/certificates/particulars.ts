import { desc, eq } from 'drizzle-orm';
import type { FieldText } from '../../common/forms/texts.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { factOf, fromApplicationForm } from './known-values.ts';
import { certificates } from './tables.ts';
import type { CertificateField, HolderKind } from './types.ts';
import { findCertificateType } from './views.ts';

/** What a decision approving a case quotes of the certificate its result is. */
export type ResultParticulars = {
  /**
   * The fields about the licensed thing that the certificate prints from the application form
   * (经营场所, 主体业态, 经营项目 of a 食品经营许可证), in the certificate's order, each with the
   * certificate's label and the form's printed text. Facts about the holder (法定代表人, 住所) and the
   * fields the issue fills (名称, 发证机关, 有效期至 …) are no particulars of what is approved.
   */
  particulars: { label: string; text: string }[];
  /** The certificate issued with the case's conclusion, once it has been. */
  issued: { number: string; validUntil: string | null } | null;
};

/**
 * The particulars of a case's result certificate as its application form gives them, matched to
 * the certificate's fields as the issue matches them (known-values.ts: by the field's key, binding
 * or label), and the certificate issued with the case if any. `form` is the case's form as printed
 * (formFieldTexts; [] without a form). No particulars when the result is no certificate or its type
 * is not registered.
 */
export async function resultParticulars(
  db: DbOrTx,
  options: { caseId: string; result: { type: string; name: string }; form: FieldText[] },
): Promise<ResultParticulars> {
  const { result, form } = options;
  const [type, [issued]] = await Promise.all([
    result.type === 'certificate' && form.length > 0 ? findCertificateType(db, result.name) : null,
    db
      .select({ number: certificates.number, validUntil: certificates.validUntil })
      .from(certificates)
      .where(eq(certificates.caseId, options.caseId))
      .orderBy(desc(certificates.issuedAt))
      .limit(1),
  ]);
  const holderKind = type?.holderKind as HolderKind | undefined;
  const particulars = ((type?.fields ?? []) as CertificateField[])
    .filter((field) => !field.source && holderKind && !factOf(field, holderKind))
    .flatMap((field) => {
      const text = fromApplicationForm(field, form);
      return text ? [{ label: field.label, text }] : [];
    });
  return { particulars, issued: issued ?? null };
}
