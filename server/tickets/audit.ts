import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';

/** What a staff action on a ticket or window records in the audit log. */
export type TicketAudit = {
  action: string;
  targetType: 'ticket' | 'window';
  targetId: string;
  summary: Record<string, unknown>;
};

/**
 * Runs a staff action on tickets and writes its audit record in the same transaction: both or
 * neither. `entry` may depend on what the action gave; null records nothing (nothing changed).
 */
export async function audited<T>(
  db: DbOrTx,
  audit: AuditContext,
  work: (tx: Tx) => Promise<T>,
  entry: TicketAudit | ((result: T) => TicketAudit | null),
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await work(tx);
    const record = typeof entry === 'function' ? entry(result) : entry;
    if (record) await recordAudit(tx, audit, record);
    return result;
  });
}
