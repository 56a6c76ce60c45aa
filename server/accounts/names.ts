import { inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { displayLogin } from './logins.ts';
import { accounts } from './tables.ts';

/** How an account is shown next to what it did: its name, kind and login (ID numbers masked). */
export type AccountName = { displayName: string; kind: string; login: string };

const shown = (row: AccountNameJson): AccountName => ({
  displayName: row.displayName,
  kind: row.kind,
  login: displayLogin(row.kind, row.login),
});

/** The names of accounts, by id; unknown ids are left out. */
export async function accountNames(db: DbOrTx, accountIds: string[]): Promise<Map<string, AccountName>> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: accounts.id,
      displayName: accounts.displayName,
      kind: accounts.kind,
      login: accounts.login,
    })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  return new Map(rows.map((r) => [r.id, shown(r)]));
}

/**
 * The names of the accounts `where` selects, as a JSON scalar subquery for a caller's select (one
 * round trip with the rest of a page); read it with `namesFromJson`.
 */
export const accountNamesJson = (where: SQL) =>
  sql<
    AccountNameJson[]
  >`(select coalesce(json_agg(json_build_object('id', ${accounts.id}, 'displayName', ${accounts.displayName}, 'kind', ${accounts.kind}, 'login', ${accounts.login})), '[]'::json) from ${accounts} where ${where})`;

type AccountNameJson = { id: string; displayName: string; kind: string; login: string };

/** How one account is shown, as a JSON scalar subquery for a caller's select; read it with `nameFromJson`. */
export const accountNameJson = (accountId: SQLWrapper) =>
  sql<AccountNameJson | null>`(select json_build_object('id', ${accounts.id}, 'displayName', ${accounts.displayName}, 'kind', ${accounts.kind}, 'login', ${accounts.login}) from ${accounts} where ${accounts.id} = ${accountId})`;

export function nameFromJson(row: AccountNameJson | null): AccountName | null {
  return row ? shown(row) : null;
}

export function namesFromJson(rows: AccountNameJson[]): Map<string, AccountName> {
  return new Map(rows.map((r) => [r.id, shown(r)]));
}

/** The account id column, for the `where` of accountNamesJson. */
export const accountIdColumn = accounts.id;
