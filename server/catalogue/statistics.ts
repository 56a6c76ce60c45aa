import { type SQL, sql } from 'drizzle-orm';
import { LABELS, PERSON_THEMES, THEMES, type Theme } from '../../common/catalogue/elements.ts';
import type { DbOrTx } from '../db/client.ts';
import { filterConditions } from './search/matters.ts';

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
  coalesce(avg((v.realisation_mode IN ('fully_online', 'at_most_once', 'on_the_spot'))::int), 0)::float8 AS "atMostOnceShare",
  coalesce(avg((v.realisation_mode = 'fully_online')::int), 0)::float8 AS "fullyOnlineShare",
  coalesce(avg((v.case_type = 'immediate')::int), 0)::float8 AS "immediateShare",
  coalesce(avg(1 - v.promised_limit::float8 / v.legal_limit) FILTER (WHERE v.legal_limit > 0), 0)::float8
    AS "averageCompression",
  coalesce(avg(v.visits_required), 0)::float8 AS "averageVisits"`;

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
  const where = sql.join(await filterConditions(db, filter), sql` AND `);
  const from = (extra: SQL = sql``) => sql`FROM implementation_versions v
    JOIN implementations i ON i.id = v.implementation_id ${extra} WHERE ${where}`;
  const [total, departments, regions] = await Promise.all([
    db.execute<CatalogueFigures>(sql`SELECT ${FIGURES} ${from()}`),
    db.execute<CatalogueFigures & { departmentId: string; departmentName: string }>(sql`
      SELECT o.id AS "departmentId", o.name AS "departmentName", ${FIGURES}
      ${from(sql`JOIN organisations o ON o.id = i.organisation_id`)}
      GROUP BY o.id, o.name ORDER BY count(*) DESC, o.name`),
    db.execute<CatalogueFigures & { regionCode: string; regionName: string }>(sql`
      SELECT rg.code AS "regionCode", rg.name AS "regionName", ${FIGURES}
      ${from(sql`JOIN regions rg ON rg.code = i.region_code`)}
      GROUP BY rg.code, rg.name ORDER BY rg.code`),
  ]);
  return {
    ...figures(total.rows[0]!),
    byDepartment: departments.rows.map(figures),
    byRegion: regions.rows.map(figures),
  };
}

export type ThemeCount = { theme: Theme; label: string; object: 'person' | 'company'; count: number };

/** Every theme with its label, whom it is for and how many published matters carry it. */
export async function themeCounts(options: { db: DbOrTx }): Promise<ThemeCount[]> {
  const result = await options.db.execute<{ theme: string; count: number }>(sql`
    SELECT t.theme, count(*)::int AS count
    FROM implementation_versions v, unnest(v.themes) AS t(theme)
    WHERE v.status = 'published' GROUP BY t.theme`);
  const counts = new Map(result.rows.map((r) => [r.theme, Number(r.count)]));
  const personThemes: readonly string[] = PERSON_THEMES;
  return THEMES.map((theme) => ({
    theme,
    label: LABELS.theme[theme],
    object: personThemes.includes(theme) ? 'person' : 'company',
    count: counts.get(theme) ?? 0,
  }));
}
