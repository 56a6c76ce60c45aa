import { sql } from 'drizzle-orm';
import type { RatingStage } from '../../common/ratings/api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { caseFacts } from './case-facts.ts';
import { issueLink } from './links.ts';

/** How far back a newly reached stage still gets its SMS link. */
const RECENT_HOURS = 48;
export const DUE_LINKS_BATCH = 200;

/**
 * Sends the SMS rating link of every stage reached in the last 48 hours (acceptance, conclusion)
 * that has neither a rating nor a link yet. Returns how many were sent.
 */
export async function sendDueLinks(options: { db: DbOrTx; now?: Date }): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - RECENT_HOURS * 3_600_000).toISOString();
  const { rows } = await db.execute(
    sql`SELECT c.id, s.stage FROM cases c
        CROSS JOIN LATERAL (VALUES
          ('accepted', (SELECT max(e.at) FROM case_events e WHERE e.case_id = c.id
                          AND e.action IN ('accept', 'accept_with_gaps'))),
          ('concluded', c.concluded_at)) AS s(stage, reached_at)
        WHERE (c.accepted_on >= (${since}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date OR c.concluded_at >= ${since})
          AND s.reached_at >= ${since} AND s.reached_at <= ${now.toISOString()}
          AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.case_id = c.id AND r.stage = s.stage)
          AND NOT EXISTS (SELECT 1 FROM rating_links l WHERE l.case_id = c.id AND l.stage = s.stage)
        ORDER BY s.reached_at LIMIT ${DUE_LINKS_BATCH}`,
  );
  for (const row of rows) {
    const facts = (await caseFacts(db, row.id as string))!;
    await issueLink({ db, audit: null, facts, stage: row.stage as RatingStage, now });
  }
  return rows.length;
}
