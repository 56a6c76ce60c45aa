import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { MaterialStatistics as MaterialStatisticsSchema } from '../../common/cases/api.ts';
import { versionNames } from '../catalogue/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { findOrganisation } from '../organisations/index.ts';
import { regionNames, regionPath } from '../regions/index.ts';

/** Sources of a material the applicant handed in himself (at home or scanned at the counter). */
export const UPLOAD_SOURCES: readonly string[] = ['applicant', 'clerk_scan'];

/**
 * How many materials of a case were reused (taken from a certificate, a base or an earlier case)
 * and how many uploaded. Counted by material: one uploaded file makes the material uploaded,
 * however many reused references it also has (the applicant replaced what was filled in).
 */
export function materialCounts(attachments: { materialKey: string; source: string }[]) {
  const uploaded = new Set<string>();
  const all = new Set<string>();
  for (const a of attachments) {
    all.add(a.materialKey);
    if (UPLOAD_SOURCES.includes(a.source)) uploaded.add(a.materialKey);
  }
  return { reused: all.size - uploaded.size, uploaded: uploaded.size };
}

/** 材料减免率 of cases (common/cases/api.ts): in all, by source, matter, department and region. */
export type MaterialStatistics = Static<typeof MaterialStatisticsSchema>;

/**
 * The share of materials handed in that the applicant no longer had to submit (reused / (reused + uploaded));
 * null without materials.
 */
export type ReductionFigures = Omit<
  MaterialStatistics,
  'bySource' | 'byMatter' | 'byDepartment' | 'byRegion' | 'prefill'
>;

export type MaterialStatisticsFilter = {
  region?: string;
  subtree?: boolean;
  departmentId?: string;
  /** Submitted on or after / before (ISO dates, China time). */
  from?: string;
  to?: string;
};

type Row = {
  implementationId: string;
  versionId: string;
  departmentId: string;
  regionCode: string;
  cases: number;
  casesWithReuse: number;
  reused: number;
  uploaded: number;
  eCertificate: number;
  sharedCase: number;
  registry: number;
};

type Sums = { cases: number; casesWithReuse: number; reused: number; uploaded: number };
const zero = (): Sums => ({ cases: 0, casesWithReuse: 0, reused: 0, uploaded: 0 });
const add = (to: Sums, r: Sums) => {
  to.cases += Number(r.cases);
  to.casesWithReuse += Number(r.casesWithReuse);
  to.reused += Number(r.reused);
  to.uploaded += Number(r.uploaded);
};
const figures = (s: Sums): ReductionFigures => ({
  ...s,
  reductionRate:
    s.reused + s.uploaded > 0 ? Math.round((s.reused / (s.reused + s.uploaded)) * 10_000) / 10_000 : null,
});

/** The conditions on the cases `c` a statistics filter selects (filed: not drafts). */
export async function conditions(db: DbOrTx, filter: MaterialStatisticsFilter): Promise<SQL[]> {
  const where: SQL[] = [sql`c.status <> 'draft'`];
  if (filter.region) {
    if (filter.subtree) {
      const path = await regionPath(db, filter.region);
      if (!path) throw new AppError('validation.region_code', { field: 'region' });
      where.push(sql`(c.region_path = ${path} OR c.region_path LIKE ${`${path}/%`})`);
    } else where.push(sql`c.region_code = ${filter.region}`);
  }
  if (filter.departmentId) where.push(sql`c.department_id = ${filter.departmentId}`);
  if (filter.from)
    where.push(sql`c.submitted_at >= (${filter.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  if (filter.to) {
    where.push(sql`c.submitted_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
  }
  return where;
}

/**
 * 材料减免率 of the cases submitted in a region (optionally with the regions below it) or a
 * department: per matter, department and region, the materials reused and uploaded, counted
 * from the cases' attachments by source. One scan groups by matter and region; departments,
 * regions and the total are added up from those rows.
 */
