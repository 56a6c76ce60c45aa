import { sql } from 'drizzle-orm';
import { addNaturalDays, type IsoDate } from '../../../common/working-days.ts';
import { todayInChina } from '../../calendar/index.ts';
import type { Db, DbOrTx } from '../../core/db/client.ts';
import { rebuildRatingMonthly } from '../../ratings/index.ts';
import { rebuildCaseDaily } from '../../statistics/index.ts';
import { createApplicants, DROP_APPLICANTS } from './applicants.ts';
import { createCalendar, DROP_CALENDAR, workdayRange } from './calendar.ts';
import { ANALYZED_FROM, createCases, DROP_CASES, insertCases } from './cases.ts';
import { createMatters, DROP_MATTERS } from './matters.ts';
import { type ActivityProfile, XIAN_PROFILE } from './profile.ts';
import { checkedSeed } from './random.ts';
import { insertRatings } from './ratings.ts';
import { drawAttachments, insertAttachments, insertTimeline } from './timeline.ts';

export type ActivityOptions = {
  /** A database with the demo catalogue and organisations (a transaction works too). */
  db: DbOrTx;
  /** Cases to generate, open ones included. */
  count: number;
  /** The China days cases conclude on (open cases were accepted shortly before `to`); `to` before today. */
  from: IsoDate;
  to: IsoDate;
  /** The random seed: the same seed, catalogue and days give the same cases. */
  seed: number;
  profile?: ActivityProfile;
  /** Share of the promised cases still open (in the departments' queues). Default 0. */
  openShare?: number;
  /** People and companies who file them. Default: one for every 50 cases, 40 to 20,000. */
  applicants?: number;
  /** Cases of a region concluding between two days that are late with another share (e.g. a bad month). */
  lateBoost?: { regionCode: string; from: IsoDate; to: IsoDate; share: number };
  /** Leave case_daily unmarked while inserting (the caller rebuilds it; faster for a million cases). */
  skipRollupMarks?: boolean;
  now?: Date;
  log?: (message: string) => void;
};

export type GeneratedActivity = {
  cases: number;
  open: number;
  events: number;
  attachments: number;
  ratings: number;
  revisits: number;
  applicants: number;
  ms: Record<string, number>;
};

/** Days of calendar kept before and after the window, for acceptance before it and deadlines after it. */
async function calendarMargins(db: DbOrTx): Promise<{ before: number; after: number }> {
  const { rows } = await db.execute<{ promised: number; legal: number }>(sql`
    SELECT coalesce(max(promised_limit), 0)::int AS promised, coalesce(max(legal_limit), 0)::int AS legal
    FROM gen_matters`);
  const { promised, legal } = rows[0]!;
  return { before: 2 * promised + 40, after: 2 * legal + 40 };
}

/**
 * Generates a year (or any window) of activity over the published implementations of the profile's
 * regions, in bulk SQL within one transaction: applicants, cases with their timelines, materials and
 * ratings (see profile.ts for the shapes and where they come from). Rollups are not rebuilt here:
 * call rebuildActivityFigures once the transaction has committed.
 */
export async function generateActivity(options: ActivityOptions): Promise<GeneratedActivity> {
  const { count, from, to } = options;
  const profile = options.profile ?? XIAN_PROFILE;
  const seed = checkedSeed(options.seed);
  const now = options.now ?? new Date();
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a positive integer: ${count}`);
  if (!(from <= to && to < todayInChina(now)))
    throw new RangeError(`the days ${from}…${to} must end before today`);
  const ms: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    ms[name] = Math.round(performance.now() - clock);
    options.log?.(`${name}: ${ms[name]} ms`);
    clock = performance.now();
  };
  const result = await options.db.transaction(async (tx) => {
    // Sorting a million cases' timelines in memory rather than on disk (the transaction's setting only).
    await tx.execute(sql`SET LOCAL work_mem = '128MB'`);
    const groups = await createMatters(tx, profile.regions);
    if (!groups.immediate || !groups.promised)
      throw new Error('no published matters of both kinds in the regions');
    const margins = await calendarMargins(tx);
    await createCalendar({
      db: tx,
      from: addNaturalDays(from, -margins.before),
      to: addNaturalDays(to, margins.after),
    });
    const range = await workdayRange(tx, from, to);
    const boost = options.lateBoost
      ? { ...options.lateBoost, ...(await workdayRange(tx, options.lateBoost.from, options.lateBoost.to)) }
      : null;
    const people = options.applicants ?? Math.min(20_000, Math.max(40, Math.round(count / 50)));
    const applicants = await createApplicants(tx, {
      persons: Math.ceil(people * 0.6),
      companies: Math.ceil(people * 0.4),
    });
    lap(`matters, calendar, ${applicants.person + applicants.company} applicants`);
    await createCases(tx, profile, {
      count,
      seed,
      openShare: options.openShare ?? 0,
      first: range.first,
      last: range.last,
      persons: applicants.person,
      companies: applicants.company,
      lateBoost: boost,
    });
    if (count >= ANALYZED_FROM) await tx.execute(sql`ANALYZE gen_cases`);
    lap('drawn');
    await drawAttachments(tx, profile, seed);
    if (options.skipRollupMarks) await rollupMarks(tx, 'DISABLE');
    const cases = await insertCases(tx);
    if (cases !== count) throw new Error(`generated ${cases} cases of ${count}: the calendar is too short`);
    lap(`${cases} cases`);
    const events = await insertTimeline(tx, now);
    lap(`${events} events`);
    const attachments = await insertAttachments(tx);
    lap(`${attachments} materials`);
    if (options.skipRollupMarks) await rollupMarks(tx, 'ENABLE');
    const rated = await insertRatings(tx, profile, seed, now);
    lap(`${rated.ratings} ratings, ${rated.revisits} revisits`);
    const { rows } = await tx.execute<{ open: number }>(
      sql`SELECT count(*) FILTER (WHERE open)::int AS open FROM gen_cases`,
    );
    for (const drop of [DROP_CASES, DROP_APPLICANTS, DROP_CALENDAR, DROP_MATTERS]) await tx.execute(drop);
    return {
      cases,
      open: rows[0]!.open,
      events,
      attachments,
      ...rated,
      applicants: applicants.person + applicants.company,
    };
  });
  return { ...result, ms };
}

/** Rebuilds what is kept from cases and ratings: rating_monthly, then case_daily. */
export async function rebuildActivityFigures(db: Db): Promise<{ ratingRows: number; caseDailyRows: number }> {
  const ratings = await rebuildRatingMonthly(db);
  const daily = await rebuildCaseDaily(db);
  return { ratingRows: ratings.rows, caseDailyRows: daily.rows };
}

/**
 * Turns off or on the queueing of the cases' changes for case_daily and the recount of their
 * materials by the attachments' trigger (the cases are inserted with their counts).
 */
async function rollupMarks(tx: DbOrTx, mode: 'DISABLE' | 'ENABLE'): Promise<void> {
  for (const trigger of ['case_daily_mark', 'case_daily_mark_insert']) {
    await tx.execute(sql.raw(`ALTER TABLE cases ${mode} TRIGGER ${trigger}`));
  }
  await tx.execute(sql.raw(`ALTER TABLE case_attachments ${mode} TRIGGER case_attachments_recount_insert`));
}
