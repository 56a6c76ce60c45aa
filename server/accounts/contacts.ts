import { eq, type SQLWrapper, sql } from 'drizzle-orm';
import { keptUnder } from '../core/caches.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { composeOnce } from '../core/db/composed.ts';
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

/** How long a phone read here is used without reading it again (as for actors: actors.ts). */
const PHONE_KEPT_MS = 5000;
const keptPhones = keptUnder<string | null>({ ttlMs: PHONE_KEPT_MS, dependsOn: { account: 'key' } });

/** Keeps the phone of an account just read with other data (e.g. with a case), for a few seconds. */
export function keepPhone(accountId: string, phone: string | null, now = Date.now()): void {
  keptPhones.set(accountId, phone, now);
}

/**
 * The phone on record of an account, kept for a few seconds so that the messages of a burst of
 * case events read it once. A change of the account in this process forgets it at once
 * (`changed('account', id)`); another process's change shows within PHONE_KEPT_MS.
 */
export async function currentPhone(db: Db, accountId: string): Promise<string | null> {
  const now = Date.now();
  const hit = keptPhones.get(accountId, now);
  if (hit !== undefined) return hit;
  const [row] = await composeOnce(db, 'account_phone', (d) =>
    d
      .select({ phone: accounts.phone })
      .from(accounts)
      .where(eq(accounts.id, sql.placeholder('id')))
      .prepare('yw_account_phone'),
  ).execute({ id: accountId });
  const phone = row?.phone ?? null;
  keepPhone(accountId, phone, now);
  return phone;
}
