import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../../common/working-days.ts';
import type { DbOrTx } from '../../core/db/client.ts';
import { monthlyRatingCounts } from '../../ratings/index.ts';

/** The figures of a region subtree over China days, as the statistics compute them from the rollups. */
export type ReadBack = {
  received: number;
  concluded: number;
  /** Share of the received cases by channel. */
  channels: { online: number; counter: number; kiosk: number; agent: number };
  immediateShare: number | null;
  onTimeRate: number | null;
  concludedLate: number;
  actualCompression: number | null;
  /** Σ(legal − promised) ÷ Σ legal over the same concluded cases: what their promises compress. */
  promisedCompression: number | null;
  averageVisits: number | null;
  atMostOneVisitShare: number | null;
  zeroVisitShare: number | null;
  fullyOnlineShare: number | null;
  materialReduction: number | null;
  prefillRate: number | null;
  gapsShare: number | null;
  promiseShare: number | null;
  firstTimeSuccess: number | null;
  satisfaction: number | null;
  ratings: number;
  badRectified: number | null;
};

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The months (YYYY-MM) the days from `from` to `to` fall in. */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/**
 * Reads the figures of the region `regionCode` and the regions below it from case_daily (the days
 * from `from` to `to`) and rating_monthly (the months they fall in), with the formulas of
 * common/statistics/figures.ts.
 */
export async function readBack(
  db: DbOrTx,
  options: { regionCode: string; from: IsoDate; to: IsoDate },
): Promise<ReadBack> {
  const { regionCode, from, to } = options;
  const { rows } = await db.execute(sql`
    WITH region AS (SELECT path FROM regions WHERE code = ${regionCode})
    SELECT sum(received)::float8 AS received, sum(received_online)::float8 AS online,
      sum(received_counter)::float8 AS counter, sum(received_kiosk)::float8 AS kiosk,
      sum(received_agent)::float8 AS agent, sum(materials_reused)::float8 AS reused,
      sum(materials_uploaded)::float8 AS uploaded, sum(form_fields_filled)::float8 AS filled,
      sum(form_fields_prefilled)::float8 AS prefilled, sum(accepted)::float8 AS accepted,
      sum(accepted_with_gaps)::float8 AS gaps, sum(accepted_on_promise)::float8 AS promise,
      sum(concluded)::float8 AS concluded, sum(concluded_immediate)::float8 AS immediate,
      sum(concluded_on_time)::float8 AS on_time, sum(concluded_late)::float8 AS late,
      sum(concluded_fully_online)::float8 AS fully_online, sum(concluded_zero_visits)::float8 AS zero,
      sum(concluded_at_most_one_visit)::float8 AS at_most_one, sum(visits_sum)::float8 AS visits,
      sum(concluded_supplemented)::float8 AS supplemented, sum(used_working_days_sum)::float8 AS used,
      sum(promised_working_days_sum)::float8 AS promised, sum(legal_working_days_sum)::float8 AS legal
    FROM case_daily d, region r
    WHERE (d.region_path = r.path OR d.region_path LIKE r.path || '/%') AND d.day BETWEEN ${from} AND ${to}`);
  const n = (key: string) => Number(rows[0]?.[key] ?? 0);
  let [rated, satisfied, bad, rectified] = [0, 0, 0, 0];
  for (const month of monthsBetween(from, to)) {
    const counts = (await monthlyRatingCounts(db, month, 'region', [regionCode])).get(regionCode);
    rated += counts?.total ?? 0;
    satisfied += counts?.satisfied ?? 0;
    bad += counts?.bad ?? 0;
    rectified += counts?.rectified ?? 0;
  }
  const received = n('received');
  const share = (key: string) => (received > 0 ? n(key) / received : 0);
  return {
    received,
    concluded: n('concluded'),
    channels: {
      online: share('online'),
      counter: share('counter'),
      kiosk: share('kiosk'),
      agent: share('agent'),
    },
    immediateShare: ratio(n('immediate'), n('concluded')),
    onTimeRate: ratio(n('on_time'), n('concluded')),
    concludedLate: n('late'),
    actualCompression: ratio(n('legal') - n('used'), n('legal')),
    promisedCompression: ratio(n('legal') - n('promised'), n('legal')),
    averageVisits: ratio(n('visits'), n('concluded')),
    atMostOneVisitShare: ratio(n('at_most_one'), n('concluded')),
    zeroVisitShare: ratio(n('zero'), n('concluded')),
    fullyOnlineShare: ratio(n('fully_online'), n('concluded')),
    materialReduction: ratio(n('reused'), n('reused') + n('uploaded')),
    prefillRate: ratio(n('prefilled'), n('filled')),
    gapsShare: ratio(n('gaps'), n('accepted')),
    promiseShare: ratio(n('promise'), n('accepted')),
    firstTimeSuccess: ratio(n('concluded') - n('supplemented'), n('concluded')),
    satisfaction: ratio(satisfied, rated),
    ratings: rated,
    badRectified: ratio(rectified, bad),
  };
}
