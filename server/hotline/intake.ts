import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { IntakeBody, PortalBody } from '../../common/hotline/api.ts';
import type { RequestChannel, RequestKind } from '../../common/hotline/lists.ts';
import { PROBLEM_LABELS as PROBLEM_LABELS_OF_RATINGS } from '../../common/ratings/lists.ts';
import type { AuditContext } from '../audit/index.ts';
import { todayInChina, workingDeadline } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { settingsFor } from '../region-settings/index.ts';
import { requireRegion } from '../regions/index.ts';
import { invalid } from './access.ts';
import { recordStep } from './events.ts';
import { countNewRequest } from './monthly-keep.ts';
import { hotlineRequests } from './tables.ts';

/** Advisory lock taken while a request number is given out. */
const NUMBER_LOCK = 7_212_345;

type NewRequest = {
  kind: RequestKind;
  channel: RequestChannel;
  requesterName: string;
  requesterPhone: string | null;
  requesterId: string | null;
  title: string;
  content: string;
  regionCode: string;
  address: string | null;
  caseId: string | null;
  ratingId: string | null;
  receivedBy: string | null;
};

/** The next number of the day: 12345YYYYMMDDNNNN. */
async function nextNumber(tx: Tx, day: string): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${NUMBER_LOCK})`);
  const prefix = `12345${day.replaceAll('-', '')}`;
  const { rows } = await tx.execute(
    sql`SELECT max(request_no) AS last FROM hotline_requests WHERE request_no LIKE ${`${prefix}%`}`,
  );
  const last = rows[0]?.last as string | null;
  const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(4, '0')}`;
}

/**
 * Records a new request: its number, its limit by kind (as the request's region sets it) and the
 * due day on the working-day calendar, counted from the day it was received.
 */
export async function createRequest(
  tx: Tx,
  audit: AuditContext,
  input: NewRequest,
  now: Date = new Date(),
): Promise<{ id: string; requestNo: string; dueDate: string }> {
  const region = await requireRegion(tx, input.regionCode, 'regionCode');
  const day = todayInChina(now);
  const limitDays = (await settingsFor(tx, region.path)).hotline.limitDays[input.kind];
  const dueDate = await workingDeadline({ db: tx, from: day, days: limitDays, unit: 'working_days' });
  const requestNo = await nextNumber(tx, day);
  const [row] = await tx
    .insert(hotlineRequests)
    .values({
      ...input,
      requestNo,
      regionPath: region.path,
      limitDays,
      dueDate,
      month: `${day.slice(0, 7)}-01`,
      createdAt: now,
    })
    .returning({ id: hotlineRequests.id });
  await countNewRequest(tx, row!.id);
  await recordStep(tx, audit, {
    requestId: row!.id,
    requestNo,
    kind: 'received',
    actorId: input.receivedBy ?? input.requesterId,
    detail: { kind: input.kind, channel: input.channel, dueDate },
  });
  return { id: row!.id, requestNo, dueDate };
}

/** The case a complaint names by its number (the requester's own when `ownerId` is given), or a 400. */
async function caseOfNo(tx: Tx, caseNo: string | undefined, ownerId?: string): Promise<string | null> {
  const no = caseNo?.trim();
  if (!no) return null;
  const { rows } = await tx.execute(sql`SELECT id, applicant_id FROM cases WHERE case_no = ${no}`);
  const found = rows[0];
  if (!found || (ownerId !== undefined && found.applicant_id !== ownerId))
    throw invalid('caseNo', '没有这个办件编号', 'no case has this number');
  return found.id as string;
}

const trimmed = (value: string | undefined) => value?.trim() || null;

/** An operator takes a request (首接负责). */
export async function takeRequest(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  body: Static<typeof IntakeBody>;
  now?: Date;
}) {
  const { body } = options;
  return options.db.transaction(async (tx) =>
    createRequest(
      tx,
      options.audit,
      {
        kind: body.kind,
        channel: body.channel,
        requesterName: body.requesterName.trim(),
        requesterPhone: trimmed(body.requesterPhone),
        requesterId: null,
        title: body.title.trim(),
        content: body.content.trim(),
        regionCode: body.regionCode,
        address: trimmed(body.address),
        caseId: await caseOfNo(tx, body.caseNo),
        ratingId: null,
        receivedBy: options.actor.accountId,
      },
      options.now,
    ),
  );
}

/** A signed-in citizen submits from the portal; name and phone are the account's. */
export async function submitFromPortal(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  body: Static<typeof PortalBody>;
}) {
  const { actor, body } = options;
  if (actor.kind === 'staff') throw new AppError('auth.forbidden');
  return options.db.transaction(async (tx) => {
    const { rows } = await tx.execute(
      sql`SELECT display_name, phone FROM accounts WHERE id = ${actor.accountId}`,
    );
    return createRequest(tx, options.audit, {
      kind: body.kind,
      channel: 'portal',
      requesterName: rows[0]!.display_name as string,
      requesterPhone: (rows[0]!.phone as string | null) ?? null,
      requesterId: actor.accountId,
      title: body.title.trim(),
      content: body.content.trim(),
      regionCode: body.regionCode,
      address: trimmed(body.address),
      caseId: await caseOfNo(tx, body.caseNo, actor.accountId),
      ratingId: null,
      receivedBy: null,
    });
  });
}

/** An operator turns a 差评 into a complaint about its case; a rating becomes one request at most. */
export async function requestFromRating(options: {
  db: Db;
  audit: AuditContext;
  actor: Actor;
  ratingId: string;
}) {
  return options.db.transaction(async (tx) => {
    const { rows } = await tx.execute(
      sql`SELECT r.id, r.level, r.problems, r.comment, r.channel, r.rater_id, c.case_no, c.id AS case_id,
            c.region_code, a.display_name, a.phone,
            EXISTS (SELECT 1 FROM hotline_requests h WHERE h.rating_id = r.id) AS taken
          FROM ratings r JOIN cases c ON c.id = r.case_id LEFT JOIN accounts a ON a.id = r.rater_id
          WHERE r.id = ${options.ratingId} FOR UPDATE OF r`,
    );
    const rating = rows[0];
    if (!rating)
      throw new AppError('resource.not_found', { field: 'ratingId', params: { resource: '评价' } });
    if ((rating.level as number) > 2)
      throw invalid('ratingId', '只有差评可以转为工单', 'only a poor rating can become a request');
    if (rating.taken) throw new AppError('resource.duplicate', { field: 'ratingId' });
    const problems = (rating.problems as string[])
      .map((p) => PROBLEM_LABELS_OF_RATINGS[p as keyof typeof PROBLEM_LABELS_OF_RATINGS]?.zh ?? p)
      .join('、');
    return createRequest(tx, options.audit, {
      kind: 'complaint',
      channel: rating.channel === 'hotline' ? 'phone' : 'web',
      requesterName: (rating.display_name as string | null) ?? '评价人',
      requesterPhone: (rating.phone as string | null) ?? null,
      requesterId: (rating.rater_id as string | null) ?? null,
      title: `办件 ${rating.case_no as string} 差评`,
      content: [problems, (rating.comment as string | null) ?? ''].filter(Boolean).join('：') || '差评',
      regionCode: rating.region_code as string,
      address: null,
      caseId: rating.case_id as string,
      ratingId: rating.id as string,
      receivedBy: options.actor.accountId,
    });
  });
}
