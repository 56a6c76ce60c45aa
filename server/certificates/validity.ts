/**
 * The validity rule of a certificate type: years plus months from the day of issue
 * (居民身份证 20 years, 临时居民身份证 3 months). Neither given: valid without limit (长期).
 */
export type ValidityRule = { years: number | null; months: number | null };

/** The rule's length in months; null when the certificate does not expire. */
export function validityInMonths(rule: ValidityRule): number | null {
  const months = (rule.years ?? 0) * 12 + (rule.months ?? 0);
  return months > 0 ? months : null;
}

/** Whether a rule's parts are whole numbers in range (at most 100 years in all). */
export function isValidityRule(rule: ValidityRule): boolean {
  const part = (n: number | null, max: number) => n === null || (Number.isInteger(n) && n >= 0 && n <= max);
  return part(rule.years, 100) && part(rule.months, 1200) && (validityInMonths(rule) ?? 0) <= 1200;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);

/**
 * The last valid day of a certificate issued on `issuedOn` (ISO date) for `months` months: the
 * day before the same date that many months later (2026-01-15 + 3 months → 2026-04-14). When
 * the later month has no such date, its last day (2025-11-30 + 3 months → 2026-02-28;
 * 2024-02-29 + 1 year → 2025-02-28), as periods counted in months end by law (民法典 第二百零三条).
 */
export function lastValidDayAfterMonths(issuedOn: string, months: number): string {
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number];
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = daysInMonth(year, month);
  return d > last ? iso(year, month, last) : iso(year, month, d - 1);
}

/** The last valid day under a type's rule, or null for no limit. */
export function validUntilFor(issuedOn: string, rule: ValidityRule): string | null {
  const months = validityInMonths(rule);
  return months === null ? null : lastValidDayAfterMonths(issuedOn, months);
}
