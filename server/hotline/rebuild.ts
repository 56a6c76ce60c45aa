import { sql } from 'drizzle-orm';
import type { Db } from '../core/db/client.ts';
import { COUNT_COLUMN, HOTLINE_COUNTS } from './monthly.ts';
import { CONTRIBUTION } from './monthly-keep.ts';

/**
 * Recomputes hotline_monthly from the requests and their steps, in one transaction (changes of
 * requests meanwhile wait for it). Returns the number of rows written.
 */
export async function rebuildHotlineMonthly(db: Db): Promise<{ rows: number }> {
  const columns = HOTLINE_COUNTS.map((k) => COUNT_COLUMN[k]);
  const list = sql.raw(columns.join(', '));
  const sums = sql.raw(columns.map((c) => `sum(${c})::int`).join(', '));
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE hotline_monthly IN EXCLUSIVE MODE`);
    await tx.execute(sql`DELETE FROM hotline_monthly`);
    const inserted = await tx.execute(
      sql`WITH c AS (SELECT ${CONTRIBUTION} FROM hotline_requests r),
          scoped AS (
            SELECT c.month, 'region' AS kind, code AS id, ${list}
              FROM c, unnest(string_to_array(c.region_path, '/')) AS code WHERE code <> ''
            UNION ALL
            SELECT c.month, 'department', c.department_id, ${list} FROM c WHERE c.department_id IS NOT NULL)
          INSERT INTO hotline_monthly (month, scope_kind, scope_id, ${list})
          SELECT month::date, kind, id, ${sums} FROM scoped GROUP BY month, kind, id`,
    );
    return { rows: inserted.rowCount ?? 0 };
  });
}
