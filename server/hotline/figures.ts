import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FigureRow, FiguresQuery } from '../../common/hotline/api.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { organisationNameOf } from '../organisations/index.ts';
import { requireRegion } from '../regions/index.ts';
import { invalid } from './access.ts';

type Row = Static<typeof FigureRow>;

/**
 * When a request was done: the primary department's reply, or the close of a 咨询 answered at
 * once. China dates.
 */
const DONE = sql`(CASE WHEN r.replied_at IS NOT NULL THEN (r.replied_at AT TIME ZONE 'Asia/Shanghai')::date
  WHEN r.answered_at_once THEN (r.closed_at AT TIME ZONE 'Asia/Shanghai')::date END)`;

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

/**
 * 12345 figures of a region (and the regions below it) per month received, for the region and
 * per primary department: received (merged duplicates not counted), by kind, 即时办结率
 * (answered at once ÷ consults), 按时办结率 (done by the due day ÷ those done or past their due
 * day), overdue (past the due day undone, or done late), and the revisits' satisfaction.
 */
export async function hotlineFigures(
  db: Db,
  actor: Actor,
  query: Static<typeof FiguresQuery>,
  now: Date = new Date(),
) {
  if (query.from > query.to) throw invalid('to', '不能早于开始月份', 'must not be before from');
  const region = await requireRegion(db, query.regionCode, 'regionCode');
  if (!can(actor, 'hotline.figures', { regionPath: region.path })) throw new AppError('auth.forbidden');
  const today = todayInChina(now);
  const { rows } = await db.execute(
    sql`SELECT to_char(r.month, 'YYYY-MM') AS month, r.primary_department_id AS department_id,
          GROUPING(r.primary_department_id) AS whole,
          count(*)::int AS received,
          count(*) FILTER (WHERE r.kind = 'consult')::int AS consult,
          count(*) FILTER (WHERE r.kind = 'help')::int AS help,
          count(*) FILTER (WHERE r.kind = 'suggestion')::int AS suggestion,
          count(*) FILTER (WHERE r.kind = 'complaint')::int AS complaint,
          count(*) FILTER (WHERE r.kind = 'report')::int AS report,
          count(*) FILTER (WHERE r.answered_at_once)::int AS answered,
          count(*) FILTER (WHERE ${DONE} <= r.due_date)::int AS on_time,
          count(*) FILTER (WHERE ${DONE} IS NOT NULL OR r.due_date < ${today}::date)::int AS due_or_done,
          count(*) FILTER (WHERE (${DONE} IS NULL AND r.due_date < ${today}::date) OR ${DONE} > r.due_date)::int
            AS overdue,
          count(*) FILTER (WHERE r.satisfaction = 'satisfied')::int AS satisfied,
          count(*) FILTER (WHERE r.satisfaction = 'basically')::int AS basically,
          count(*) FILTER (WHERE r.satisfaction = 'dissatisfied')::int AS dissatisfied
        FROM hotline_requests r
        WHERE r.status <> 'merged' AND (r.region_path = ${region.path} OR r.region_path LIKE ${`${region.path}/%`})
          AND r.month >= ${`${query.from}-01`}::date AND r.month <= ${`${query.to}-01`}::date
        GROUP BY GROUPING SETS ((r.month), (r.month, r.primary_department_id))
        ORDER BY 1, 3 DESC`,
  );
  const named = new Map<string, string | null>();
  const out: Row[] = [];
  for (const r of rows) {
    const whole = Number(r.whole) === 1;
    const departmentId = (r.department_id as string | null) ?? null;
    if (!whole && departmentId === null) continue;
    if (departmentId && !named.has(departmentId)) {
      const { rows: n } = await db.execute(sql`SELECT ${organisationNameOf(departmentId)} AS name`);
      named.set(departmentId, (n[0]?.name as string | null) ?? null);
    }
    const num = (key: string) => Number(r[key]);
    const revisited = num('satisfied') + num('basically') + num('dissatisfied');
    out.push({
      month: r.month as string,
      departmentId: whole ? null : departmentId,
      departmentName: whole || !departmentId ? null : (named.get(departmentId) ?? null),
      received: num('received'),
      byKind: {
        consult: num('consult'),
        help: num('help'),
        suggestion: num('suggestion'),
        complaint: num('complaint'),
        report: num('report'),
      },
      answeredAtOnce: num('answered'),
      immediateRate: rate(num('answered'), num('consult')),
      repliedOnTime: num('on_time'),
      dueOrReplied: num('due_or_done'),
      onTimeRate: rate(num('on_time'), num('due_or_done')),
      overdue: num('overdue'),
      revisited,
      satisfied: num('satisfied'),
      basically: num('basically'),
      dissatisfied: num('dissatisfied'),
      satisfactionRate: rate(num('satisfied') + num('basically'), revisited),
    });
  }
  return { regionCode: query.regionCode, from: query.from, to: query.to, rows: out };
}
