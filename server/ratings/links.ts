import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import {
  type LinkRatingBody,
  type LinkView,
  type RatingStage,
  STAGE_LABELS,
} from '../../common/ratings/api.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { notify } from '../notifications/index.ts';
import { type CaseFacts, caseFacts } from './case-facts.ts';
import { checkRating, checkStageReached } from './checks.ts';
import { recordRating } from './record.ts';

/** How long a rating link sent by SMS stays open. */
export const LINK_DAYS = 7;
const DAY_MS = 86_400_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** The path of the page a link opens. */
export const linkPath = (token: string) => `/rate/${token}`;

const stageRated = async (db: DbOrTx, caseId: string, stage: RatingStage) =>
  (await db.execute(sql`SELECT 1 FROM ratings WHERE case_id = ${caseId} AND stage = ${stage}`)).rows.length >
  0;

/**
 * Issues a rating link for a stage the case has reached and that is not rated yet, and sends it by
 * SMS to the applicant (with an in-app message). Audited; the token is only in the message.
 */
export async function issueLink(options: {
  db: DbOrTx;
  audit: AuditContext | null;
  facts: CaseFacts;
  stage: RatingStage;
  now?: Date;
}): Promise<{ url: string; expiresAt: Date }> {
  const { db, facts, stage } = options;
  checkStageReached(facts, stage);
  if (await stageRated(db, facts.id, stage))
    throw new AppError('rating.already_rated', {
      field: 'stage',
      params: { stage: STAGE_LABELS[stage].zh, stageEn: STAGE_LABELS[stage].en.toLowerCase() },
    });
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date((options.now ?? new Date()).getTime() + LINK_DAYS * DAY_MS);
  const url = linkPath(token);
  const write = async (tx: DbOrTx) => {
    await tx.execute(
      sql`INSERT INTO rating_links (case_id, stage, token_hash, expires_at)
          VALUES (${facts.id}, ${stage}, ${hashOf(token)}, ${expiresAt.toISOString()})`,
    );
    await notify({
      db: tx,
      accountId: facts.applicantId,
      title: '办事评价',
      body: `您的办件${facts.caseNo}（${facts.matterName}）已${stage === 'accepted' ? '受理' : '办结'}，请对办事服务作出评价：${url}（${LINK_DAYS}日内有效）`,
      subject: { caseId: facts.id, caseNo: facts.caseNo, event: 'rating_link', stage },
    });
  };
  if (options.audit) {
    const audit = options.audit;
    await (db as Db).transaction(async (tx) => {
      await write(tx);
      await recordAudit(tx, audit, {
        action: 'rating.link',
        targetType: 'case',
        targetId: facts.id,
        summary: { caseNo: facts.caseNo, stage, expiresAt: expiresAt.toISOString() },
      });
    });
  } else await write(db);
  return { url, expiresAt };
}

type LinkRow = { id: string; caseId: string; stage: RatingStage; expiresAt: Date; usedAt: Date | null };

/** The link of a token: a wrong token is a 404; one expired or used a 410. */
async function openLink(db: DbOrTx, token: string, now: Date, lock = false): Promise<LinkRow> {
  const { rows } = await db.execute(
    sql`SELECT id, case_id AS "caseId", stage, expires_at AS "expiresAt", used_at AS "usedAt"
        FROM rating_links WHERE token_hash = ${hashOf(token)} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  const row = rows[0] as Record<string, unknown> | undefined;
  if (!row) throw new AppError('resource.not_found', { field: 'token', params: { resource: '评价链接' } });
  const link = { ...(row as LinkRow), expiresAt: new Date(row.expiresAt as string) };
  if (row.usedAt || link.expiresAt.getTime() <= now.getTime()) throw new AppError('rating.link_gone');
  return link;
}

/** What the page of a link shows: the case number, matter and stage. */
export async function readLink(db: Db, token: string, now = new Date()): Promise<Static<typeof LinkView>> {
  const link = await openLink(db, token, now);
  const facts = (await caseFacts(db, link.caseId))!;
  if (await stageRated(db, link.caseId, link.stage)) throw new AppError('rating.link_gone');
  return { caseNo: facts.caseNo, matterName: facts.matterName, stage: link.stage, expiresAt: link.expiresAt };
}

/** The rating given through a link: that case and stage only; the link is used up with it. */
export async function rateByLink(options: {
  db: Db;
  audit: AuditContext;
  token: string;
  body: Static<typeof LinkRatingBody>;
  now?: Date;
}): Promise<{ id: string }> {
  const now = options.now ?? new Date();
  return options.db.transaction(async (tx) => {
    const link = await openLink(tx, options.token, now, true);
    const facts = (await caseFacts(tx, link.caseId))!;
    const rating = checkRating({ ...options.body, stage: link.stage }, 'sms');
    await tx.execute(sql`UPDATE rating_links SET used_at = ${now.toISOString()} WHERE id = ${link.id}`);
    const recorded = await recordRating({
      tx,
      audit: options.audit,
      facts,
      rating,
      channel: 'sms',
      raterId: facts.applicantId,
      now,
    });
    return { id: recorded.id };
  });
}
