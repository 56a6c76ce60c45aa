import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { FigureRow, FiguresQuery } from '../../common/hotline/api.ts';
import type { Actor } from '../core/access/actor.ts';
import { can } from '../core/access/policy.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { organisationIdsUnder, organisationNameOf } from '../organisations/index.ts';
import { requireRegion } from '../regions/index.ts';
import { invalid } from './access.ts';
import { COUNT_COLUMN, HOTLINE_COUNTS } from './monthly.ts';

type Row = Static<typeof FigureRow>;

const COLUMNS = sql.raw(HOTLINE_COUNTS.map((k) => `m.${COUNT_COLUMN[k]}`).join(', '));

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

/** A figures row from a hotline_monthly row (snake-case columns). */
function figureRow(r: Record<string, unknown>, departmentId: string | null): Row {
  const num = (key: string) => Number(r[key]);
  const dueOrDone = num('closed') + num('overdue_open');
  return {
    month: r.month as string,
    departmentId,
    departmentName: departmentId ? ((r.name as string | null) ?? null) : null,
    received: num('received'),
    byKind: {
      consult: num('consults'),
      help: num('helps'),
      suggestion: num('suggestions'),
      complaint: num('complaints'),
      report: num('reports'),
    },
    answeredAtOnce: num('answered_at_once'),
    immediateRate: rate(num('answered_at_once'), num('consults')),
    repliedOnTime: num('closed_on_time'),
    dueOrReplied: dueOrDone,
    onTimeRate: rate(num('closed_on_time'), dueOrDone),
    overdue: num('closed_late') + num('overdue_open'),
    returned: num('returned'),
    revisited: num('revisited'),
    satisfied: num('satisfied'),
    basically: num('basically_satisfied'),
    dissatisfied: num('dissatisfied'),
    satisfactionRate: rate(num('satisfied') + num('basically_satisfied'), num('revisited')),
  };
}

/**
 * 12345 figures of a region (and the regions below it) per month received, for the region and
 * per primary department of the region: received (merged duplicates not counted), by kind,
 * 即时办结率 (answered at once ÷ consults), 按时办结率 (done by the due day ÷ those done or past
 * their due day and still open), overdue (past the due day undone, or done late), the
 * departments' returns (退单) and the revisits' satisfaction. Read from the monthly counts kept with each request, not scanned.
 */
export async function hotlineFigures(db: Db, actor: Actor, query: Static<typeof FiguresQuery>) {
  if (query.from > query.to) throw invalid('to', '不能早于开始月份', 'must not be before from');
  const region = await requireRegion(db, query.regionCode, 'regionCode');
  if (!can(actor, 'hotline.figures', { regionPath: region.path })) throw new AppError('auth.forbidden');
  const departments = await organisationIdsUnder(db, [region.path]);
  const { rows } = await db.execute(
    sql`SELECT to_char(m.month, 'YYYY-MM') AS month, m.scope_kind, m.scope_id, ${COLUMNS},
          CASE WHEN m.scope_kind = 'department' THEN ${organisationNameOf(sql`m.scope_id::uuid`)} END AS name
        FROM hotline_monthly m
        WHERE m.month >= ${`${query.from}-01`}::date AND m.month <= ${`${query.to}-01`}::date AND m.received > 0
          AND ((m.scope_kind = 'region' AND m.scope_id = ${region.code})
            OR (m.scope_kind = 'department' AND m.scope_id = ANY(${`{${departments.join(',')}}`}::text[])))
        ORDER BY m.month, m.scope_kind DESC, name, m.scope_id`,
  );
  const out = rows.map((r) => figureRow(r, r.scope_kind === 'region' ? null : (r.scope_id as string)));
  return { regionCode: query.regionCode, regionName: region.name, from: query.from, to: query.to, rows: out };
}
