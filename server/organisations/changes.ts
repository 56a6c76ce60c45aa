import { AppError } from '../http/errors.ts';

/** The fields of `changes` that differ from `current`, as { before, after } for the audit record; null when none do. */
export function changedFields<T extends object>(
  current: T,
  changes: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(changes) as (keyof T)[]) {
    const value = changes[key];
    if (value === undefined || value === current[key]) continue;
    before[key] = current[key];
    after[key] = value;
  }
  return Object.keys(after).length ? { before, after } : null;
}

export function versionConflict(): AppError {
  return new AppError('resource.conflict');
}

/** A PostgreSQL unique violation, directly or wrapped by the query builder. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
