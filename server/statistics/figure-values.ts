import type { Static } from 'typebox';
import type { BreakdownRow, FigureValue } from '../../common/statistics/api.ts';
import { FIGURE_KEYS, type FigureKey } from '../../common/statistics/figures.ts';
import type { Sums } from './figures-sql.ts';
import { CASE_DAILY_COUNTS } from './recompute.ts';

/**
 * Each figure of the statistics from the summed daily counts of a period: a count, a share of a
 * whole (null when the whole is 0, never 0/0 shown as 0 %), or an average, each with the numerator
 * and denominator it came from.
 */

export type Value = Static<typeof FigureValue>;
type Row = Static<typeof BreakdownRow>;

/** The counts of the figures read beside the cases: open cases, ratings, 12345 and tickets. */
export type OtherCounts = {
  overdueOpen: number;
  ratings: { total: number; satisfied: number; bad: number; rectified: number } | null;
  hotline: { closed: number; closedOnTime: number; overdueOpen: number } | null;
  /** Tickets called and the seconds they waited from taking to the call. */
  tickets: { called: number; waitSeconds: number } | null;
};

export const zeroSums = (): Sums =>
  Object.fromEntries(CASE_DAILY_COUNTS.map((c) => [c, 0])) as unknown as Sums;

/** Adds the counted columns of `row` (numbers, or numeric strings) into `into`. */
export function addSums(into: Sums, row: Partial<Record<string, unknown>>): Sums {
  for (const c of CASE_DAILY_COUNTS) into[c] += Number(row[c] ?? 0);
  return into;
}

const round = (value: number, places: number) => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

/** A count: its value is the numerator, whatever the denominator (the whole it is a part of). */
export const count = (numerator: number, denominator = numerator): Value => ({
  value: numerator,
  numerator,
  denominator,
});

/** A share in [0, 1], four decimals; null when the whole is 0. */
export const share = (numerator: number, denominator: number): Value => ({
  value: denominator > 0 ? round(numerator / denominator, 4) : null,
  numerator,
  denominator,
});

/** An average, two decimals; null when there is nothing to average. */
export const average = (numerator: number, denominator: number): Value => ({
  value: denominator > 0 ? round(numerator / denominator, 2) : null,
  numerator,
  denominator,
});

/**
 * The smallest number of working days within which at least 90 % of the cases were done, from the
 * histogram (days → cases); the numerator is how many were done within it.
 */
export function p90(histogram: ReadonlyMap<number, number>): Value {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return { value: null, numerator: 0, denominator: 0 };
  let within = 0;
  for (const days of [...histogram.keys()].sort((a, b) => a - b)) {
    within += histogram.get(days) ?? 0;
    if (within * 10 >= total * 9) return { value: days, numerator: within, denominator: total };
  }
  return { value: null, numerator: 0, denominator: total };
}

/** The figures of the cases (every key but those of ratings, 12345 and tickets) from a period's sums. */
export function caseFigures(
  s: Sums,
  histogram: ReadonlyMap<number, number>,
  overdueOpen: number,
): Record<FigureKey, Value> {
  const concluded = s.concluded;
  return {
    received: count(s.received),
    receivedOnline: count(s.received_online, s.received),
    receivedCounter: count(s.received_counter, s.received),
    receivedKiosk: count(s.received_kiosk, s.received),
    receivedAgent: count(s.received_agent, s.received),
    accepted: count(s.accepted),
    concluded: count(concluded),
    immediateShare: share(s.concluded_immediate, concluded),
    onTimeRate: share(s.concluded_on_time, concluded),
    concludedLate: count(s.concluded_late, concluded),
    overdueOpen: count(overdueOpen),
    averageWorkingDays: average(s.used_working_days_sum, s.timed_concluded),
    p90WorkingDays: p90(histogram),
    actualCompression: share(s.legal_working_days_sum - s.used_working_days_sum, s.legal_working_days_sum),
    averageVisits: average(s.visits_sum, concluded),
    atMostOneVisitShare: share(s.concluded_at_most_one_visit, concluded),
    zeroVisitShare: share(s.concluded_zero_visits, concluded),
    fullyOnlineShare: share(s.concluded_fully_online, concluded),
    materialReduction: share(s.materials_reused, s.materials_reused + s.materials_uploaded),
    prefillRate: share(s.form_fields_prefilled, s.form_fields_filled),
    gapsShare: share(s.accepted_with_gaps, s.accepted),
    promiseShare: share(s.accepted_on_promise, s.accepted),
    firstTimeSuccess: share(concluded - s.concluded_supplemented, concluded),
    satisfaction: share(0, 0),
    badRectified: share(0, 0),
    hotlineOnTime: share(0, 0),
    averageWaitMinutes: average(0, 0),
  };
}

/** Every figure of a period: the cases' and, where they can be counted, the others. */
export function allFigures(
  s: Sums,
  histogram: ReadonlyMap<number, number>,
  other: OtherCounts,
): Record<FigureKey, Value> {
  const figures = caseFigures(s, histogram, other.overdueOpen);
  if (other.ratings) {
    figures.satisfaction = share(other.ratings.satisfied, other.ratings.total);
    figures.badRectified = share(other.ratings.rectified, other.ratings.bad);
  }
  if (other.hotline) {
    const h = other.hotline;
    figures.hotlineOnTime = share(h.closedOnTime, h.closed + h.overdueOpen);
  }
  if (other.tickets) {
    const { called, waitSeconds } = other.tickets;
    figures.averageWaitMinutes = {
      value: called > 0 ? round(waitSeconds / 60 / called, 1) : null,
      numerator: round(waitSeconds / 60, 1),
      denominator: called,
    };
  }
  return figures;
}

/** The figures in FIGURE_KEYS order. */
export const inOrder = <T>(byKey: Record<FigureKey, T>): [FigureKey, T][] =>
  FIGURE_KEYS.map((key) => [key, byKey[key]]);

/** A row of a breakdown (a child region or a department) from its sums. */
export function breakdownRow(id: string, name: string, s: Sums): Row {
  return {
    id,
    name,
    received: s.received,
    concluded: s.concluded,
    onTimeRate: share(s.concluded_on_time, s.concluded).value,
    concludedLate: s.concluded_late,
    averageVisits: average(s.visits_sum, s.concluded).value,
    atMostOneVisitShare: share(s.concluded_at_most_one_visit, s.concluded).value,
    fullyOnlineShare: share(s.concluded_fully_online, s.concluded).value,
    averageWorkingDays: average(s.used_working_days_sum, s.timed_concluded).value,
  };
}
