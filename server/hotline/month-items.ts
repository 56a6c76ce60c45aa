import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { monthStart } from './monthly.ts';
import { DONE } from './monthly-keep.ts';

/** A 12345 request behind the month's on-time figure. */
export type RequestMonthItem = {
  requestId: string;
  requestNo: string;
  kind: string;
  title: string;
  status: string;
  dueDate: string;
  closedAt: Date | null;
  onTime: boolean | null;
};

/**
 * The requests of a month (YYYY-MM) of a primary department or a region subtree that count in its
 * on-time figure: those done (on time or late) and those past due and still open; a page at a time.
 */
export async function monthRequestItems(
  db: DbOrTx,
  options: { month: string; departmentId?: string; regionPath?: string; limit: number; offset: number },
): Promise<{ items: RequestMonthItem[]; total: number }> {
  const scope = options.departmentId
    ? sql`r.primary_department_id = ${options.departmentId}::uuid`
    : sql`(r.region_path = ${options.regionPath} OR r.region_path LIKE ${`${options.regionPath}/%`})`;
  const { rows } = await db.execute(sql`
    SELECT r.id::text AS "requestId", r.request_no AS "requestNo", r.kind, r.title, r.status,
      r.due_date::text AS "dueDate", coalesce(r.replied_at, r.closed_at) AS "closedAt",
      CASE WHEN ${DONE} IS NOT NULL THEN ${DONE} <= r.due_date ELSE false END AS "onTime",
      count(*) OVER ()::int AS total
    FROM hotline_requests r
    WHERE r.month = ${monthStart(options.month)}::date AND r.status <> 'merged' AND ${scope}
      AND (${DONE} IS NOT NULL OR r.warning = 'red')
    ORDER BY r.due_date, r.request_no
    LIMIT ${options.limit} OFFSET ${options.offset}`);
  const total = Number(rows[0]?.total ?? 0);
  const items = rows.map(({ total: _t, closedAt, ...row }) => ({
    ...row,
    closedAt: closedAt ? new Date(closedAt as string) : null,
  })) as RequestMonthItem[];
  return { items, total };
}
