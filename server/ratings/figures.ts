import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type {
  FigureScope,
  FiguresAnswer,
  FiguresQuery,
  MonthFigures,
  PublicAnswer,
  PublicQuery,
} from '../../common/ratings/api.ts';
import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

type Figures = Static<typeof MonthFigures>;
const MAX_MONTHS = 24;

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The months from `from` to `to` (YYYY-MM): `to` not before `from`, at most 24 months. */
export function monthsOf(from: string, to: string): string[] {
  const first = monthIndex(from);
  const count = monthIndex(to) - first + 1;
  const invalid = (problem: string, problemEn: string) =>
    new AppError('validation.field', { field: 'to', params: { problem, problemEn } });
  if (count < 1) throw invalid('结束月份不能早于开始月份', 'must not be before from');
  if (count > MAX_MONTHS)
    throw invalid(`查询范围不能超过 ${MAX_MONTHS} 个月`, `must be at most ${MAX_MONTHS} months`);
  return Array.from({ length: count }, (_, i) => monthAt(first + i));
}

const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** One month's figures from its rating_monthly row (zeros when there is none). */
export function figuresOf(month: string, row: Record<string, unknown> | undefined): Figures {
  const n = (key: string) => Number(row?.[key] ?? 0);
  const levels = {
    level1: n('level1'),
    level2: n('level2'),
    level3: n('level3'),
    level4: n('level4'),
    level5: n('level5'),
  };
  const total = n('total');
  const defaults = n('defaults');
  const satisfied = levels.level3 + levels.level4 + levels.level5;
  const bad = n('bad');
  return {
    month,
    total,
    levels,
    defaults,
    satisfaction: ratio(satisfied, total),
    satisfactionWithoutDefaults: ratio(satisfied - defaults, total - defaults),
    bad,
    rectified: n('rectified'),
    rectifiedInTime: n('rectified_in_time'),
    rectificationRate: ratio(n('rectified'), bad),
    voided: n('voided'),
  };
}

/** Where a scope lives, for the policy; null when there is no such scope. */
async function scopeResource(db: DbOrTx, scope: FigureScope, id: string) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const query = {
    department: sql`SELECT o.id AS organisation_id, g.path FROM organisations o JOIN regions g ON g.code = o.region_code
                    WHERE o.id = ${uuid ? id : null}`,
    hall: sql`SELECT o.id AS organisation_id, g.path FROM halls h JOIN organisations o ON o.id = h.organisation_id
              JOIN regions g ON g.code = o.region_code WHERE h.id = ${uuid ? id : null}`,
    window: sql`SELECT o.id AS organisation_id, g.path FROM windows w JOIN halls h ON h.id = w.hall_id
                JOIN organisations o ON o.id = h.organisation_id JOIN regions g ON g.code = o.region_code
                WHERE w.id = ${uuid ? id : null}`,
    region: sql`SELECT NULL AS organisation_id, g.path FROM regions g WHERE g.code = ${id}`,
  }[scope];
  const row = (await db.execute(query)).rows[0];
  return row
    ? { organisationId: (row.organisation_id as string | null) ?? null, regionPath: row.path as string }
    : null;
}

/** A scope's 好差评 figures per month; a scope the actor may not see (or none) is a 404. */
export async function ratingFigures(
  db: DbOrTx,
  actor: Actor,
  query: Static<typeof FiguresQuery>,
): Promise<Static<typeof FiguresAnswer>> {
  const months = monthsOf(query.from, query.to);
  const resource = await scopeResource(db, query.scope, query.id);
  if (!resource || !can(actor, 'rating.figures', resource))
    throw new AppError('resource.not_found', { field: 'id', params: { resource: '统计范围' } });
  const { rows } = await db.execute(
    sql`SELECT *, to_char(month, 'YYYY-MM') AS month FROM rating_monthly
        WHERE scope_kind = ${query.scope} AND scope_id = ${query.id}
          AND month BETWEEN ${`${months[0]}-01`}::date AND ${`${months.at(-1)}-01`}::date`,
  );
  const byMonth = new Map(rows.map((row) => [row.month as string, row]));
  return { scope: query.scope, id: query.id, months: months.map((m) => figuresOf(m, byMonth.get(m))) };
}

/** The public monthly publication: every department, hall and window of the region's subtree that was rated. */
export async function publicFigures(
  db: DbOrTx,
  query: Static<typeof PublicQuery>,
): Promise<Static<typeof PublicAnswer>> {
  const region = (await db.execute(sql`SELECT path FROM regions WHERE code = ${query.regionCode}`)).rows[0];
  if (!region) throw new AppError('validation.region_code', { field: 'regionCode' });
  const path = region.path as string;
  const { rows } = await db.execute(
    sql`SELECT m.*, m.scope_kind AS scope, m.scope_id AS id,
          coalesce(o.name, CASE WHEN m.scope_kind = 'window' THEN w.number || '号 ' || w.name ELSE h.name END) AS name,
          CASE WHEN m.scope_kind = 'window' THEN h.name END AS hall_name
        FROM rating_monthly m
        LEFT JOIN organisations o ON m.scope_kind = 'department' AND o.id::text = m.scope_id
        LEFT JOIN windows w ON m.scope_kind = 'window' AND w.id::text = m.scope_id
        LEFT JOIN halls h ON (m.scope_kind = 'hall' AND h.id::text = m.scope_id) OR h.id = w.hall_id
        LEFT JOIN organisations ho ON ho.id = h.organisation_id
        JOIN regions g ON g.code = coalesce(o.region_code, ho.region_code)
        WHERE m.month = ${`${query.month}-01`}::date AND m.scope_kind IN ('department', 'hall', 'window')
          AND (g.path = ${path} OR g.path LIKE ${`${path}/%`}) AND m.total + m.voided > 0
        ORDER BY m.scope_kind, hall_name NULLS FIRST, name`,
  );
  return {
    month: query.month,
    regionCode: query.regionCode,
    items: rows.map((row) => ({
      scope: row.scope as 'department' | 'hall' | 'window',
      id: row.id as string,
      name: row.name as string,
      hallName: (row.hall_name as string | null) ?? null,
      ...figuresOf(query.month, row),
    })),
  };
}
