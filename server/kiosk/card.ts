import { isResidentIdNumber } from '../../common/identity.ts';
import { AppError } from '../core/errors.ts';

/**
 * What the kiosk sends of the resident ID card it read. A reader returns more (ethnicity,
 * address, issuing authority, photo); those stay on the kiosk. Name and number identify the
 * applicant; sex and birth date are checked against the number; the validity refuses an expired card.
 */
export type IdCardReading = {
  name: string;
  idNumber: string;
  sex?: '男' | '女';
  /** YYYY-MM-DD */
  birthDate?: string;
  /** YYYY-MM-DD, or 长期 for a card without an end date. */
  validUntil?: string;
};

const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/** The card's holder (name, upper-case ID number), or a 400 naming the field that is wrong. */
export function checkCard(card: IdCardReading, today: string): { name: string; idNumber: string } {
  const name = card.name.trim();
  if (!name) throw invalid('name', '不能为空', 'must not be empty');
  const idNumber = card.idNumber.trim().toUpperCase();
  if (!isResidentIdNumber(idNumber)) throw new AppError('validation.id_number', { field: 'idNumber' });
  const born = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (card.birthDate !== undefined && card.birthDate !== born) {
    throw invalid('birthDate', '与身份证号码不一致', 'does not match the ID number');
  }
  const sex = Number(idNumber[16]) % 2 === 1 ? '男' : '女';
  if (card.sex !== undefined && card.sex !== sex) {
    throw invalid('sex', '与身份证号码不一致', 'does not match the ID number');
  }
  if (card.validUntil !== undefined && card.validUntil !== '长期' && card.validUntil < today) {
    throw invalid('validUntil', '身份证已过期，请使用有效期内的证件', 'the ID card has expired');
  }
  return { name, idNumber };
}
