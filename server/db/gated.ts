import { createHash } from 'node:crypto';
import { and, type Column, eq, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from './client.ts';
import { reuse } from './reuse.ts';

/**
 * Rows to insert only if the guarded change of the same statement wrote a row (see
 * `whenChanged`): `INSERT INTO t (…) SELECT $1::type, … FROM "changed"`. Values go through the
 * columns' own mapping (JSON, dates); a column left out of every row takes its database default.
 */
export type GatedInsert = {
  table: PgTable;
  rows: Record<string, unknown>[];
  /** Names the insert for the statement's `extra` fields, which may then read its rows (RETURNING *). */
  name?: string;
};

/** The guarded change: an UPDATE of the rows equal to `where`, or an INSERT of one row. */
export type GuardedChange =
  | { table: PgTable; set: Record<string, unknown>; where: Record<string, unknown> }
  | { table: PgTable; values: Record<string, unknown> };

const GATE = 'changed';

/** A column of the changed row, for the `extra` fields of whenChanged. */
export const changedColumn = (name: string) => sql`${sql.identifier(GATE)}.${sql.identifier(name)}`;

const defined = (record: Record<string, unknown>) =>
  Object.keys(record).filter((k) => record[k] !== undefined);

function insertKeys(insert: GatedInsert): string[] {
  const columns = getTableColumns(insert.table) as Record<string, Column>;
  return Object.keys(columns).filter(
    (key) => insert.rows.some((row) => row[key] !== undefined) || columns[key]!.defaultFn,
  );
}

function cellOf(column: Column, row: Record<string, unknown>, key: string): unknown {
  const value = row[key];
  if (value !== undefined) return value;
  if (column.defaultFn) return column.defaultFn();
  if (column.hasDefault) throw new Error(`gated insert: ${column.name} must be given in every row or none`);
  return null;
}

const placeholder = (name: string, column: Column) => sql.param(sql.placeholder(name), column);

function insertSql(insert: GatedInsert, keys: string[], n: number): SQL {
  const columns = getTableColumns(insert.table) as Record<string, Column>;
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key]!.name)),
    sql`, `,
  );
  const selects = insert.rows.map((_, r) => {
    const cells = keys.map((key) => {
      const column = columns[key]!;
      return sql`${placeholder(`i${n}_${r}_${key}`, column)}::${sql.raw(column.getSQLType())}`;
    });
    return sql`select ${sql.join(cells, sql`, `)} from ${sql.identifier(GATE)}`;
  });
  const returning = insert.name ? sql` returning *` : sql``;
  return sql`insert into ${insert.table} (${names}) ${sql.join(selects, sql` union all `)}${returning}`;
}

function build(
  db: DbOrTx,
  change: GuardedChange,
  inserts: { insert: GatedInsert; keys: string[] }[],
  extra: Record<string, SQL>,
) {
  const columns = getTableColumns(change.table) as Record<string, Column>;
  // Drizzle binds each placeholder to its column, so the column's mapping applies when filled.
  const holders = (record: Record<string, unknown>, prefix: string) =>
    Object.fromEntries(defined(record).map((key) => [key, sql.placeholder(`${prefix}${key}`)]));
  const write =
    'set' in change
      ? db
          .update(change.table)
          .set(holders(change.set, 's_'))
          .where(and(...defined(change.where).map((key) => eq(columns[key]!, sql.placeholder(`w_${key}`)))))
      : db.insert(change.table).values(holders(change.values, 'v_') as never);
  const changed = db.$with(GATE).as(write.returning() as never);
  // A named insert without rows still names its (empty) rows for the extra fields.
  const writes = inserts.map(({ insert, keys }, n) =>
    db
      .$with(insert.name ?? `w${n}`, {})
      .as(insert.rows.length ? insertSql(insert, keys, n) : sql`select * from ${insert.table} where false`),
  );
  const row = (changed as unknown as { _: { selectedFields: Record<string, unknown> } })._.selectedFields;
  return db
    .with(changed, ...writes)
    .select({ row, extra: Object.keys(extra).length ? extra : sql`null` } as never)
    .from(changed);
}

/**
 * One statement, one round trip: a guarded change — an UPDATE of the rows matching `where`
 * (e.g. id and version) or an INSERT — and the inserts that belong to it, which happen only when
 * the change wrote a row. Without an explicit transaction the statement is atomic on its own.
 * Gives the changed rows, mapped like a select of the table (none when the guard did not match),
 * each with the `extra` fields the caller asked for, read in the same statement (they see the
 * tables as before it, plus the rows of named inserts). The SQL is composed once per shape
 * (tables, columns, number of rows, names of the extra fields) and prepared: `extra` must be the
 * same SQL for the same names.
 */
export async function whenChanged<Row, Extra = null>(
  db: DbOrTx,
  change: GuardedChange,
  gated: GatedInsert[],
  extra: Record<string, SQL> = {},
): Promise<{ row: Row; extra: Extra }[]> {
  const inserts = gated
    .filter((insert) => insert.rows.length > 0 || insert.name)
    .map((insert) => ({ insert, keys: insertKeys(insert) }));
  const shape = JSON.stringify([
    getTableName(change.table),
    'set' in change
      ? ['set', defined(change.set), defined(change.where)]
      : ['values', defined(change.values)],
    inserts.map(({ insert, keys }) => [
      getTableName(insert.table),
      keys,
      insert.rows.length,
      insert.name ?? null,
    ]),
    Object.keys(extra),
  ]);
  const values: Record<string, unknown> = {};
  if ('set' in change) {
    for (const key of defined(change.set)) values[`s_${key}`] = change.set[key];
    for (const key of defined(change.where)) values[`w_${key}`] = change.where[key];
  } else {
    for (const key of defined(change.values)) values[`v_${key}`] = change.values[key];
  }
  inserts.forEach(({ insert, keys }, n) => {
    const columns = getTableColumns(insert.table) as Record<string, Column>;
    insert.rows.forEach((row, r) => {
      for (const key of keys) values[`i${n}_${r}_${key}`] = cellOf(columns[key]!, row, key);
    });
  });
  const query = reuse(db as Db, `gated:${shape}`, (d) =>
    build(d, change, inserts, extra).prepare(
      `yw_g_${createHash('sha1').update(shape).digest('hex').slice(0, 24)}`,
    ),
  );
  return (await query.execute(values)) as unknown as { row: Row; extra: Extra }[];
}
