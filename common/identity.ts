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