export async function materialStatistics(options: {
  db: DbOrTx;
  filter?: MaterialStatisticsFilter;
}): Promise<MaterialStatistics> {
  const { db, filter = {} } = options;
  const where = sql.join(await conditions(db, filter), sql` AND `);
  const uploads = sql.join(
    UPLOAD_SOURCES.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await db.execute<Row>(sql`
    WITH per_material AS (
      SELECT a.case_id, a.material_key,
        bool_or(a.source IN (${uploads})) AS uploaded,
        (array_agg(a.source ORDER BY a.created_at) FILTER (WHERE a.source NOT IN (${uploads})))[1] AS reuse
      FROM case_attachments a JOIN cases c ON c.id = a.case_id
      WHERE ${where}
      GROUP BY a.case_id, a.material_key
    ), per_case AS (
      SELECT c.id, c.implementation_id, c.version_id, c.department_id, c.region_code, c.submitted_at,
        count(pm.material_key) FILTER (WHERE NOT pm.uploaded) AS reused,
        count(pm.material_key) FILTER (WHERE pm.uploaded) AS uploaded,
        count(pm.material_key) FILTER (WHERE NOT pm.uploaded AND pm.reuse = 'e_certificate') AS e_certificate,
        count(pm.material_key) FILTER (WHERE NOT pm.uploaded AND pm.reuse = 'shared_case') AS shared_case,
        count(pm.material_key) FILTER (WHERE NOT pm.uploaded AND pm.reuse = 'registry') AS registry
      FROM cases c LEFT JOIN per_material pm ON pm.case_id = c.id
      WHERE ${where}
      GROUP BY c.id
    )
    SELECT implementation_id AS "implementationId",
      (array_agg(version_id ORDER BY submitted_at DESC))[1] AS "versionId",
      department_id AS "departmentId", region_code AS "regionCode",
      count(*)::int AS cases, count(*) FILTER (WHERE reused > 0)::int AS "casesWithReuse",
      sum(reused)::int AS reused, sum(uploaded)::int AS uploaded,
      sum(e_certificate)::int AS "eCertificate", sum(shared_case)::int AS "sharedCase",
      sum(registry)::int AS registry
    FROM per_case GROUP BY implementation_id, department_id, region_code`);
  const rows = result.rows;
  const names = await groupNames(db, rows);
  const total = zero();
  const bySource = { e_certificate: 0, shared_case: 0, registry: 0 };
  const group = <K extends string>(key: (r: Row) => K) => {
    const map = new Map<K, Sums>();
    for (const r of rows) {
      const sums = map.get(key(r)) ?? zero();
      add(sums, r);
      map.set(key(r), sums);
    }
    return [...map.entries()];
  };
  for (const r of rows) {
    add(total, r);
    bySource.e_certificate += Number(r.eCertificate);
    bySource.shared_case += Number(r.sharedCase);
    bySource.registry += Number(r.registry);
  }
  // Highest rate first; groups without materials (no rate) last.
  const byRate = <T extends ReductionFigures>(a: T, b: T) =>
    (b.reductionRate ?? -1) - (a.reductionRate ?? -1) || b.cases - a.cases;
  return {
    ...figures(total),
    bySource,
    byMatter: group((r) => r.implementationId)
      .map(([implementationId, s]) => ({
        implementationId,
        matterName: names.matterName(implementationId),
        ...figures(s),
      }))
      .sort(byRate),
    byDepartment: group((r) => r.departmentId)
      .map(([departmentId, s]) => ({
        departmentId,
        departmentName: names.departmentName(departmentId),
        ...figures(s),
      }))
      .sort(byRate),
    byRegion: group((r) => r.regionCode)
      .map(([regionCode, s]) => ({
        regionCode,
        regionName: names.regionName(regionCode),
        ...figures(s),
      }))
      .sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1)),
  };
}

/** A row of figures grouped by matter, department and region, with the version that names its matter. */
export type GroupedRow = {
  implementationId: string;
  versionId: string;
  departmentId: string;
  regionCode: string;
};

/** The names of the matters (by their latest version), departments and regions of grouped rows, read at once. */
export async function groupNames(db: DbOrTx, rows: GroupedRow[]) {
  const [matters, regions, departments] = await Promise.all([
    versionNames(
      db,
      rows.map((r) => r.versionId),
    ),
    regionNames(
      db,
      rows.map((r) => r.regionCode),
    ),
    Promise.all([...new Set(rows.map((r) => r.departmentId))].map((id) => findOrganisation(db, id))),
  ]);
  const versionOf = new Map(rows.map((r) => [r.implementationId, r.versionId]));
  const departmentNames = new Map(departments.flatMap((d) => (d ? [[d.id, d.name] as const] : [])));
  return {
    matterName: (implementationId: string) => matters.get(versionOf.get(implementationId)!) ?? '',
    departmentName: (departmentId: string) => departmentNames.get(departmentId) ?? '',
    regionName: (regionCode: string) => regions.get(regionCode) ?? regionCode,
  };
}
