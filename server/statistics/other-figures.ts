import type { DbOrTx } from '../core/db/client.ts';
import { monthlyHotlineCounts } from '../hotline/index.ts';
import { monthlyRatingCounts } from '../ratings/index.ts';
import { ticketWaits } from '../tickets/index.ts';
import type { StatisticsScope } from './access.ts';
import type { OtherCounts } from './figure-values.ts';
import { type DayRange, monthsOf } from './period.ts';

/**
 * The figures read beside the cases, each where its scope can be counted (null where not):
 * - ratings (满意率, 差评整改率) from rating_monthly over the months the period touches: of the
 *   region, the department or the hall; not of a matter, nor of a department and a hall together;
 * - 12345 from hotline_monthly over those months: of the region or the department; not of a hall or a
 *   matter (requests name neither);
 * - the wait in halls from the tickets of the period: of the region's halls or the hall; not of a
 *   department or a matter (a ticket names neither).
 */

type Place = ['department' | 'hall' | 'region', string];

/** Where the monthly ratings of the scope are kept, or null when they are not kept for it. */
function ratingPlace(scope: StatisticsScope): Place | null {
  if (scope.matter || (scope.department && scope.hall)) return null;
  if (scope.hall) return ['hall', scope.hall.id];
  if (scope.department) return ['department', scope.department.id];
  return ['region', scope.region.code];
}

/** Where the monthly 12345 counts of the scope are kept, or null when they are not kept for it. */
function hotlinePlace(scope: StatisticsScope): Place | null {
  if (scope.matter || scope.hall) return null;
  if (scope.department) return ['department', scope.department.id];
  return ['region', scope.region.code];
}

/** The wait in halls can be counted: no department and no matter was chosen. */
const ticketsCounted = (scope: StatisticsScope): boolean => !scope.department && !scope.matter;

/** Which of the other figures the scope can count. */
export function otherAvailability(scope: StatisticsScope): {
  ratings: boolean;
  hotline: boolean;
  tickets: boolean;
} {
  return {
    ratings: ratingPlace(scope) !== null,
    hotline: hotlinePlace(scope) !== null,
    tickets: ticketsCounted(scope),
  };
}

async function ratingsOver(db: DbOrTx, place: Place, range: DayRange) {
  const sums = { total: 0, satisfied: 0, bad: 0, rectified: 0 };
  const months = await Promise.all(
    monthsOf(range).map(async (month) =>
      (await monthlyRatingCounts(db, month, place[0], [place[1]])).get(place[1]),
    ),
  );
  for (const counts of months) {
    if (!counts) continue;
    sums.total += counts.total;
    sums.satisfied += counts.satisfied;
    sums.bad += counts.bad;
    sums.rectified += counts.rectified;
  }
  return sums;
}

async function hotlineOver(db: DbOrTx, place: Place, range: DayRange) {
  const sums = { closed: 0, closedOnTime: 0, overdueOpen: 0 };
  const scopeKind = place[0] === 'department' ? 'department' : 'region';
  const months = await Promise.all(
    monthsOf(range).map(async (month) =>
      (await monthlyHotlineCounts(db, { month, scopeKind, scopeIds: [place[1]] })).get(place[1]),
    ),
  );
  for (const counts of months) {
    if (!counts) continue;
    sums.closed += counts.closed;
    sums.closedOnTime += counts.closedOnTime;
    sums.overdueOpen += counts.overdueOpen;
  }
  return sums;
}

/** The other counts of the scope over a period (overdueOpen is filled in by the caller). */
export async function otherCounts(
  db: DbOrTx,
  scope: StatisticsScope,
  range: DayRange,
): Promise<Omit<OtherCounts, 'overdueOpen'>> {
  const ratings = ratingPlace(scope);
  const hotline = hotlinePlace(scope);
  const [ratingSums, hotlineSums, tickets] = await Promise.all([
    ratings ? ratingsOver(db, ratings, range) : null,
    hotline ? hotlineOver(db, hotline, range) : null,
    ticketsCounted(scope)
      ? ticketWaits(db, {
          from: range.from,
          to: range.to,
          ...(scope.hall ? { hallId: scope.hall.id } : { regionPath: scope.region.path }),
        })
      : null,
  ]);
  return { ratings: ratingSums, hotline: hotlineSums, tickets };
}
