import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { PublishedFinding } from '../../common/inspectors/api.ts';
import { PUBLISHED_PAGE_SIZE } from '../../common/inspectors/lists.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { requireRegion } from '../regions/index.ts';
import { supervisedSql } from './access.ts';

/** A name as the public sees it: the first character, the rest starred (张** ). */
export const maskName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length === 0 ? '**' : `${chars[0]}**`;
};

/** Closed findings, newest first, a page at a time; no name or phone of the 体验官. */
export async function publishedFindings(
  db: Db,
  query: { regionCode?: string | undefined; page?: number | undefined },
) {
  const page = query.page ?? 1;
  const region = query.regionCode ? await requireRegion(db, query.regionCode, 'regionCode') : null;
  const where = sql`f.status = 'closed' AND f.published_at IS NOT NULL ${
    region ? sql`AND (f.region_path = ${region.path} OR f.region_path LIKE ${`${region.path}/%`})` : sql``
  }`;
  const { rows } = await db.execute(
    sql`SELECT f.finding_no AS "findingNo", f.category, f.channel, f.title, f.description,
          f.region_code AS "regionCode", COALESCE(r.name, f.region_code) AS "regionName",
          (SELECT name FROM published_matters WHERE implementation_id = f.implementation_id) AS "matterName",
          (SELECT name FROM organisations WHERE id = f.department_id) AS "departmentName",
          f.rectification, i.name AS "inspectorName", f.created_at AS "createdAt",
          f.rectified_at AS "rectifiedAt", f.published_at AS "publishedAt"
        FROM inspector_findings f JOIN inspectors i ON i.id = f.inspector_id
        LEFT JOIN regions r ON r.code = f.region_code
        WHERE ${where} ORDER BY f.published_at DESC, f.id
        LIMIT ${PUBLISHED_PAGE_SIZE} OFFSET ${(page - 1) * PUBLISHED_PAGE_SIZE}`,
  );
  const { rows: count } = await db.execute(
    sql`SELECT count(*)::int AS n FROM inspector_findings f WHERE ${where}`,
  );
  const items = (rows as Static<typeof PublishedFinding>[]).map((row) => ({
    ...row,
    inspectorName: maskName(row.inspectorName),
  }));
  return { items, total: count[0]!.n as number, page, pageSize: PUBLISHED_PAGE_SIZE };
}

/** The departments of the supervisor's regions, to assign findings to. */
export async function supervisedDepartments(db: Db, actor: Actor) {
  const sight = supervisedSql(actor, sql`r.path`);
  if (!sight) throw new AppError('auth.forbidden');
  const { rows } = await db.execute(
    sql`SELECT o.id, o.name, o.region_code AS "regionCode"
        FROM organisations o JOIN regions r ON r.code = o.region_code
        WHERE o.kind = 'department' AND ${sight} ORDER BY r.path, o.name LIMIT 500`,
  );
  return { items: rows as { id: string; name: string; regionCode: string }[], total: rows.length };
}

/** Published matters of the supervisor's regions whose name contains `q`, for a task. */
export async function supervisedMatters(db: Db, actor: Actor, q: string | undefined) {
  const sight = supervisedSql(actor, sql`m.region_path`);
  if (!sight) throw new AppError('auth.forbidden');
  const text = q?.trim();
  const { rows } = await db.execute(
    sql`SELECT m.implementation_id AS id, m.name, m.region_code AS "regionCode",
          m.department_name AS "departmentName"
        FROM published_matters m
        WHERE ${sight} ${text ? sql`AND m.name ILIKE ${`%${text}%`}` : sql``}
        ORDER BY m.region_path, m.name LIMIT 50`,
  );
  return {
    items: rows as { id: string; name: string; regionCode: string; departmentName: string | null }[],
    total: rows.length,
  };
}
