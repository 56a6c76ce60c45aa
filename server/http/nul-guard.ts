import { AppError } from './errors.ts';

/** The path ('name', 'items.2.note') of the first string holding a NUL character, or null. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = findNul(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL cannot store the NUL character in text, so a request carrying one would fail
 * deep in a query: refuse it up front as a 400 naming the field.
 */
export function refuseNul(parts: { body?: unknown; query?: unknown; params?: unknown }): void {
  for (const [name, value] of Object.entries(parts)) {
    const field = findNul(value);
    if (field !== null) {
      throw new AppError('request.invalid', {
        field: field || name,
        params: { problem: '含有不允许的空字符（NUL）', problemEn: 'contains a NUL character' },
      });
    }
  }
}
