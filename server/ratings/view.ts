import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type CaseRatings, RATING_STAGES, type RatingView } from '../../common/ratings/api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { type CaseFacts, reached } from './case-facts.ts';

type View = Static<typeof RatingView>;

const date = (value: unknown) => (value ? new Date(value as string) : null);

/** The ratings of a case with a 差评's revisit, by stage. */
export async function ratingsOfCase(db: DbOrTx, caseId: string): Promise<Map<string, View>> {
  const { rows } = await db.execute(
    sql`SELECT r.id, r.stage, r.level, r.sub_scores, r.problems, r.comment, r.channel, r.is_default, r.status,
          r.created_at, v.status AS revisit_status, v.contacted_at, v.rectified_at, v.outcome
        FROM ratings r LEFT JOIN rating_revisits v ON v.rating_id = r.id
        WHERE r.case_id = ${caseId}`,
  );
  return new Map(
    rows.map((row) => [
      row.stage as string,
      {
        id: row.id as string,
        stage: row.stage as View['stage'],
        level: row.level as number,
        subScores: row.sub_scores as Record<string, number>,
        problems: row.problems as string[],
        comment: (row.comment as string | null) ?? null,
        channel: row.channel as View['channel'],
        isDefault: row.is_default as boolean,
        status: row.status as string,
        createdAt: new Date(row.created_at as string),
        revisit: row.revisit_status
          ? {
              status: row.revisit_status as string,
              contactedAt: date(row.contacted_at),
              rectifiedAt: date(row.rectified_at),
              outcome: (row.outcome as string | null) ?? null,
            }
          : null,
      },
    ]),
  );
}

/** For each stage: whether the applicant can rate it now, and the rating given. */
export async function caseRatings(db: DbOrTx, facts: CaseFacts): Promise<Static<typeof CaseRatings>> {
  const given = await ratingsOfCase(db, facts.id);
  return {
    caseId: facts.id,
    caseNo: facts.caseNo,
    stages: RATING_STAGES.map((stage) => {
      const rating = given.get(stage) ?? null;
      return { stage, canRate: reached(facts, stage) && !rating, rating };
    }),
  };
}
