import type { InferSelectModel, SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Tx } from '../core/db/client.ts';
import { updateVersioned } from '../core/db/versioned.ts';
import type { AppError } from '../core/errors.ts';

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/** updateVersioned with { before, after } of the changed fields recorded in the audit trail. */
export function updateAudited<T extends VersionedTable>(options: {
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
  const { audit, action, targetType, ...rest } = options;
  return updateVersioned({
    ...rest,
    onChange: (tx, targetId, summary) => recordAudit(tx, audit, { action, targetType, targetId, summary }),
  });
}
