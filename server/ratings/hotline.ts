import type { Static } from 'typebox';
import type { HotlineBody } from '../../common/ratings/api.ts';
import type { AuditContext } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { caseFactsByNo, caseNotFound } from './case-facts.ts';
import { checkRating, checkStageReached } from './checks.ts';
import { recordRating } from './record.ts';

/** A 12345 operator enters a rating the applicant gave by phone, for a case number. */
export async function rateByHotline(options: {
  db: Db;
  audit: AuditContext;
  operatorId: string;
  body: Static<typeof HotlineBody>;
}): Promise<{ id: string; caseId: string }> {
  const { db, body } = options;
  const facts = await caseFactsByNo(db, body.caseNo.trim());
  if (!facts) throw caseNotFound('caseNo');
  checkStageReached(facts, body.stage);
  const rating = checkRating(body, body.subScoreSet === 'window' ? 'window' : 'hotline');
  const recorded = await db.transaction((tx) =>
    recordRating({
      tx,
      audit: options.audit,
      facts,
      rating,
      channel: 'hotline',
      raterId: facts.applicantId,
      enteredBy: options.operatorId,
    }),
  );
  return { id: recorded.id, caseId: facts.id };
}
