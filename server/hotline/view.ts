import { type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { MineItem, RequestSummary, RequestView } from '../../common/hotline/api.ts';
import type { RequestKind, RequestStatus } from '../../common/hotline/lists.ts';
import type { Actor } from '../core/access/actor.ts';
import { scopeOf } from '../core/access/policy.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { organisationNameOf } from '../organisations/index.ts';
import { actorDepartments, isOperator, readableRequest } from './access.ts';
import { withRegionNames } from './region-names.ts';
import { ASSIGNMENT_COLUMNS } from './reply.ts';

/** The columns of a request in lists (alias `r`). */
const SUMMARY = sql`r.id, r.request_no AS "requestNo", r.kind, r.channel, r.requester_name AS "requesterName",
  r.title, r.region_code AS "regionCode", r.status, r.due_date::text AS "dueDate", r.warning,
  r.escalated_at AS "escalatedAt", r.primary_department_id AS "primaryDepartmentId",
  CASE WHEN r.primary_department_id IS NULL THEN NULL ELSE ${organisationNameOf(sql`r.primary_department_id`)} END
    AS "primaryDepartmentName", r.created_at AS "createdAt"`;

const anyOf = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Where the actor reads requests as the office (operators: all) or as a supervisor (their regions). */
function officeSight(actor: Actor): SQL | null {
  if (isOperator(actor)) return sql`true`;
  const paths = scopeOf(actor, 'hotline.supervise').regionPaths;
  if (paths.length === 0) return null;
  return sql`(${sql.join(
    paths.map((p) => sql`(r.region_path = ${p} OR r.region_path LIKE ${`${p}/%`})`),
    sql` OR `,
  )})`;
}

/** The office's list: newest first, by status, kind and a text in the number, title, content or name. */
export async function listRequests(
  db: Db,
  actor: Actor,
  query: { status?: RequestStatus | undefined; kind?: RequestKind | undefined; q?: string | undefined },
  escalatedOnly = false,
) {
  const sight = officeSight(actor);
  if (!sight) throw new AppError('auth.forbidden');
  const conditions: SQL[] = [sight];
  if (query.status) conditions.push(sql`r.status = ${query.status}`);
  if (query.kind) conditions.push(sql`r.kind = ${query.kind}`);
  const q = query.q?.trim();
  if (q) {
    const like = `%${q}%`;
    conditions.push(
      sql`(r.request_no ILIKE ${like} OR r.title ILIKE ${like} OR r.content ILIKE ${like} OR r.requester_name ILIKE ${like})`,
    );
  }
  if (escalatedOnly)
    conditions.push(sql`r.escalated_at IS NOT NULL AND r.status IN ('received', 'dispatched')`);
  const where = sql.join(conditions, sql` AND `);
  const { rows } = await db.execute(
    sql`SELECT ${SUMMARY} FROM hotline_requests r WHERE ${where} ORDER BY r.created_at DESC LIMIT 200`,
  );
  const { rows: count } = await db.execute(
    sql`SELECT count(*)::int AS n FROM hotline_requests r WHERE ${where}`,
  );
  const items = await withRegionNames(db, rows as Omit<Static<typeof RequestSummary>, 'regionName'>[]);
  return { items, total: count[0]!.n as number };
}

/**
 * A request with its assignments and steps, for whoever may read it; a department sees only its
 * own assignments.
 */
export async function requestView(db: Db, actor: Actor, id: string) {
  const row = await readableRequest(db, actor, id);
  const office = officeSight(actor) !== null;
  const departments = actorDepartments(actor);
  const own =
    office || departments.length === 0 ? sql`true` : sql`a.department_id IN (${anyOf(departments)})`;
  const { rows } = await db.execute(
    sql`SELECT ${SUMMARY}, r.requester_phone AS "requesterPhone", r.content, r.address, r.case_id AS "caseId",
          (SELECT case_no FROM cases c WHERE c.id = r.case_id) AS "caseNo", r.rating_id AS "ratingId",
          r.answered_at_once AS "answeredAtOnce", r.answer, r.limit_days AS "limitDays", r.reply,
          r.replied_at AS "repliedAt", r.revisit_note AS "revisitNote", r.revisited_at AS "revisitedAt",
          r.satisfaction, r.merged_into AS "mergedInto", r.closed_at AS "closedAt"
        FROM hotline_requests r WHERE r.id = ${row.id}`,
  );
  const assignments = await db.execute(
    sql`SELECT ${ASSIGNMENT_COLUMNS} FROM hotline_assignments a
        WHERE a.request_id = ${row.id} AND ${own} ORDER BY a.created_at, a.role DESC`,
  );
  const events = await db.execute(
    sql`SELECT e.id::int AS id, e.kind, acc.display_name AS "actorName", e.detail, e.at
        FROM hotline_events e LEFT JOIN accounts acc ON acc.id = e.actor_id
        WHERE e.request_id = ${row.id} ORDER BY e.at, e.id`,
  );
  const [named] = await withRegionNames(db, rows as { regionCode: string }[]);
  return { ...named!, assignments: assignments.rows, events: events.rows } as Static<typeof RequestView>;
}

/** The signed-in citizen's own requests, newest first. */
export async function listMine(db: Db, actor: Actor) {
  const { rows } = await db.execute(
    sql`SELECT id, request_no AS "requestNo", kind, title, content, status, due_date::text AS "dueDate",
          answer, reply, created_at AS "createdAt"
        FROM hotline_requests WHERE requester_id = ${actor.accountId} ORDER BY created_at DESC LIMIT 200`,
  );
  return { items: rows as Static<typeof MineItem>[], total: rows.length };
}
