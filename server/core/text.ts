import { AppError } from './errors.ts';

/** A copy of the input with the named text fields trimmed; one left empty is a 400 naming it. */
export function withTrimmedText<T extends object>(input: T, keys: readonly (keyof T)[]): T {
  const out = { ...input };
  for (const key of keys) {
    const value = out[key];
    if (typeof value !== 'string') continue;
    out[key] = value.trim() as T[keyof T];
    if (!out[key]) {
      throw new AppError('validation.field', {
        field: String(key),
        params: { problem: '不能为空', problemEn: 'must not be empty' },
      });
    }
  }
  return out;
}
