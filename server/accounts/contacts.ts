import { eq, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { accounts } from './tables.ts';

/** How to reach an account holder: the name to address and the phone on record (unmasked; for sending only). */
export async function accountContact(
  db: DbOrTx,
  accountId: string,
): Promise<{ displayName: string; phone: string | null } | null> {
  const [row] = await db
    .select({ displayName: accounts.displayName, phone: accounts.phone })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row ? { displayName: row.displayName, phone: row.phone } : null;
}

/** The phone on record of the account in `accountId`, as a scalar subquery for a caller's select. */
export const phoneOf = (accountId: SQLWrapper) =>
  sql<string | null>`(select ${accounts.phone} from ${accounts} where ${accounts.id} = ${accountId})`;
