import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { RankingAnswer, RankingQuery } from '../../common/assessment/api.ts';
import { todayInChina } from '../calendar/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { settingsFor } from '../region-settings/index.ts';
import { reachableRegion } from './access.ts';
import { lastDayOf, previousMonth } from './month.ts';
import type { FigureSet, Weights } from './score.ts';

type Answer = Static<typeof RankingAnswer>;
type Stored = { weights: Weights; figures: FigureSet; idle?: boolean };

/** A ranking as stored: one indexed read of the month's scores of the region, never a compute. */
export async function readRanking(
  db: DbOrTx,
  actor: Actor,
  query: Static<typeof RankingQuery>,
): Promise<Answer> {
  const region = await reachableRegion(db, actor, query.region);
  const { rows } = await db.execute(sql`
    SELECT s.scope_id AS "scopeId", coalesce(o.name, g.name, s.scope_id) AS name, s.rank, s.ranked_of AS "rankedOf",
      s.score, s.figures, s.flagged, s.computed_at AS "computedAt", p.rank AS "previousRank"
    FROM assessment_scores s
    LEFT JOIN organisations o ON s.scope_kind = 'department' AND o.id::text = s.scope_id
    LEFT JOIN regions g ON s.scope_kind = 'district' AND g.code = s.scope_id
    LEFT JOIN assessment_scores p ON p.month = ${`${previousMonth(query.month)}-01`}::date
      AND p.scope_kind = s.scope_kind AND p.scope_id = s.scope_id AND p.rank > 0
    WHERE s.ranking_region = ${region.code} AND s.scope_kind = ${query.kind}
      AND s.month = ${`${query.month}-01`}::date
    ORDER BY s.rank = 0, s.rank, name`);
  const first = rows[0];
  const computedAt = first ? new Date(first.computedAt as string) : null;
  const weights = first
    ? (first.figures as Stored).weights
    : (await settingsFor(db, region.code)).assessment.weights;
  const answer: Answer = {
    month: query.month,
    kind: query.kind,
    region: { code: region.code, name: region.name },
    weights,
    computedAt,
    complete: computedAt !== null && todayInChina(computedAt) > lastDayOf(query.month),
    rows: [],
    idle: [],
  };
  for (const row of rows) {
    const stored = row.figures as Stored;
    const scopeId = row.scopeId as string;
    const name = row.name as string;
    if (stored.idle) {
      answer.idle.push({ scopeId, name });
      continue;
    }
    answer.rows.push({
      scopeId,
      name,
      rank: Number(row.rank),
      rankedOf: Number(row.rankedOf),
      score: Number(row.score),
      figures: stored.figures,
      flagged: row.flagged as boolean,
      previousRank: row.previousRank === null ? null : Number(row.previousRank),
    });
  }
  return answer;
}
