import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { caseMonthCounts } from '../cases/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { monthlyHotlineCounts } from '../hotline/index.ts';
import { monthlyRatingCounts } from '../ratings/index.ts';
import { settingsFor } from '../region-settings/index.ts';
import { type AssessmentMonth, assessmentMonth, previousMonth } from './month.ts';
import { type AssessedScope, assessedScopes } from './scopes.ts';
import {
  addCounts,
  figuresOf,
  isIdle,
  isLast,
  lastRankOf,
  rankByScore,
  type ScopeCounts,
  scoreOf,
  type Weights,
  zeroCounts,
} from './score.ts';
import { assessmentScores } from './tables.ts';

const key = (kind: string, id: string) => `${kind}:${id}`;

/** Advisory lock held while a month is recomputed: a second compute waits rather than colliding. */
export const ASSESSMENT_COMPUTE_LOCK = 7_262_118;

/** The month's counts of every scope: one scan of its cases, the ratings' and 12345's monthly rows. */
async function countsOf(db: DbOrTx, period: AssessmentMonth, scopes: AssessedScope[]) {
  const counts = new Map(scopes.map((s) => [key(s.kind, s.id), zeroCounts()]));
  const districts = new Set(scopes.filter((s) => s.kind === 'district').map((s) => s.id));
  for (const row of await caseMonthCounts(db, period)) {
    const cases = row as unknown as ScopeCounts['cases'];
    const department = counts.get(key('department', row.departmentId));
    if (department) addCounts(department, { cases });
    for (const code of row.regionPath.split('/')) {
      if (districts.has(code)) addCounts(counts.get(key('district', code)) as ScopeCounts, { cases });
    }
  }
  const ids = (kind: string) => scopes.filter((s) => s.kind === kind).map((s) => s.id);
  const deptRatings = await monthlyRatingCounts(db, period.month, 'department', ids('department'));
  const regionRatings = await monthlyRatingCounts(db, period.month, 'region', ids('district'));
  const hotline = (scopeKind: 'department' | 'region', scopeIds: string[]) =>
    monthlyHotlineCounts(db, { month: period.month, scopeKind, scopeIds });
  const deptHotline = await hotline('department', ids('department'));
  const regionHotline = await hotline('region', ids('district'));
  for (const [kind, ratings, hotline] of [
    ['department', deptRatings, deptHotline],
    ['district', regionRatings, regionHotline],
  ] as const) {
    for (const [id, r] of ratings) addCounts(counts.get(key(kind, id)) as ScopeCounts, { ratings: r });
    for (const [id, h] of hotline) addCounts(counts.get(key(kind, id)) as ScopeCounts, { hotline: h });
  }
  return counts;
}

/** The weights of each ranking region, from its settings. */
async function weightsOf(db: DbOrTx, regions: string[]): Promise<Map<string, Weights>> {
  const entries: [string, Weights][] = [];
  for (const code of regions) entries.push([code, (await settingsFor(db, code)).assessment.weights]);
  return new Map(entries);
}

/** The scopes ranked last in the month before (every one tied for last), by kind and id. */
async function lastBefore(db: DbOrTx, month: string): Promise<Set<string>> {
  const rows = await db
    .select({
      kind: assessmentScores.scopeKind,
      id: assessmentScores.scopeId,
      region: assessmentScores.rankingRegion,
      rank: assessmentScores.rank,
    })
    .from(assessmentScores)
    .where(eq(assessmentScores.month, `${previousMonth(month)}-01`));
  const rankings = new Map<string, typeof rows>();
  for (const row of rows.filter((r) => r.rank > 0)) {
    const ranking = key(row.kind, row.region);
    rankings.set(ranking, [...(rankings.get(ranking) ?? []), row]);
  }
  const last = new Set<string>();
  for (const members of rankings.values()) {
    const lastRank = lastRankOf(members.map((m) => m.rank));
    for (const m of members) if (isLast(m.rank, lastRank)) last.add(key(m.kind, m.id));
  }
  return last;
}

/**
 * Computes the month's scores (YYYY-MM; the current month so far) of every department and district,
 * or of the rankings within `regionPath`, and replaces the month's rows of those rankings in one
 * transaction. Returns how many scores were written.
 */
export async function computeAssessment(
  db: DbOrTx,
  month: string,
  options: { now?: Date; regionPath?: string; audit?: AuditContext } = {},
): Promise<{ scores: number; computedAt: Date }> {
  const period = assessmentMonth(month, options.now ?? new Date());
  const computedAt = options.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${ASSESSMENT_COMPUTE_LOCK})`);
    const scopes = await assessedScopes(tx, options.regionPath);
    const counts = await countsOf(tx, period, scopes);
    const weights = await weightsOf(tx, [...new Set(scopes.map((s) => s.rankingRegion))]);
    const wasLast = await lastBefore(tx, month);
    const rankings = new Map<string, { scope: AssessedScope; counts: ScopeCounts }[]>();
    for (const scope of scopes) {
      const ranking = key(scope.kind, scope.rankingRegion);
      rankings.set(ranking, [
        ...(rankings.get(ranking) ?? []),
        { scope, counts: counts.get(key(scope.kind, scope.id)) as ScopeCounts },
      ]);
    }
    const rows: (typeof assessmentScores.$inferInsert)[] = [];
    for (const [ranking, members] of rankings) {
      const region = ranking.slice(ranking.indexOf(':') + 1);
      const w = weights.get(region) as Weights;
      const scored = members.map(({ scope, counts: c }) => {
        const figures = figuresOf(c, w);
        return { scope, name: scope.name, figures, idle: isIdle(c), score: scoreOf(figures) };
      });
      const base = (s: (typeof scored)[number]) => ({
        month: period.start,
        scopeKind: s.scope.kind,
        scopeId: s.scope.id,
        rankingRegion: region,
        computedAt,
      });
      const ranked = rankByScore(scored.filter((s) => !s.idle));
      const lastRank = lastRankOf(ranked.map((s) => s.rank));
      for (const s of ranked) {
        const flagged = isLast(s.rank, lastRank) && wasLast.has(key(s.scope.kind, s.scope.id));
        rows.push({
          ...base(s),
          score: s.score,
          rank: s.rank,
          rankedOf: s.rankedOf,
          flagged,
          figures: { weights: w, figures: s.figures },
        });
      }
      for (const s of scored.filter((s) => s.idle)) {
        rows.push({
          ...base(s),
          score: 0,
          rank: 0,
          rankedOf: 0,
          figures: { weights: w, figures: s.figures, idle: true },
        });
      }
    }
    const regions = options.regionPath
      ? sql`(SELECT code FROM regions WHERE path = ${options.regionPath} OR path LIKE ${`${options.regionPath}/%`})`
      : undefined;
    await tx
      .delete(assessmentScores)
      .where(
        and(
          eq(assessmentScores.month, period.start),
          regions ? inArray(assessmentScores.rankingRegion, regions) : undefined,
        ),
      );
    for (let i = 0; i < rows.length; i += 500)
      await tx.insert(assessmentScores).values(rows.slice(i, i + 500));
    if (options.audit)
      await recordAudit(tx, options.audit, {
        action: 'assessment.compute',
        targetType: 'region',
        targetId: options.regionPath?.split('/').at(-1) ?? 'all',
        summary: { month, scores: rows.length, complete: period.complete },
      });
    return { scores: rows.length, computedAt };
  });
}
