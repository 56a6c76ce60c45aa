import { isIdCard, isUnifiedIdentifier } from 'util-helpers';

/** Resident ID number (GB 11643): 18 characters, ISO 7064 MOD 11-2 check character. */
export function isResidentIdNumber(value: string): boolean {
  return /^\d{17}[\dXx]$/.test(value) && isIdCard(value);
}

/** Unified social credit code (GB 32100): 18 characters, MOD 31 check character. */
export function isCreditCode(value: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value) && isUnifiedIdentifier(value);
}

/** 110105********002X: keeps the first six and the last four characters. */
export function maskIdNumber(value: string): string {
  return value.length < 10
    ? '*'.repeat(value.length)
    : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

/** 138****0000 */
export function maskPhone(value: string): string {
  return value.length < 7 ? value : `${value.slice(0, 3)}****${value.slice(-4)}`;
}

const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Completes the first 17 characters of a unified social credit code with its GB 32100 check character. */
export function withCreditCheckCharacter(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17))
    throw new Error(`not 17 credit code characters: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARACTERS.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  return first17 + CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31];
}
