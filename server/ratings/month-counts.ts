import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';

/** A scope's valid ratings of a month as rating_monthly keeps them. */
export type RatingMonthCounts = {
  total: number;
  satisfied: number;
  defaults: number;
  satisfiedDefaults: number;
  bad: number;
  rectified: number;
  rectifiedInTime: number;
};

/**
 * The month's (YYYY-MM) rating counts of each of the scopes (department ids, hall ids or region
 * codes); a scope without ratings is absent. Defaults are 基本满意, so they count as satisfied.
 */
export async function monthlyRatingCounts(
  db: DbOrTx,
  month: string,
  scopeKind: 'department' | 'hall' | 'region',
  ids: string[],
): Promise<Map<string, RatingMonthCounts>> {
  if (!ids.length) return new Map();
  const { rows } = await db.execute(sql`
    SELECT scope_id AS id, total, level3 + level4 + level5 AS satisfied, defaults, bad, rectified,
      rectified_in_time AS "rectifiedInTime"
    FROM rating_monthly
    WHERE month = ${`${month}-01`}::date AND scope_kind = ${scopeKind}
      AND scope_id = ANY(${sql.raw('ARRAY[')}${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}${sql.raw(']::text[]')})`);
  return new Map(
    rows.map((row) => [
      row.id as string,
      {
        total: Number(row.total),
        satisfied: Number(row.satisfied),
        defaults: Number(row.defaults),
        satisfiedDefaults: Number(row.defaults),
        bad: Number(row.bad),
        rectified: Number(row.rectified),
        rectifiedInTime: Number(row.rectifiedInTime),
      },
    ]),
  );
}

/** A rating behind a monthly figure, with its revisit when it is a 差评. */
export type RatingMonthItem = {
  ratingId: string;
  caseId: string;
  caseNo: string;
  matterName: string;
  level: number;
  stage: string;
  channel: string;
  isDefault: boolean;
  createdAt: Date;
  revisitStatus: string | null;
  rectifyDue: string | null;
  rectifiedAt: Date | null;
  rectifiedInTime: boolean | null;
};

/** The valid ratings (or only the 差评) of a month of a department or a region subtree, a page at a time. */
export async function monthRatingItems(
  db: DbOrTx,
  options: {
    month: string;
    departmentId?: string;
    regionPath?: string;
    badOnly: boolean;
    limit: number;
    offset: number;
  },
): Promise<{ items: RatingMonthItem[]; total: number }> {
  const scope = options.departmentId
    ? sql`r.department_id = ${options.departmentId}::uuid`
    : sql`(r.region_path = ${options.regionPath} OR r.region_path LIKE ${`${options.regionPath}/%`})`;
  const { rows } = await db.execute(sql`
    SELECT r.id::text AS "ratingId", r.case_id::text AS "caseId", c.case_no AS "caseNo", v.name AS "matterName",
      r.level, r.stage, r.channel, r.is_default AS "isDefault", r.created_at AS "createdAt",
      rv.status AS "revisitStatus", rv.rectify_due::text AS "rectifyDue", rv.rectified_at AS "rectifiedAt",
      CASE WHEN r.level > 2 THEN NULL
        ELSE coalesce((rv.rectified_at AT TIME ZONE 'Asia/Shanghai')::date <= rv.rectify_due, false) END
        AS "rectifiedInTime",
      count(*) OVER ()::int AS total
    FROM ratings r
    JOIN cases c ON c.id = r.case_id
    JOIN implementation_versions v ON v.id = c.version_id
    LEFT JOIN rating_revisits rv ON rv.rating_id = r.id
    WHERE r.month = ${`${options.month}-01`}::date AND r.status = 'valid' AND ${scope}
      ${options.badOnly ? sql`AND r.level <= 2` : sql``}
    ORDER BY r.created_at DESC, r.id
    LIMIT ${options.limit} OFFSET ${options.offset}`);
  const total = Number(rows[0]?.total ?? 0);
  const date = (value: unknown) => (value ? new Date(value as string) : null);
  const items = rows.map(({ total: _t, createdAt, rectifiedAt, level, ...row }) => ({
    ...row,
    level: Number(level),
    createdAt: new Date(createdAt as string),
    rectifiedAt: date(rectifiedAt),
  })) as RatingMonthItem[];
  return { items, total };
}
