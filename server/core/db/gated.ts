import { createHash } from 'node:crypto';
import { and, type Column, eq, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from './client.ts';
import { composeOnce } from './composed.ts';

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

/**
 * Rows given by id (a uuid column "id") to update only if the guarded change wrote a row:
 * `UPDATE t SET … WHERE id = ANY($ids) AND EXISTS (SELECT 1 FROM "changed")`.
 */
export type GatedUpdate = {
  table: PgTable;
  set: Record<string, unknown>;
  ids: string[];
};

/**
 * A further condition of the guarded update, e.g. that rows other than the changed one are still
 * as they were read. `sql` must be the same for the same `key` and take its values from
 * placeholders named `g_…`.
 */
export type Guard = { key: string; sql: SQL; values: Record<string, unknown> };

/** The guarded change: an UPDATE of the rows equal to `where` (and the guard), or an INSERT of one row. */
export type GuardedChange =
  | {
      table: PgTable;
      set: Record<string, unknown>;
      where: Record<string, unknown>;
      guard?: Guard | undefined;
    }
  | { table: PgTable; values: Record<string, unknown> };

type Gated = GatedInsert | GatedUpdate;
const isUpdate = (gated: Gated): gated is GatedUpdate => 'ids' in gated;

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

/** A placeholder mapped by its column, as Drizzle maps a value it inserts; null stays null. */
const placeholder = (name: string, column: Column) =>
  sql.param(sql.placeholder(name), {
    mapToDriverValue: (value: unknown) => (value === null ? null : column.mapToDriverValue(value)),
  });

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

function updateSql(update: GatedUpdate, keys: string[], n: number): SQL {
  const columns = getTableColumns(update.table) as Record<string, Column>;
  const sets = keys.map(
    (key) => sql`${sql.identifier(columns[key]!.name)} = ${placeholder(`u${n}_${key}`, columns[key]!)}`,
  );
  return sql`update ${update.table} set ${sql.join(sets, sql`, `)} where ${sql.identifier('id')} = any(${sql.placeholder(`u${n}_ids`)}::uuid[]) and exists (select 1 from ${sql.identifier(GATE)})`;
}

type Composed = { gated: Gated; keys: string[] };

function build(db: DbOrTx, change: GuardedChange, composed: Composed[], extra: Record<string, SQL>) {
  const columns = getTableColumns(change.table) as Record<string, Column>;
  // Drizzle binds each placeholder to its column, so the column's mapping applies when filled.
  const holders = (record: Record<string, unknown>, prefix: string) =>
    Object.fromEntries(defined(record).map((key) => [key, sql.placeholder(`${prefix}${key}`)]));
  const write =
    'set' in change
      ? db
          .update(change.table)
          .set(holders(change.set, 's_'))
          .where(
            and(
              ...defined(change.where).map((key) => eq(columns[key]!, sql.placeholder(`w_${key}`))),
              change.guard?.sql,
            ),
          )
      : db.insert(change.table).values(holders(change.values, 'v_') as never);
  const changed = db.$with(GATE).as(write.returning() as never);
  // A named insert without rows still names its (empty) rows for the extra fields.
  const writes = composed.map(({ gated, keys }, n) =>
    isUpdate(gated)
      ? db.$with(`w${n}`, {}).as(updateSql(gated, keys, n))
      : db
          .$with(gated.name ?? `w${n}`, {})
          .as(gated.rows.length ? insertSql(gated, keys, n) : sql`select * from ${gated.table} where false`),
  );
  const row = (changed as unknown as { _: { selectedFields: Record<string, unknown> } })._.selectedFields;
  return db
    .with(changed, ...writes)
    .select({ row, extra: Object.keys(extra).length ? extra : sql`null` } as never)
    .from(changed);
}

/**
 * One statement, one round trip: a guarded change — an UPDATE of the rows matching `where`
 * (e.g. id and version) and the guard, or an INSERT — and the inserts and updates by id that
 * belong to it, which happen only when the change wrote a row. Without an explicit transaction the statement is atomic on its own.
 * Gives the changed rows, mapped like a select of the table (none when the guard did not match),
 * each with the `extra` fields the caller asked for, read in the same statement (they see the
 * tables as before it, plus the rows of named inserts). The SQL is composed once per shape
 * (tables, columns, number of rows, names of the extra fields) and prepared: `extra` must be the
 * same SQL for the same names.
 */
export async function whenChanged<Row, Extra = null>(
  db: DbOrTx,
  change: GuardedChange,
  gated: Gated[],
  extra: Record<string, SQL> = {},
): Promise<{ row: Row; extra: Extra }[]> {
  const composed: Composed[] = gated
    .filter((g) => (isUpdate(g) ? g.ids.length > 0 : g.rows.length > 0 || g.name))
    .map((g) => ({ gated: g, keys: isUpdate(g) ? defined(g.set) : insertKeys(g) }));
  const shape = JSON.stringify([
    getTableName(change.table),
    'set' in change
      ? ['set', defined(change.set), defined(change.where), change.guard?.key ?? null]
      : ['values', defined(change.values)],
    composed.map(({ gated: g, keys }) =>
      isUpdate(g)
        ? ['update', getTableName(g.table), keys]
        : [getTableName(g.table), keys, g.rows.length, g.name ?? null],
    ),
    Object.keys(extra),
  ]);
  const values: Record<string, unknown> = {};
  if ('set' in change) {
    for (const key of defined(change.set)) values[`s_${key}`] = change.set[key];
    for (const key of defined(change.where)) values[`w_${key}`] = change.where[key];
    Object.assign(values, change.guard?.values);
  } else {
    for (const key of defined(change.values)) values[`v_${key}`] = change.values[key];
  }
  composed.forEach(({ gated: g, keys }, n) => {
    if (isUpdate(g)) {
      for (const key of keys) values[`u${n}_${key}`] = g.set[key];
      values[`u${n}_ids`] = g.ids;
      return;
    }
    const columns = getTableColumns(g.table) as Record<string, Column>;
    g.rows.forEach((row, r) => {
      for (const key of keys) values[`i${n}_${r}_${key}`] = cellOf(columns[key]!, row, key);
    });
  });
  const query = composeOnce(db as Db, `gated:${shape}`, (d) =>
    build(d, change, composed, extra).prepare(
      `yw_g_${createHash('sha1').update(shape).digest('hex').slice(0, 24)}`,
    ),
  );
  return (await query.execute(values)) as unknown as { row: Row; extra: Extra }[];
}
