import { eq, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.ts';
import type { Tx } from './client.ts';

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

export type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/**
 * Changes one row under optimistic concurrency: locks it, checks its version, writes the fields
 * that differ with the next version and hands { before, after } of them to `onChange`.
 * `changes` runs on the locked row and may check business rules; when nothing differs, nothing is written.
 */
export async function updateVersioned<T extends VersionedTable>(options: {
  tx: Tx;
  table: T;
  where: SQL | undefined;
  version: number;
  notFound: () => AppError;
  changes: (
    current: InferSelectModel<T>,
  ) => Partial<InferSelectModel<T>> | Promise<Partial<InferSelectModel<T>>>;
  /** Runs in the same transaction after the write, with what changed (the audit record). */
  onChange: (
    tx: Tx,
    id: string,
    diff: { before: Partial<InferSelectModel<T>>; after: Partial<InferSelectModel<T>> },
  ) => Promise<void>;
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
  await options.onChange(tx, current.id, diff);
  return updated!;
}
