import { type Column, getTableName, sql } from 'drizzle-orm';
import type { Db } from './client.ts';

const built = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query built once per database handle and reused: Drizzle then composes its SQL text and
 * result mapping once instead of on every request (`sql.placeholder` for what varies). Only
 * for the pool handle, not inside a transaction.
 */
export function composeOnce<Q>(db: Db, name: string, build: (db: Db) => Q): Q {
  let queries = built.get(db);
  if (!queries) {
    queries = new Map();
    built.set(db, queries);
  }
  let query = queries.get(name) as Q | undefined;
  if (!query) {
    query = build(db);
    queries.set(name, query);
  }
  return query;
}

/**
 * A column named with its table, for a correlated subquery: Drizzle leaves the columns of a
 * single-table select unqualified, where a subquery's own columns of the same name would win.
 */
export const qualified = (column: Column) =>
  sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
