import type { Static } from 'typebox';
import type { CaseRatings, RatingBody, RatingChannel } from '../../common/ratings/api.ts';
import type { AuditContext } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { ownCase } from './case-facts.ts';
import { checkRating, checkStageReached } from './checks.ts';
import { recordRating } from './record.ts';
import { caseRatings } from './view.ts';

/** The ratings of the applicant's own case (anyone else's is a 404). */
export async function ownCaseRatings(
  db: Db,
  accountId: string,
  caseId: string,
): Promise<Static<typeof CaseRatings>> {
  return caseRatings(db, await ownCase(db, accountId, caseId));
}

/**
 * The applicant rates a stage of their own case online (or at a kiosk): the stage must be reached
 * and not rated yet; a 差评 names at least one problem.
 */
export async function rateOwnCase(options: {
  db: Db;
  audit: AuditContext;
  accountId: string;
  caseId: string;
  body: Static<typeof RatingBody>;
  channel: Extract<RatingChannel, 'online' | 'kiosk'>;
}): Promise<Static<typeof CaseRatings>> {
  const { db, accountId, body, channel } = options;
  const facts = await ownCase(db, accountId, options.caseId);
  checkStageReached(facts, body.stage);
  const rating = checkRating(body, channel);
  await db.transaction((tx) =>
    recordRating({ tx, audit: options.audit, facts, rating, channel, raterId: accountId }),
  );
  return caseRatings(db, facts);
}
