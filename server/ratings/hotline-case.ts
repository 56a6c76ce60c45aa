import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type HotlineCase, RATING_STAGES } from '../../common/ratings/api.ts';
import type { AuditContext } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { caseFactsByNo, caseNotFound, maskedName, reached } from './case-facts.ts';

type Answer = Static<typeof HotlineCase>;
type Rating = NonNullable<Answer['stages'][number]['rating']>;

/**
 * A case by its number for a 12345 operator: the matter, department and hall, the applicant's
 * masked name, and per stage whether it was reached and the rating given (with the request made
 * from it). Each look-up is audited.
 */
export async function hotlineCase(options: { db: Db; audit: AuditContext; caseNo: string }): Promise<Answer> {
  const { db } = options;
  const facts = await caseFactsByNo(db, options.caseNo.trim());
  if (!facts) throw caseNotFound('caseNo');
  const place = (
    await db.execute(
      sql`SELECT o.name AS department_name, h.name AS hall_name FROM organisations o
          LEFT JOIN halls h ON h.id = ${facts.hallId} WHERE o.id = ${facts.departmentId}`,
    )
  ).rows[0];
  const { rows } = await db.execute(
    sql`SELECT r.id, r.stage, r.level, r.channel, r.is_default, r.status, r.problems, r.comment, r.created_at,
          q.id AS request_id, q.request_no
        FROM ratings r LEFT JOIN hotline_requests q ON q.rating_id = r.id
        WHERE r.case_id = ${facts.id}`,
  );
  const byStage = new Map<string, Rating>(
    rows.map((row) => [
      row.stage as string,
      {
        id: row.id as string,
        level: row.level as number,
        channel: row.channel as Rating['channel'],
        isDefault: row.is_default as boolean,
        status: row.status as string,
        problems: row.problems as string[],
        comment: (row.comment as string | null) ?? null,
        createdAt: new Date(row.created_at as string),
        requestId: (row.request_id as string | null) ?? null,
        requestNo: (row.request_no as string | null) ?? null,
      },
    ]),
  );
  await db.transaction(async (tx) => {
    await recordAudit(tx, options.audit, {
      action: 'rating.hotline_case',
      targetType: 'case',
      targetId: facts.id,
      summary: { caseNo: facts.caseNo },
    });
  });
  return {
    caseId: facts.id,
    caseNo: facts.caseNo,
    matterName: facts.matterName,
    departmentName: (place?.department_name as string | undefined) ?? '',
    hallName: (place?.hall_name as string | null | undefined) ?? null,
    atWindow: facts.windowId !== null,
    applicantName: maskedName(facts.applicantName),
    stages: RATING_STAGES.map((stage) => ({
      stage,
      reached: reached(facts, stage),
      rating: byStage.get(stage) ?? null,
    })),
  };
}
