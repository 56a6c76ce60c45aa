import { isCreditCode, isResidentIdNumber, maskIdNumber } from '../../common/identity.ts';
import type { AccountKind } from '../../common/roles.ts';
import { AppError } from '../core/errors.ts';

const USER_NAME = /^[a-z0-9_.-]{3,32}$/;

/**
 * The stored form of a login, or a 400 naming the field: user names lower-cased,
 * ID numbers and credit codes upper-cased and checked (GB 11643 / GB 32100).
 */
export function normaliseLogin(kind: AccountKind, login: string, field = 'login'): string {
  const value = login.trim();
  switch (kind) {
    case 'staff': {
      const name = value.toLowerCase();
      if (!USER_NAME.test(name)) {
        throw new AppError('validation.field', {
          field,
          params: {
            problem: '用户名须为 3–32 位小写字母、数字或 _ . -',
            problemEn: 'must be 3–32 characters of a–z, 0–9, _ . -',
          },
        });
      }
      return name;
    }
    case 'person': {
      const id = value.toUpperCase();
      if (!isResidentIdNumber(id)) throw new AppError('validation.id_number', { field });
      return id;
    }
    case 'company': {
      const code = value.toUpperCase();
      if (!isCreditCode(code)) throw new AppError('validation.credit_code', { field });
      return code;
    }
  }
}

/** How a login may be shown: ID numbers of persons are masked. */
export function displayLogin(kind: AccountKind | string, login: string): string {
  return kind === 'person' ? maskIdNumber(login) : login;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** A mobile (13800000000) or landline (029-87654321) number, or a 400 naming the field. */
export function normalisePhone(phone: string | null | undefined, field = 'phone'): string | null {
  const value = phone?.trim().replaceAll(' ', '') ?? '';
  if (value === '') return null;
  if (!PHONE.test(value)) {
    throw new AppError('validation.field', {
      field,
      params: { problem: '电话号码格式不正确', problemEn: 'is not a valid phone number' },
    });
  }
  return value;
}

/** Mainland mobile numbers; landlines cannot receive SMS. */
export function isMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
