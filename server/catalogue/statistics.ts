import { sql } from 'drizzle-orm';
import { LABELS, PERSON_THEMES, THEMES, type Theme } from '../../common/catalogue/elements.ts';
import type { DbOrTx } from '../core/db/client.ts';
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
  /**
   * 承诺时限压缩率 of the matters whose limits are in working days: Σ (legal − promised) ÷ Σ legal,
   * over those with a legal limit above 0; null when there are none.
   */
  workingDayCompression: number | null;
  /** How many matters the working-day rate is over. */
  workingDayMatters: number;
  /** The same over the matters whose limits are in natural days (units are never added together). */
  naturalDayCompression: number | null;
  naturalDayMatters: number;
  /** Average number of in-person visits required. */
  averageVisits: number;
};

export type CatalogueStatistics = CatalogueFigures & {
  byDepartment: (CatalogueFigures & { departmentId: string; departmentName: string })[];
  byRegion: (CatalogueFigures & { regionCode: string; regionName: string })[];
};

export type StatisticsFilter = { region?: string; subtree?: boolean; departmentId?: string };

/** Sums from which the figures are computed; they add up over departments and regions. */
type Sums = {
  matters: number;
  atMostOnce: number;
  fullyOnline: number;
  immediate: number;
  /** Per unit, over matters with a legal limit above 0: how many, Σ legal and Σ (legal − promised). */
  workingMatters: number;
  workingLegal: number;
  workingSaved: number;
  naturalMatters: number;
  naturalLegal: number;
  naturalSaved: number;
  visits: number;
};

const WORKING = sql`m.legal_limit > 0 AND m.limit_unit = 'working_days'`;
const NATURAL = sql`m.legal_limit > 0 AND m.limit_unit = 'natural_days'`;

const SUMS = sql`count(*)::int AS matters,
  count(*) FILTER (WHERE m.realisation_mode IN ('fully_online', 'at_most_once', 'on_the_spot'))::int AS "atMostOnce",
  count(*) FILTER (WHERE m.realisation_mode = 'fully_online')::int AS "fullyOnline",
  count(*) FILTER (WHERE m.case_type = 'immediate')::int AS immediate,
  count(*) FILTER (WHERE ${WORKING})::int AS "workingMatters",
  coalesce(sum(m.legal_limit) FILTER (WHERE ${WORKING}), 0)::float8 AS "workingLegal",
  coalesce(sum(m.legal_limit - m.promised_limit) FILTER (WHERE ${WORKING}), 0)::float8 AS "workingSaved",
  count(*) FILTER (WHERE ${NATURAL})::int AS "naturalMatters",
  coalesce(sum(m.legal_limit) FILTER (WHERE ${NATURAL}), 0)::float8 AS "naturalLegal",
  coalesce(sum(m.legal_limit - m.promised_limit) FILTER (WHERE ${NATURAL}), 0)::float8 AS "naturalSaved",
  coalesce(sum(m.visits_required), 0)::float8 AS visits`;

const zero = (): Sums => ({
  matters: 0,
  atMostOnce: 0,
  fullyOnline: 0,
  immediate: 0,
  workingMatters: 0,
  workingLegal: 0,
  workingSaved: 0,
  naturalMatters: 0,
  naturalLegal: 0,
  naturalSaved: 0,
  visits: 0,
});

function add(to: Sums, row: Sums): void {
  to.matters += Number(row.matters);
  to.atMostOnce += Number(row.atMostOnce);
  to.fullyOnline += Number(row.fullyOnline);
  to.immediate += Number(row.immediate);
  to.workingMatters += Number(row.workingMatters);
  to.workingLegal += Number(row.workingLegal);
  to.workingSaved += Number(row.workingSaved);
  to.naturalMatters += Number(row.naturalMatters);
  to.naturalLegal += Number(row.naturalLegal);
  to.naturalSaved += Number(row.naturalSaved);
  to.visits += Number(row.visits);
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const share = (part: number, whole: number) => (whole > 0 ? round(part / whole) : 0);

function figures(sums: Sums): CatalogueFigures {
  return {
    matters: sums.matters,
    atMostOnceShare: share(sums.atMostOnce, sums.matters),
    fullyOnlineShare: share(sums.fullyOnline, sums.matters),
    immediateShare: share(sums.immediate, sums.matters),
    workingDayCompression: sums.workingLegal > 0 ? round(sums.workingSaved / sums.workingLegal) : null,
    workingDayMatters: sums.workingMatters,
    naturalDayCompression: sums.naturalLegal > 0 ? round(sums.naturalSaved / sums.naturalLegal) : null,
    naturalDayMatters: sums.naturalMatters,
    averageVisits: share(sums.visits, sums.matters),
  };
}

type GroupRow = Sums & {
  departmentId: string;
  departmentName: string;
  regionCode: string;
  regionName: string;
};

/**
 * Catalogue statistics of a region (optionally with the regions below it) or a department. One
 * scan sums each department's matters in each region; the department, region and overall
 * figures are added up from those few hundred rows.
 */
export async function catalogueStatistics(options: {
  db: DbOrTx;
  filter?: StatisticsFilter;
}): Promise<CatalogueStatistics> {
  const { db, filter = {} } = options;
  const where = whereAll(await filterConditions(db, filter));
  const result = await db.execute<GroupRow>(sql`
    SELECT m.department_id AS "departmentId", min(m.department_name) AS "departmentName",
      m.region_code AS "regionCode", min(m.region_name) AS "regionName", ${SUMS}
    FROM published_matters m ${where}
    GROUP BY m.department_id, m.region_code`);
  const total = zero();
  const departments = new Map<string, { departmentId: string; departmentName: string; sums: Sums }>();
  const regions = new Map<string, { regionCode: string; regionName: string; sums: Sums }>();
  for (const row of result.rows) {
    add(total, row);
    const department = departments.get(row.departmentId) ?? {
      departmentId: row.departmentId,
      departmentName: row.departmentName,
      sums: zero(),
    };
    if (row.departmentName < department.departmentName) department.departmentName = row.departmentName;
    add(department.sums, row);
    departments.set(row.departmentId, department);
    const region = regions.get(row.regionCode) ?? {
      regionCode: row.regionCode,
      regionName: row.regionName,
      sums: zero(),
    };
    if (row.regionName < region.regionName) region.regionName = row.regionName;
    add(region.sums, row);
    regions.set(row.regionCode, region);
  }
  return {
    ...figures(total),
    byDepartment: [...departments.values()]
      .sort(
        (a, b) =>
          b.sums.matters - a.sums.matters ||
          (a.departmentName < b.departmentName ? -1 : a.departmentName > b.departmentName ? 1 : 0),
      )
      .map((d) => ({ departmentId: d.departmentId, departmentName: d.departmentName, ...figures(d.sums) })),
    byRegion: [...regions.values()]
      .sort((a, b) => (a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0))
      .map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, ...figures(r.sums) })),
  };
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
