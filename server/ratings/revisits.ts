import { sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import { type Action, can } from '../core/access/policy.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { applyMonthly, ratingDelta } from './monthly.ts';
import { type presentRevisit, revisitById } from './revisit-list.ts';

type Revisit = ReturnType<typeof presentRevisit>;

const notFound = () => new AppError('resource.not_found', { field: 'id', params: { resource: '差评回访' } });
const wrongState = (operation: string, operationEn: string) =>
  new AppError('rating.revisit_state', { params: { operation, operationEn } });

/**
 * Runs a step on a revisit the actor may act on (`action` on the department and region of the
 * rating): another department's (or none) is a 404. Locked for the step's transaction; audited.
 */
async function step(
  options: { db: Db; actor: Actor; audit: AuditContext; id: string; action: Action; audited: string },
  run: (tx: Tx, revisit: Revisit) => Promise<Record<string, unknown>>,
): Promise<Revisit> {
  const { db, actor, id } = options;
  await options.db.transaction(async (tx) => {
    const revisit = await revisitById(tx, id, true);
    if (
      !revisit ||
      !can(actor, options.action, { organisationId: revisit.departmentId, regionPath: revisit.regionPath })
    )
      throw notFound();
    const summary = await run(tx, revisit);
    await recordAudit(tx, options.audit, {
      action: options.audited,
      targetType: 'rating_revisit',
      targetId: id,
      summary: { caseNo: revisit.caseNo, ratingId: revisit.ratingId, ...summary },
    });
  });
  return (await revisitById(db, id))!;
}

type StepOptions = { db: Db; actor: Actor; audit: AuditContext; id: string };

/** The department has contacted the rater (回访). */
export const contactRevisit = (options: StepOptions & { note: string }) =>
  step({ ...options, action: 'rating.revisit', audited: 'rating.revisit_contact' }, async (tx, revisit) => {
    if (revisit.status !== 'open' || revisit.reviewStatus === 'upheld')
      throw wrongState('记录回访', 'contacted');
    await tx.execute(
      sql`UPDATE rating_revisits SET status = 'contacted', contacted_at = now(), contact_note = ${options.note.trim()},
            handled_by = ${options.actor.accountId} WHERE id = ${revisit.id}`,
    );
    return { note: options.note.trim() };
  });

/** The department has rectified (整改) what the 差评 was about; the outcome is shown to the rater. */
export const rectifyRevisit = (options: StepOptions & { outcome: string; now?: Date }) =>
  step({ ...options, action: 'rating.revisit', audited: 'rating.revisit_rectify' }, async (tx, revisit) => {
    if (revisit.status === 'rectified' || revisit.reviewStatus === 'upheld')
      throw wrongState('整改', 'rectified');
    const now = options.now ?? new Date();
    const inTime = todayInChina(now) <= revisit.rectifyDue;
    await tx.execute(
      sql`UPDATE rating_revisits SET status = 'rectified', rectified_at = ${now.toISOString()},
            contacted_at = coalesce(contacted_at, ${now.toISOString()}), outcome = ${options.outcome.trim()},
            warning = 'none', handled_by = ${options.actor.accountId} WHERE id = ${revisit.id}`,
    );
    const place = await placeOf(tx, revisit.ratingId);
    if (place.status === 'valid')
      await applyMonthly(tx, place, { rectified: 1, rectifiedInTime: inTime ? 1 : 0 });
    return { outcome: options.outcome.trim(), inTime };
  });

/** The department asks the supervisor to review the 差评 as mistaken or malicious. */
export const requestReview = (options: StepOptions & { reason: string }) =>
  step({ ...options, action: 'rating.revisit', audited: 'rating.review_request' }, async (tx, revisit) => {
    if (revisit.reviewStatus !== 'none') throw wrongState('申请复核', 'sent for review');
    await tx.execute(
      sql`UPDATE rating_revisits SET review_status = 'requested', review_reason = ${options.reason.trim()},
            review_requested_by = ${options.actor.accountId}, review_requested_at = now() WHERE id = ${revisit.id}`,
    );
    return { reason: options.reason.trim() };
  });

/** The supervisor decides: upheld voids the rating (it leaves the figures), rejected keeps it. */
export const decideReview = (options: StepOptions & { upheld: boolean; reason: string }) =>
  step({ ...options, action: 'rating.review', audited: 'rating.review_decision' }, async (tx, revisit) => {
    if (revisit.reviewStatus !== 'requested') throw wrongState('作出复核决定', 'decided');
    await tx.execute(
      sql`UPDATE rating_revisits SET review_status = ${options.upheld ? 'upheld' : 'rejected'},
            review_decision_reason = ${options.reason.trim()}, review_decided_by = ${options.actor.accountId},
            review_decided_at = now(), warning = CASE WHEN ${options.upheld} THEN 'none' ELSE warning END
          WHERE id = ${revisit.id}`,
    );
    if (options.upheld) {
      const place = await placeOf(tx, revisit.ratingId);
      await tx.execute(sql`UPDATE ratings SET status = 'voided' WHERE id = ${revisit.ratingId}`);
      const rectified = revisit.status === 'rectified';
      const inTime =
        rectified && revisit.rectifiedAt !== null && todayInChina(revisit.rectifiedAt) <= revisit.rectifyDue;
      await applyMonthly(tx, place, {
        ...ratingDelta(place, -1),
        voided: 1,
        rectified: rectified ? -1 : 0,
        rectifiedInTime: inTime ? -1 : 0,
      });
    }
    return { upheld: options.upheld, reason: options.reason.trim() };
  });

async function placeOf(tx: Tx, ratingId: string) {
  const { rows } = await tx.execute(
    sql`SELECT month::text, department_id, hall_id, window_id, region_path, level, is_default, status
        FROM ratings WHERE id = ${ratingId}`,
  );
  const r = rows[0]!;
  return {
    month: r.month as string,
    departmentId: r.department_id as string,
    hallId: (r.hall_id as string | null) ?? null,
    windowId: (r.window_id as string | null) ?? null,
    regionPath: r.region_path as string,
    level: r.level as number,
    isDefault: r.is_default as boolean,
    status: r.status as string,
  };
}
