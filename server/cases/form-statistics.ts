import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { PrefillStatistics as PrefillStatisticsSchema } from '../../common/cases/api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { conditions, groupNames, type MaterialStatisticsFilter } from './material-counts.ts';

/** The prefill rate of application forms (智能预填): in all, by matter, department and region. */
export type PrefillStatistics = Static<typeof PrefillStatisticsSchema>;

type Sums = { cases: number; filled: number; prefilled: number };
type Row = Sums & { implementationId: string; versionId: string; departmentId: string; regionCode: string };

/** The figures of some forms; no rate (null) when none of their fields was filled (0 / 0). */
const figures = (s: Sums) => ({
  ...s,
  prefillRate: s.filled > 0 ? Math.round((s.prefilled / s.filled) * 10_000) / 10_000 : null,
});

function grouped<K extends string>(rows: Row[], key: (r: Row) => K): [K, Sums][] {
  const map = new Map<K, Sums>();
  for (const r of rows) {
    const sums = map.get(key(r)) ?? { cases: 0, filled: 0, prefilled: 0 };
    sums.cases += r.cases;
    sums.filled += r.filled;
    sums.prefilled += r.prefilled;
    map.set(key(r), sums);
  }
  return [...map.entries()];
}

/**
 * The prefill rate (Σ fields holding the value their source gave ÷ Σ fields filled) of the
 * application forms of cases filed in a region (optionally with the regions below it) or a
 * department, between two days: in all, per matter, department and region (the statistics page).
 * One scan of the cases with a form, grouped by matter, department and region.
 */
export async function prefillStatistics(options: {
  db: DbOrTx;
  filter?: MaterialStatisticsFilter;
}): Promise<PrefillStatistics> {
  const { db, filter = {} } = options;
  const where = sql.join(
    [...(await conditions(db, filter)), sql`c.form_fields_filled IS NOT NULL`],
    sql` AND `,
  );
  const { rows } = await db.execute<Row>(sql`
    SELECT c.implementation_id AS "implementationId",
      (array_agg(c.version_id ORDER BY c.submitted_at DESC))[1] AS "versionId",
      c.department_id AS "departmentId", c.region_code AS "regionCode",
      count(*)::int AS cases, sum(c.form_fields_filled)::int AS filled,
      sum(coalesce(c.form_fields_prefilled, 0))::int AS prefilled
    FROM cases c WHERE ${where}
    GROUP BY c.implementation_id, c.department_id, c.region_code`);
  const names = await groupNames(db, rows);
  const total = grouped(rows, () => 'all')[0]?.[1] ?? { cases: 0, filled: 0, prefilled: 0 };
  // Highest rate first; groups without filled fields (no rate) last.
  const byRate = <T extends { prefillRate: number | null; cases: number }>(a: T, b: T) =>
    (b.prefillRate ?? -1) - (a.prefillRate ?? -1) || b.cases - a.cases;
  return {
    ...figures(total),
    byMatter: grouped(rows, (r) => r.implementationId)
      .map(([implementationId, s]) => ({
        implementationId,
        matterName: names.matterName(implementationId),
        ...figures(s),
      }))
      .sort(byRate),
    byDepartment: grouped(rows, (r) => r.departmentId)
      .map(([departmentId, s]) => ({
        departmentId,
        departmentName: names.departmentName(departmentId),
        ...figures(s),
      }))
      .sort(byRate),
    byRegion: grouped(rows, (r) => r.regionCode)
      .map(([regionCode, s]) => ({
        regionCode,
        regionName: names.regionName(regionCode),
        ...figures(s),
      }))
      .sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1)),
  };
}
