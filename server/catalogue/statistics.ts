import { sql } from 'drizzle-orm';
import { LABELS, PERSON_THEMES, THEMES, type Theme } from '../../common/catalogue/elements.ts';
import type { DbOrTx } from '../db/client.ts';
import { filterConditions, whereAll } from './search/matters.ts';

/** The figures the work reports publish about a catalogue (over published versions). */
export type CatalogueFigures = {
  matters: number;
  /** Share (0..1) of 最多跑一次: realisation modes 全程网办, 最多跑一次 and 即办. */
  atMostOnceShare: number;
  /** Share of 全程网办. */
  fullyOnlineShare: number;
  /** Share of 即办件. */
  immediateShare: number;
  /** Average of 1 − promised / legal limit, over matters with a legal limit above 0. */
  averageCompression: number;
  /** Average number of in-person visits required. */
  averageVisits: number;
};

export type CatalogueStatistics = CatalogueFigures & {
  byDepartment: (CatalogueFigures & { departmentId: string; departmentName: string })[];
  byRegion: (CatalogueFigures & { regionCode: string; regionName: string })[];
};

export type StatisticsFilter = { region?: string; subtree?: boolean; departmentId?: string };

const FIGURES = sql`count(*)::int AS matters,
  coalesce(avg((m.realisation_mode IN ('fully_online', 'at_most_once', 'on_the_spot'))::int), 0)::float8 AS "atMostOnceShare",
  coalesce(avg((m.realisation_mode = 'fully_online')::int), 0)::float8 AS "fullyOnlineShare",
  coalesce(avg((m.case_type = 'immediate')::int), 0)::float8 AS "immediateShare",
  coalesce(avg(1 - m.promised_limit::float8 / m.legal_limit) FILTER (WHERE m.legal_limit > 0), 0)::float8
    AS "averageCompression",
  coalesce(avg(m.visits_required), 0)::float8 AS "averageVisits"`;

const round = (value: number) => Math.round(value * 10_000) / 10_000;

function figures<T extends CatalogueFigures>(row: T): T {
  return {
    ...row,
    matters: Number(row.matters),
    atMostOnceShare: round(row.atMostOnceShare),
    fullyOnlineShare: round(row.fullyOnlineShare),
    immediateShare: round(row.immediateShare),
    averageCompression: round(row.averageCompression),
    averageVisits: round(row.averageVisits),
  };
}

/** Catalogue statistics of a region (optionally with the regions below it) or a department, in SQL. */
export async function catalogueStatistics(options: {
  db: DbOrTx;
  filter?: StatisticsFilter;
}): Promise<CatalogueStatistics> {
  const { db, filter = {} } = options;
  const where = whereAll(await filterConditions(db, filter));
  // One scan: the whole selection, each department and each region as grouping sets.
  const result = await db.execute<
    CatalogueFigures & {
      level: 'total' | 'department' | 'region';
      departmentId: string;
      departmentName: string;
      regionCode: string;
      regionName: string;
    }
  >(sql`
    SELECT CASE WHEN GROUPING(m.department_id) = 0 THEN 'department'
        WHEN GROUPING(m.region_code) = 0 THEN 'region' ELSE 'total' END AS level,
      m.department_id AS "departmentId", min(m.department_name) AS "departmentName",
      m.region_code AS "regionCode", min(m.region_name) AS "regionName", ${FIGURES}
    FROM published_matters m ${where}
    GROUP BY GROUPING SETS ((), (m.department_id), (m.region_code))
    ORDER BY CASE WHEN GROUPING(m.department_id) = 0 THEN -count(*) END,
      CASE WHEN GROUPING(m.department_id) = 0 THEN min(m.department_name) END, m.region_code`);
  const rows = result.rows;
  const total = rows.find((r) => r.level === 'total')!;
  return {
    ...figures(pick(total)),
    byDepartment: rows
      .filter((r) => r.level === 'department')
      .map((r) => ({ departmentId: r.departmentId, departmentName: r.departmentName, ...figures(pick(r)) })),
    byRegion: rows
      .filter((r) => r.level === 'region')
      .map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, ...figures(pick(r)) })),
  };
}

/** The figures of a row, without its grouping columns. */
function pick(row: CatalogueFigures): CatalogueFigures {
  const { matters, atMostOnceShare, fullyOnlineShare, immediateShare, averageCompression, averageVisits } =
    row;
  return { matters, atMostOnceShare, fullyOnlineShare, immediateShare, averageCompression, averageVisits };
}

export type ThemeCount = { theme: Theme; label: string; object: 'person' | 'company'; count: number };

/** Every theme with its label, whom it is for and how many published matters carry it. */
export async function themeCounts(options: { db: DbOrTx }): Promise<ThemeCount[]> {
  const result = await options.db.execute<{ theme: string; count: number }>(sql`
    SELECT t.theme, count(*)::int AS count
    FROM published_matters m, unnest(m.themes) AS t(theme) GROUP BY t.theme`);
  const counts = new Map(result.rows.map((r) => [r.theme, Number(r.count)]));
  const personThemes: readonly string[] = PERSON_THEMES;
  return THEMES.map((theme) => ({
    theme,
    label: LABELS.theme[theme],
    object: personThemes.includes(theme) ? 'person' : 'company',
    count: counts.get(theme) ?? 0,
  }));
}
