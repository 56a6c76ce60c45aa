import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { RatingBody, RatingStage, WindowCurrent } from '../../common/ratings/api.ts';
import type { AuditContext } from '../audit/index.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { caseFacts, caseNotFound, maskedName } from './case-facts.ts';
import { checkRating } from './checks.ts';
import { recordRating } from './record.ts';

/**
 * The 评价器 at a window: the tablet is signed in as a clerk of the hall the window is in. A window
 * of another hall (or none) is a 404.
 */
export async function windowOfClerk(db: DbOrTx, actor: Actor, windowId: string): Promise<{ id: string }> {
  const { rows } = await db.execute(
    sql`SELECT w.id, h.organisation_id FROM windows w JOIN halls h ON h.id = w.hall_id
        WHERE w.id = ${windowId} AND w.active AND h.active`,
  );
  const row = rows[0];
  const clerk = actor.grants.some(
    (g) => g.role === 'window_clerk' && g.organisationId === row?.organisation_id,
  );
  if (!row || !clerk)
    throw new AppError('resource.not_found', { field: 'windowId', params: { resource: '窗口' } });
  return { id: windowId };
}

const STAGE_OF_ACTION = sql`CASE WHEN e.action = 'conclude' THEN 'concluded' ELSE 'accepted' END`;

/** Cases accepted or concluded at the window today whose stage has no rating yet, latest first. */
const unrated = (windowId: string, today: string) =>
  sql`FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE c.window_id = ${windowId} AND e.action IN ('accept', 'accept_with_gaps', 'conclude')
        AND (e.at AT TIME ZONE 'Asia/Shanghai')::date = ${today}::date
        AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.case_id = c.id AND r.stage = ${STAGE_OF_ACTION})`;

/** The case the applicant at the window is to rate: the one most recently accepted or concluded there today. */
export async function windowCurrent(
  db: DbOrTx,
  windowId: string,
  now = new Date(),
): Promise<Static<typeof WindowCurrent>> {
  const { rows } = await db.execute(
    sql`SELECT c.id, ${STAGE_OF_ACTION} AS stage ${unrated(windowId, todayInChina(now))}
        ORDER BY e.at DESC, e.seq DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) return { current: null };
  const facts = (await caseFacts(db, row.id as string))!;
  return {
    current: {
      caseId: facts.id,
      caseNo: facts.caseNo,
      matterName: facts.matterName,
      applicantName: maskedName(facts.applicantName),
      stage: row.stage as RatingStage,
    },
  };
}

/** The tablet submits the rating of the applicant standing at the window, for a case handled there today. */
export async function rateAtWindow(options: {
  db: Db;
  audit: AuditContext;
  windowId: string;
  caseId: string;
  body: Static<typeof RatingBody>;
}): Promise<{ id: string }> {
  const { db, windowId, caseId, body } = options;
  const { rows } = await db.execute(
    sql`SELECT 1 ${unrated(windowId, todayInChina())} AND c.id = ${caseId} AND ${STAGE_OF_ACTION} = ${body.stage}
        LIMIT 1`,
  );
  const facts = await caseFacts(db, caseId);
  if (!facts || facts.windowId !== windowId) throw caseNotFound('caseId');
  const rating = checkRating(body, 'window');
  if (!rows.length) {
    const given = await db.execute(
      sql`SELECT 1 FROM ratings WHERE case_id = ${caseId} AND stage = ${body.stage}`,
    );
    if (!given.rows.length) throw caseNotFound('caseId');
  }
  const recorded = await db.transaction((tx) =>
    recordRating({ tx, audit: options.audit, facts, rating, channel: 'window', raterId: facts.applicantId }),
  );
  return { id: recorded.id };
}
