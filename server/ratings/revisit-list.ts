import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { RevisitList, RevisitsQuery, RevisitView } from '../../common/ratings/api.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { scopeOf } from '../core/access/policy.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

type View = Static<typeof RevisitView>;

/** Yellow when a due day of the step still to do is today, red when it has passed. */
export const WARNING_SQL = (today: string) =>
  sql`CASE WHEN v.status = 'rectified' THEN 'none'
        WHEN (v.status = 'open' AND v.contact_due < ${today}::date) OR v.rectify_due < ${today}::date THEN 'red'
        WHEN (v.status = 'open' AND v.contact_due = ${today}::date) OR v.rectify_due = ${today}::date THEN 'yellow'
        ELSE 'none' END`;

/** Revisits the actor may see: the department's (head, reviewer), the region's (supervisor); null for none. */
function visible(actor: Actor): SQL | null {
  const conditions: SQL[] = [];
  for (const action of ['rating.revisit', 'rating.review'] as const) {
    const scope = scopeOf(actor, action);
    if (scope.organisationIds.length)
      conditions.push(
        sql`v.department_id IN (${sql.join(
          scope.organisationIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    for (const path of scope.regionPaths)
      conditions.push(sql`(r.region_path = ${path} OR r.region_path LIKE ${`${path}/%`})`);
  }
  return conditions.length ? sql`(${sql.join(conditions, sql` OR `)})` : null;
}

const SELECT = (today: string) => sql`SELECT v.id, v.rating_id, v.case_id, c.case_no,
    coalesce(iv.document->>'name', '') AS matter_name, v.department_id, o.name AS department_name, r.level, r.stage,
    r.channel, r.problems, r.comment, r.created_at AS rated_at, r.region_path, v.status, v.contact_due::text,
    v.rectify_due::text, ${WARNING_SQL(today)} AS warning, v.contacted_at, v.contact_note, v.rectified_at,
    v.outcome, v.review_status, v.review_reason, v.review_decision_reason,
    (SELECT q.request_no FROM hotline_requests q WHERE q.rating_id = v.rating_id LIMIT 1) AS hotline_request_no
  FROM rating_revisits v
  JOIN ratings r ON r.id = v.rating_id
  JOIN cases c ON c.id = v.case_id
  JOIN implementation_versions iv ON iv.id = c.version_id
  JOIN organisations o ON o.id = v.department_id`;

const at = (value: unknown) => (value ? new Date(value as string) : null);

export function presentRevisit(row: Record<string, unknown>): View & { regionPath: string } {
  return {
    id: row.id as string,
    ratingId: row.rating_id as string,
    caseId: row.case_id as string,
    caseNo: row.case_no as string,
    matterName: row.matter_name as string,
    departmentId: row.department_id as string,
    departmentName: row.department_name as string,
    level: row.level as number,
    stage: row.stage as View['stage'],
    channel: row.channel as View['channel'],
    problems: row.problems as string[],
    comment: (row.comment as string | null) ?? null,
    ratedAt: new Date(row.rated_at as string),
    status: row.status as View['status'],
    contactDue: row.contact_due as string,
    rectifyDue: row.rectify_due as string,
    warning: row.warning as View['warning'],
    contactedAt: at(row.contacted_at),
    contactNote: (row.contact_note as string | null) ?? null,
    rectifiedAt: at(row.rectified_at),
    outcome: (row.outcome as string | null) ?? null,
    reviewStatus: row.review_status as View['reviewStatus'],
    reviewReason: (row.review_reason as string | null) ?? null,
    reviewDecisionReason: (row.review_decision_reason as string | null) ?? null,
    hotlineRequestNo: (row.hotline_request_no as string | null) ?? null,
    regionPath: row.region_path as string,
  };
}

/** One revisit by id, with where it lives, or null. */
export async function revisitById(db: DbOrTx, id: string, lock = false) {
  const { rows } = await db.execute(
    sql`${SELECT(todayInChina())} WHERE v.id = ${id} ${lock ? sql`FOR UPDATE OF v` : sql``}`,
  );
  return rows[0] ? presentRevisit(rows[0]) : null;
}

/** The revisits the actor may see, red first, then by due day. A caller who may see none is a 403. */
export async function listRevisits(
  db: DbOrTx,
  actor: Actor,
  query: Static<typeof RevisitsQuery>,
): Promise<Static<typeof RevisitList>> {
  const scope = visible(actor);
  if (!scope) throw new AppError('auth.forbidden');
  const filters = [scope];
  if (query.status) filters.push(sql`v.status = ${query.status}`);
  if (query.reviewStatus) filters.push(sql`v.review_status = ${query.reviewStatus}`);
  const { rows } = await db.execute(
    sql`${SELECT(todayInChina())} WHERE ${sql.join(filters, sql` AND `)}
        ORDER BY CASE ${WARNING_SQL(todayInChina())} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END,
          v.rectify_due, v.created_at LIMIT 500`,
  );
  const items = rows.map((row) => {
    const { regionPath: _path, ...view } = presentRevisit(row);
    return view;
  });
  return { items, total: items.length };
}

/** Stores each revisit's warning as it stands today (the warning sweep). Returns how many changed. */
export async function refreshRevisitWarnings(db: DbOrTx, now = new Date()): Promise<number> {
  const { rowCount } = await db.execute(
    sql`UPDATE rating_revisits v SET warning = ${WARNING_SQL(todayInChina(now))}
        WHERE warning IS DISTINCT FROM ${WARNING_SQL(todayInChina(now))}`,
  );
  return rowCount ?? 0;
}
