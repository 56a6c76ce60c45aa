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
  /** Share of 零跑腿: no in-person visit required. */
  zeroVisitShare: number;
  /** Share of the matters that can be applied for online (网上可办率). */
  onlineAvailableShare: number;
  /** Average promised limit of the matters whose limits are in working days; null when there are none. */
  averagePromisedDays: number | null;
};

export type CatalogueStatistics = CatalogueFigures & {
  byDepartment: (CatalogueFigures & { departmentId: string; departmentName: string })[];
  byRegion: (CatalogueFigures & { regionCode: string; regionName: string })[];
};

export type StatisticsFilter = { region?: string; subtree?: boolean; departmentId?: string };

/** Sums from which the figures are computed; they add up over departments and regions. */
export type CatalogueSums = {
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
  zeroVisit: number;
  onlineAvailable: number;
  /** Matters whose limits are in working days (with or without a legal limit), Σ their promised limits. */
  promisedMatters: number;
  promisedDays: number;
};
type Sums = CatalogueSums;

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
  coalesce(sum(m.visits_required), 0)::float8 AS visits,
  count(*) FILTER (WHERE m.visits_required = 0)::int AS "zeroVisit",
  count(*) FILTER (WHERE m.online_available)::int AS "onlineAvailable",
  count(*) FILTER (WHERE m.limit_unit = 'working_days')::int AS "promisedMatters",
  coalesce(sum(m.promised_limit) FILTER (WHERE m.limit_unit = 'working_days'), 0)::float8 AS "promisedDays"`;

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
  zeroVisit: 0,
  onlineAvailable: 0,
  promisedMatters: 0,
  promisedDays: 0,
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
  to.zeroVisit += Number(row.zeroVisit);
  to.onlineAvailable += Number(row.onlineAvailable);
  to.promisedMatters += Number(row.promisedMatters);
  to.promisedDays += Number(row.promisedDays);
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
    zeroVisitShare: share(sums.zeroVisit, sums.matters),
    onlineAvailableShare: share(sums.onlineAvailable, sums.matters),
    averagePromisedDays:
      sums.promisedMatters > 0 ? Math.round((sums.promisedDays / sums.promisedMatters) * 100) / 100 : null,
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

/** The published matters of a place: a region subtree (its code), a department, a hall, a matter. */
export type PromiseScope = {
  region?: string;
  departmentId?: string;
  /** The matters whose published guide names the hall among its places (办理地点). */
  hallId?: string;
  implementationId?: string;
};

/**
 * The sums of the catalogue figures (what is promised) over the published matters of the scope, in
 * one statement: the numerators and denominators of the statistics page's promises.
 */
export async function catalogueSums(options: { db: DbOrTx; scope: PromiseScope }): Promise<CatalogueSums> {
  const { db, scope } = options;
  const conditions = await filterConditions(db, {
    ...(scope.region ? { region: scope.region, subtree: true } : {}),
    ...(scope.departmentId ? { departmentId: scope.departmentId } : {}),
  });
  if (scope.implementationId) conditions.push(sql`m.implementation_id = ${scope.implementationId}::uuid`);
  if (scope.hallId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM implementation_versions v
      CROSS JOIN jsonb_array_elements(v.document->'places') p
      WHERE v.id = m.version_id AND p->>'hallId' = ${scope.hallId})`);
  }
  const result = await db.execute<Sums>(sql`SELECT ${SUMS} FROM published_matters m ${whereAll(conditions)}`);
  const sums = zero();
  if (result.rows[0]) add(sums, result.rows[0]);
  return sums;
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
