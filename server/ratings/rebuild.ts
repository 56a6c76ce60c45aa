import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';

/** rating_monthly's counts of one rating (alias r, its revisit task's status and dates beside). */
const COUNTS = `count(*) FILTER (WHERE status = 'valid')::int,
  count(*) FILTER (WHERE status = 'valid' AND level = 1)::int,
  count(*) FILTER (WHERE status = 'valid' AND level = 2)::int,
  count(*) FILTER (WHERE status = 'valid' AND level = 3)::int,
  count(*) FILTER (WHERE status = 'valid' AND level = 4)::int,
  count(*) FILTER (WHERE status = 'valid' AND level = 5)::int,
  count(*) FILTER (WHERE status = 'valid' AND is_default)::int,
  count(*) FILTER (WHERE status = 'valid' AND level <= 2)::int,
  count(*) FILTER (WHERE status = 'valid' AND revisit_status = 'rectified')::int,
  count(*) FILTER (WHERE status = 'valid' AND revisit_status = 'rectified'
    AND (rectified_at AT TIME ZONE 'Asia/Shanghai')::date <= rectify_due)::int,
  count(*) FILTER (WHERE status = 'voided')::int`;

/**
 * Recomputes rating_monthly from the ratings and their revisit tasks, in one transaction (new
 * ratings meanwhile wait for it): each rating in its department, hall, window and every region
 * on its path. Returns the number of rows written. Within a transaction (e.g. a seed) it runs in a savepoint.
 */
export async function rebuildRatingMonthly(db: DbOrTx): Promise<{ rows: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE rating_monthly IN EXCLUSIVE MODE`);
    await tx.execute(sql`DELETE FROM rating_monthly`);
    const inserted = await tx.execute(
      sql.raw(`WITH r AS (
          SELECT r.month, r.department_id, r.hall_id, r.window_id, r.region_path, r.status, r.level,
            r.is_default, v.status AS revisit_status, v.rectified_at, v.rectify_due
          FROM ratings r LEFT JOIN rating_revisits v ON v.rating_id = r.id),
        scoped AS (
          SELECT 'department' AS scope_kind, department_id::text AS scope_id, r.* FROM r
          UNION ALL SELECT 'hall', hall_id::text, r.* FROM r WHERE hall_id IS NOT NULL
          UNION ALL SELECT 'window', window_id::text, r.* FROM r WHERE window_id IS NOT NULL
          UNION ALL SELECT 'region', code, r.* FROM r, unnest(string_to_array(region_path, '/')) AS code
            WHERE code <> '')
        INSERT INTO rating_monthly (month, scope_kind, scope_id, total, level1, level2, level3, level4, level5,
          defaults, bad, rectified, rectified_in_time, voided)
        SELECT month, scope_kind, scope_id, ${COUNTS} FROM scoped GROUP BY month, scope_kind, scope_id`),
    );
    return { rows: inserted.rowCount ?? 0 };
  });
}
