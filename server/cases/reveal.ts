import type { REVEAL_FIELDS } from '../../common/cases/api.ts';
import { maskPhone } from '../../common/identity.ts';
import { accountContact, loadActor } from '../accounts/index.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import type { CaseRow } from './rows.ts';

/**
 * The personal values of a case that staff see masked (个人信息保护法) and may ask to see in
 * full, one at a time, each view audited (查看完整信息).
 */
export type RevealField = (typeof REVEAL_FIELDS)[number];

export const REVEAL_FIELD_LABELS: Record<RevealField, string> = {
  applicantIdNumber: '申请人身份证号码',
  applicantPhone: '申请人联系电话',
  postalPhone: '收件人电话',
  postalAddress: '邮寄地址',
};

/** 陕西省西安市**********: keeps the first six characters (province and city), hides the rest. */
export function maskAddress(value: string): string {
  const chars = [...value];
  if (chars.length <= 6) return `${chars.slice(0, 2).join('')}****`;
  return `${chars.slice(0, 6).join('')}${'*'.repeat(Math.min(10, chars.length - 6))}`;
}

type Postal = { recipient?: unknown; phone?: unknown; address?: unknown };

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : null;

/** The postal delivery of a case: where it was sent, else where the applicant asked it to go. */
function postalOf(row: CaseRow): Postal | null {
  if (row.deliveryAddress) return row.deliveryAddress as Postal;
  const chosen = (row.formData as { delivery?: Postal & { method?: unknown } }).delivery;
  return chosen && chosen.method === 'post' ? chosen : null;
}

/** The full value of one field of the case, or null when the case has none. */
async function fullValue(db: Db, row: CaseRow, field: RevealField): Promise<string | null> {
  switch (field) {
    case 'applicantIdNumber': {
      const applicant = await loadActor(db, row.applicantId);
      return applicant?.kind === 'person' ? applicant.login : null;
    }
    case 'applicantPhone':
      return (
        text((row.formData as { phone?: unknown }).phone) ??
        (await accountContact(db, row.applicantId))?.phone ??
        null
      );
    case 'postalPhone':
      return text(postalOf(row)?.phone);
    case 'postalAddress':
      return text(postalOf(row)?.address);
  }
}

/**
 * The form data as staff see it: the applicant's phone and the postal phone and address masked.
 * Other fields pass unchanged.
 */
export function maskedFormData(formData: Record<string, unknown>): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...formData };
  const phone = text(formData.phone);
  if (phone) masked.phone = maskPhone(phone);
  const delivery = formData.delivery as Postal | undefined;
  if (delivery && typeof delivery === 'object') {
    const postalPhone = text(delivery.phone);
    const address = text(delivery.address);
    masked.delivery = {
      ...delivery,
      ...(postalPhone ? { phone: maskPhone(postalPhone) } : {}),
      ...(address ? { address: maskAddress(address) } : {}),
    };
  }
  return masked;
}

/** Which fields of the case are shown masked and hold a value (the ones a 显示 button can reveal). */
export function maskedFields(row: CaseRow, applicantKind: string | null): RevealField[] {
  const postal = postalOf(row);
  const fields: RevealField[] = [];
  if (applicantKind === 'person') fields.push('applicantIdNumber');
  if (text((row.formData as { phone?: unknown }).phone)) fields.push('applicantPhone');
  if (text(postal?.phone)) fields.push('postalPhone');
  if (text(postal?.address)) fields.push('postalAddress');
  return fields;
}

/**
 * The full value of one personal field of a case, for a staff member the policy lets see it.
 * Writes one audit record per view: who (the context), which case and which field, never the value.
 * A field the case does not hold is a 404.
 */
export async function revealCaseField(options: {
  db: Db;
  audit: AuditContext;
  row: CaseRow;
  field: RevealField;
}): Promise<{ field: RevealField; value: string }> {
  const { db, row, field } = options;
  const value = await fullValue(db, row, field);
  if (!value) throw new AppError('resource.not_found', { params: { resource: REVEAL_FIELD_LABELS[field] } });
  await db.transaction(async (tx) => {
    await recordAudit(tx, options.audit, {
      action: 'case.reveal',
      targetType: 'case',
      targetId: row.id,
      summary: { caseNo: row.caseNo, field },
    });
  });
  return { field, value };
}
