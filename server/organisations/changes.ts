import { eq, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type AuditContext, recordAudit } from '../audit/service.ts';
import type { Tx } from '../db/client.ts';
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

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/**
 * Changes one row under optimistic concurrency: locks it, checks its version, writes the fields
 * that differ with the next version and records { before, after } of them in the audit trail.
 * `changes` runs on the locked row and may check business rules; when nothing differs, nothing is written.
 */
export async function updateVersioned<T extends VersionedTable>(options: {
  tx: Tx;
  audit: AuditContext;
  table: T;
  where: SQL | undefined;
  version: number;
  notFound: () => AppError;
  changes: (
    current: InferSelectModel<T>,
  ) => Partial<InferSelectModel<T>> | Promise<Partial<InferSelectModel<T>>>;
  action: string;
  targetType: string;
}): Promise<InferSelectModel<T>> {
  type Row = InferSelectModel<T>;
  const { tx, table } = options;
  const [current] = (await tx
    .select()
    .from(table as PgTable)
    .where(options.where)
    .for('update')) as (Row & { id: string; version: number })[];
  if (!current) throw options.notFound();
  if (current.version !== options.version) throw new AppError('resource.conflict');
  const diff = changedFields<Row>(current, await options.changes(current));
  if (!diff) return current;
  const [updated] = (await tx
    .update(table)
    .set({ ...diff.after, version: current.version + 1, updatedAt: new Date() } as never)
    .where(eq(table.id, current.id))
    .returning()) as Row[];
  await recordAudit(tx, options.audit, {
    action: options.action,
    targetType: options.targetType,
    targetId: current.id,
    summary: diff,
  });
  return updated!;
}

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

/** A PostgreSQL unique violation, directly or wrapped by the query builder. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
