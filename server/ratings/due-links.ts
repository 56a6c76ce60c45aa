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
 * that has neither a rating nor a link yet. The stages are found through the acceptances by time
 * (case_events_accepted_at_idx) and the conclusions by time (cases_concluded_at_idx), so a run reads
 * the last two days' cases, not the table. Returns how many were sent.
 */
export async function sendDueLinks(options: { db: DbOrTx; now?: Date }): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - RECENT_HOURS * 3_600_000).toISOString();
  const { rows } = await db.execute(
    sql`WITH reached (id, stage, reached_at) AS (
          SELECT a.case_id, 'accepted', (SELECT max(e.at) FROM case_events e WHERE e.case_id = a.case_id
              AND e.action IN ('accept', 'accept_with_gaps'))
            FROM (SELECT DISTINCT case_id FROM case_events
              WHERE action IN ('accept', 'accept_with_gaps') AND at >= ${since}) a
          UNION ALL
          SELECT c.id, 'concluded', c.concluded_at FROM cases c WHERE c.concluded_at >= ${since})
        SELECT s.id, s.stage FROM reached s
        WHERE s.reached_at >= ${since} AND s.reached_at <= ${now.toISOString()}
          AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.case_id = s.id AND r.stage = s.stage)
          AND NOT EXISTS (SELECT 1 FROM rating_links l WHERE l.case_id = s.id AND l.stage = s.stage)
        ORDER BY s.reached_at LIMIT ${DUE_LINKS_BATCH}`,
  );
  for (const row of rows) {
    const facts = (await caseFacts(db, row.id as string))!;
    await issueLink({ db, audit: null, facts, stage: row.stage as RatingStage, now });
  }
  return rows.length;
}
