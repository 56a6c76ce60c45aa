import type { Static } from 'typebox';
import type { Figures, FigureValue } from '../../common/assessment/api.ts';
import { ASSESSMENT_FIGURES, type AssessmentFigure } from '../../common/assessment/lists.ts';

/** What one department or district did in a month, as the score counts it. */
export type ScopeCounts = {
  cases: {
    concluded: number;
    onTime: number;
    atMostOneVisit: number;
    visits: number;
    dueOrConcluded: number;
    wentRed: number;
  };
  ratings: { total: number; satisfied: number; defaults: number; bad: number; rectifiedInTime: number };
  hotline: { received: number; closed: number; closedOnTime: number; overdueOpen: number };
};

export type Weights = Record<AssessmentFigure, number>;
export type FigureSet = Static<typeof Figures>;
type Figure = Static<typeof FigureValue>;

export const zeroCounts = (): ScopeCounts => ({
  cases: { concluded: 0, onTime: 0, atMostOneVisit: 0, visits: 0, dueOrConcluded: 0, wentRed: 0 },
  ratings: { total: 0, satisfied: 0, defaults: 0, bad: 0, rectifiedInTime: 0 },
  hotline: { received: 0, closed: 0, closedOnTime: 0, overdueOpen: 0 },
});

/** Adds `more` into `into`, part by part. */
export function addCounts(into: ScopeCounts, more: Partial<ScopeCounts>): ScopeCounts {
  for (const part of ['cases', 'ratings', 'hotline'] as const) {
    const source = more[part] as Record<string, number> | undefined;
    if (!source) continue;
    const target = into[part] as Record<string, number>;
    for (const key of Object.keys(target)) target[key] = (target[key] ?? 0) + Number(source[key] ?? 0);
  }
  return into;
}

/** No cases, ratings or requests at all in the month (无业务): not ranked. */
export const isIdle = (c: ScopeCounts): boolean =>
  c.cases.dueOrConcluded === 0 &&
  c.ratings.total === 0 &&
  c.hotline.received + c.hotline.closed + c.hotline.overdueOpen === 0;

const share = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

function figure(numerator: number, denominator: number, weight: number): Figure {
  const value = share(numerator, denominator);
  return { value: value ?? 1, numerator, denominator, weight, empty: value === null };
}

/** Each figure of the score, a share in [0, 1] (more is better); nothing to count is full marks. */
export function figuresOf(c: ScopeCounts, weights: Weights): FigureSet {
  const { cases, ratings, hotline } = c;
  const withoutDefaults = ratings.total - ratings.defaults;
  return {
    onTime: figure(cases.onTime, cases.concluded, weights.onTime),
    satisfaction: {
      ...figure(ratings.satisfied, ratings.total, weights.satisfaction),
      withoutDefaults: share(ratings.satisfied - ratings.defaults, withoutDefaults),
    },
    badRectifiedInTime: figure(ratings.rectifiedInTime, ratings.bad, weights.badRectifiedInTime),
    hotlineOnTime: figure(hotline.closedOnTime, hotline.closed + hotline.overdueOpen, weights.hotlineOnTime),
    visits: {
      ...figure(cases.atMostOneVisit, cases.concluded, weights.visits),
      averageVisits: cases.concluded > 0 ? Math.round((cases.visits / cases.concluded) * 100) / 100 : null,
    },
    warnings: figure(cases.dueOrConcluded - cases.wentRed, cases.dueOrConcluded, weights.warnings),
  };
}

/** Σ weight × figure ÷ Σ weight × 100, two decimals (0 when every weight is 0). */
export function scoreOf(figures: FigureSet): number {
  let weighted = 0;
  let total = 0;
  for (const key of ASSESSMENT_FIGURES) {
    weighted += figures[key].weight * figures[key].value;
    total += figures[key].weight;
  }
  return total > 0 ? Math.round((weighted / total) * 10_000) / 100 : 0;
}

/** Ranks by score, best first; equal scores share the better rank (1, 1, 3). */
export function rankByScore<T extends { score: number; name: string }>(
  entries: T[],
): (T & { rank: number; rankedOf: number })[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || entry.score !== sorted[i - 1]?.score) rank = i + 1;
    return { ...entry, rank, rankedOf: sorted.length };
  });
}

/**
 * The rank of last place in a ranking: the worst rank, shared by every scope tied for it (1, 2, 2: both
 * 2s are last), when some scope scored better; 0 when nobody is last (one scope, or all tied).
 */
export function lastRankOf(ranks: readonly number[]): number {
  const worst = Math.max(0, ...ranks);
  return worst > 1 ? worst : 0;
}

/** Whether a rank is last place, given the ranking's lastRankOf. */
export const isLast = (rank: number, lastRank: number): boolean => lastRank > 0 && rank === lastRank;
