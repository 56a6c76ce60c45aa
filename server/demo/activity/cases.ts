import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';
import { SLOTS } from './matters.ts';
import type { ActivityProfile } from './profile.ts';
import { hashBits, uniform } from './random.ts';
import { DRAWN_MATERIAL_COUNTS } from './timeline.ts';

/** What the statement generating the cases needs besides the profile. */
export type CasePlan = {
  count: number;
  seed: number;
  openShare: number;
  /** Working-day numbers of the first and last day cases conclude on. */
  first: number;
  last: number;
  /** Applicants of each kind in gen_applicants. */
  persons: number;
  companies: number;
  /** A region whose cases concluding between two working days are late with another share. */
  lateBoost: { regionCode: string; first: number; last: number; share: number } | null;
};

/** Generations of this many cases or more analyse their temporary tables before joining them. */
export const ANALYZED_FROM = 50_000;
const QUERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const at = (day: string, hours: string) =>
  `((${day} + time '00:00' + (${hours}) * interval '1 hour') AT TIME ZONE 'Asia/Shanghai')`;
const num = (value: number) => {
  if (!Number.isFinite(value)) throw new RangeError(`not a number: ${value}`);
  return String(value);
};

/**
 * Working days a case uses against `pw` working days to its promised deadline: none when immediate,
 * fewer when early (uniform), all of them on the deadline day, one to three more when late.
 */
const usedDays = (row: string, pw: string) =>
  `CASE ${row}.outcome WHEN 'immediate' THEN 0 WHEN 'early' THEN floor(${row}.r_used * ${pw})::int
    WHEN 'deadline' THEN ${pw} ELSE ${pw} + 1 + floor(${row}.r_used * 3)::int END`;

/** Named draws of each case (see random.ts): one slot each. */
const DRAW = {
  group: 1,
  slot: 2,
  channel: 3,
  open: 4,
  day: 5,
  outcome: 6,
  used: 7,
  time: 8,
  lag: 9,
  supplement: 10,
  gap: 11,
  promise: 12,
  pickup: 13,
  applicant: 14,
  window: 15,
  concludedTime: 16,
  kind: 18,
  status: 19,
  acceptTime: 20,
  queryCode: 21,
  tracking: 22,
} as const;

/** The draws, the matter and the working days of each case: concluded on c, accepted on a, d days used. */
function drawnSql(p: ActivityProfile, plan: CasePlan): string {
  const u = (name: keyof typeof DRAW) => uniform('g.i', DRAW[name], plan.seed);
  const ch = p.channels;
  const boost = plan.lateBoost;
  if (boost && !/^\d{6,12}$/.test(boost.regionCode)) throw new RangeError(`region ${boost.regionCode}`);
  const late = boost
    ? `CASE WHEN m.region_code = '${boost.regionCode}' AND c BETWEEN ${num(boost.first)} AND ${num(boost.last)}
        THEN ${num(boost.share)} ELSE ${num(p.promisedOutcome.late)} END`
    : num(p.promisedOutcome.late);
  return `
    SELECT g.i, m.*, b.channel, b.c, b.r_used, b.r_outcome,
      b.grp = 'promised' AND ${u('open')} < ${num(plan.openShare)} AS open,
      CASE WHEN b.grp = 'immediate' THEN 'immediate'
        WHEN b.r_outcome >= 1 - ${late} THEN 'late'
        WHEN b.r_outcome >= 1 - ${late} - ${num(p.promisedOutcome.onDeadline)} THEN 'deadline'
        ELSE 'early' END AS outcome,
      CASE WHEN m.working THEN m.promised_limit ELSE ceil(m.promised_limit * 5 / 7.0)::int END AS pw,
      ${u('time')} AS r_time, ${u('lag')} AS r_lag, ${u('supplement')} < ${num(p.supplementShare)} AS supp,
      ${u('gap')} AS r_gap, ${u('promise')} AS r_promise, ${u('pickup')} AS r_pickup,
      ${u('applicant')} AS r_applicant, ${u('window')} AS r_window, ${u('concludedTime')} AS r_ctime,
      ${u('kind')} AS r_kind, ${u('status')} AS r_status,
      ${u('acceptTime')} AS r_atime
    FROM generate_series(0, ${num(plan.count - 1)}) AS g(i)
    CROSS JOIN LATERAL (SELECT
      CASE WHEN ${u('group')} < ${num(p.immediateShare)} THEN 'immediate' ELSE 'promised' END AS grp,
      floor(${u('slot')} * ${SLOTS})::int AS slot,
      CASE WHEN ${u('channel')} < ${num(ch.online)} THEN 'online'
        WHEN ${u('channel')} < ${num(ch.online + ch.counter)} THEN 'counter'
        WHEN ${u('channel')} < ${num(ch.online + ch.counter + ch.kiosk)} THEN 'kiosk' ELSE 'agent' END AS channel,
      ${num(plan.first)} + floor(${u('day')} * ${num(plan.last - plan.first + 1)})::int AS c,
      ${u('used')} AS r_used, ${u('outcome')} AS r_outcome) b
    JOIN gen_slots s ON s.grp = b.grp AND s.slot = b.slot
    JOIN gen_matters m ON m.n = s.n`;
}

/** Per case: the flags of its path, and the acceptance day `a` from the working days it is estimated to use. */
function pathSql(p: ActivityProfile, plan: CasePlan): string {
  const pick = (table: Record<string, number>) =>
    `CASE x.channel ${Object.entries(table)
      .map(([k, v]) => `WHEN '${k}' THEN ${num(v)}`)
      .join(' ')} END`;
  return `
    SELECT y.*, CASE WHEN y.open THEN ${num(plan.last)} - floor(y.r_used * (y.pw + 5))::int ELSE y.c - y.d_est END AS a
    FROM (SELECT x.*,
      ${usedDays('x', 'x.pw')} AS d_est,
      x.grp = 'promised' AND x.promise_allowed AND x.r_promise < ${num(p.promiseShare)} AS on_promise,
      x.grp = 'promised' AND x.gap_key IS NOT NULL AND NOT (x.promise_allowed AND x.r_promise < ${num(p.promiseShare)})
        AND x.r_gap < ${num(p.gapShare)} AS gap,
      x.grp = 'promised' AND NOT x.open AND x.r_pickup < ${pick(p.pickup)} AS pickup,
      x.channel IN ('counter', 'kiosk') AS in_hall,
      CASE WHEN x.r_lag < ${num(p.onlineLag[0])} THEN 1 WHEN x.r_lag < ${num(p.onlineLag[0] + p.onlineLag[1])} THEN 2 ELSE 3 END AS lag,
      CASE x.service_object WHEN 'person' THEN 'person' WHEN 'company' THEN 'company'
        ELSE CASE WHEN x.r_kind < 0.5 THEN 'person' ELSE 'company' END END AS applicant_kind
      FROM (${drawnSql(p, plan)} OFFSET 0) x OFFSET 0) y`;
}

/** Per case: the applicant, the acceptance day, the deadlines and the working days used against them. */
function deadlinesSql(plan: CasePlan): string {
  const kinds = `CASE z.applicant_kind WHEN 'person' THEN ${num(plan.persons)} ELSE ${num(plan.companies)} END`;
  return `
    SELECT z.*, ap.id AS applicant_id, wa.day AS accepted_on, ws.day AS first_visit_day,
      wp.day AS promised_deadline, wl.day AS legal_deadline, CASE WHEN z.open AND z.gap THEN wg.day END AS gap_deadline,
      CASE WHEN z.open THEN NULL ELSE least(z.a + ${usedDays('z', '(wp.wn - z.a)')}, ${num(plan.last)}) - z.a END AS used_days,
      CASE WHEN z.channel = 'counter' THEN coalesce(wd.window_id, wx.window_id) END AS window_id
    FROM gen_paths z
    JOIN gen_applicants ap ON ap.kind = z.applicant_kind AND ap.k = floor(z.r_applicant * ${kinds})::int
    JOIN gen_workdays wa ON wa.wn = z.a
    JOIN gen_workdays ws ON ws.wn = z.a - 2
    JOIN gen_workdays wg ON wg.wn = z.a + 5
    LEFT JOIN gen_calendar cp ON NOT z.working AND cp.day = wa.day + z.promised_limit
    LEFT JOIN gen_calendar cl ON NOT z.working AND cl.day = wa.day + z.legal_limit
    JOIN gen_workdays wp ON wp.wn = CASE WHEN z.working THEN z.a + z.promised_limit ELSE cp.next_wn END
    JOIN gen_workdays wl ON wl.wn = CASE WHEN z.working THEN z.a + z.legal_limit ELSE cl.next_wn END
    LEFT JOIN gen_windows wd ON z.channel = 'counter' AND wd.hall_id = z.hall_id
      AND wd.department_id = z.department_id AND wd.k = 0
    LEFT JOIN gen_windows wx ON z.channel = 'counter' AND wx.hall_id = z.hall_id AND wx.department_id IS NULL
      AND wx.k = floor(z.r_window * wx.windows)::int`;
}

/**
 * Creates gen_cases: every generated case with its dates (China time), deadlines, visits and the
 * columns of the cases table, from the working-day calendar, the matters and the applicants. The
 * acceptance day comes from the conclusion day less the working days estimated; the days used are
 * then counted against the exact deadline (a limit in natural days has as many working days as its
 * span holds), so the share of late cases is the profile's.
 */
export async function createCases(db: DbOrTx, p: ActivityProfile, plan: CasePlan): Promise<void> {
  const code = hashBits('q.i', DRAW.queryCode, plan.seed);
  const queryCode = Array.from(
    { length: 6 },
    (_, k) => `substr('${QUERY_ALPHABET}', 1 + ((${code} >> ${k * 5}) & 31)::int, 1)`,
  ).join(' || ');
  await db.execute(sql.raw(`CREATE TEMP TABLE gen_paths AS ${pathSql(p, plan)}`));
  // Row counts for the plan of the next statement (a thousand cases are planned well enough without).
  if (plan.count >= ANALYZED_FROM) await db.execute(sql`ANALYZE gen_paths`);
  await db.execute(
    sql.raw(`
    CREATE TEMP TABLE gen_cases AS
    SELECT t.*,
      CASE WHEN NOT t.open THEN 'delivered' WHEN t.on_promise THEN 'approved_on_promise'
        WHEN t.gap THEN 'accepted_with_gaps' WHEN t.r_status < 0.4 THEN 'accepted' ELSE 'in_review' END AS status,
      CASE WHEN t.open THEN NULL
        WHEN t.grp = 'immediate' THEN t.accept_at + (10 + t.r_ctime * 50) * interval '1 minute'
        ELSE greatest(${at('t.concluded_day', '9 + t.r_ctime * 8')}, t.accept_at + interval '1 hour') END AS concluded_at
    FROM (SELECT q.*, gen_random_uuid() AS id, wc.day AS concluded_day,
      CASE WHEN q.in_hall THEN ${at('q.accepted_on', '9 + q.r_atime * 7.5')}
        ELSE ${at('q.accepted_on', '9 + q.r_atime * 7')} END AS accept_at,
      CASE WHEN q.in_hall AND q.supp THEN ${at('q.first_visit_day', '9 + q.r_time * 7')}
        WHEN q.in_hall THEN ${at('q.accepted_on', '9 + q.r_atime * 7.5')} - interval '10 minutes'
        ELSE ${at('q.accepted_on - q.lag', '8 + q.r_time * 14')} END AS submitted_at,
      CASE WHEN q.in_hall THEN q.hall_id END AS case_hall_id,
      CASE WHEN q.open THEN NULL WHEN q.grp = 'promised' THEN CASE WHEN q.pickup THEN 'window_pickup' ELSE 'post' END
        WHEN q.in_hall THEN 'window_pickup' ELSE 'post' END AS delivery,
      q.in_hall::int * (1 + q.supp::int) + q.pickup::int AS visits,
      ${queryCode} AS query_code,
      'SF' || lpad((abs(${hashBits('q.i', DRAW.tracking, plan.seed)}) % 1000000000000)::text, 12, '0') AS tracking
      FROM (${deadlinesSql(plan)} OFFSET 0) q
      LEFT JOIN gen_workdays wc ON NOT q.open AND wc.wn = q.a + q.used_days) t`),
  );
  await db.execute(sql`DROP TABLE gen_paths`);
}

/**
 * Inserts gen_cases into cases, numbered per region and filing day after the numbers already drawn,
 * each with the counts of its materials drawn (gen_attachments) and whether it had a 补正; in
 * the order of the ids (here, and for the rows of each case elsewhere), so that the indexes on a case
 * id are written in one sweep rather than at random pages: much faster at a million cases.
 */
export async function insertCases(db: DbOrTx): Promise<number> {
  const inserted = await db.execute(sql`
    INSERT INTO cases (id, case_no, query_code, implementation_id, version_id, department_id, region_code,
      region_path, applicant_id, channel, hall_id, window_id, status, case_type, gaps, gap_deadline, accepted_with_gaps, accepted_on, promised_deadline, legal_deadline,
      working_days_used, visits, delivery, tracking_no, on_promise, submitted_by, version, submitted_at,
      concluded_at, created_at, updated_at, materials_reused, materials_uploaded, supplemented)
    SELECT g.id, g.prefix || lpad((coalesce(n.last, 0) + g.seq)::text, 6, '0'), g.query_code,
      g.implementation_id, g.version_id, g.department_id, g.region_code, g.region_path, g.applicant_id,
      g.channel, g.case_hall_id, g.window_id, g.status, g.case_type,
      CASE WHEN g.open AND g.gap THEN jsonb_build_array(g.gap_key) ELSE '[]'::jsonb END, g.gap_deadline, coalesce(g.gap, false),
      g.accepted_on, g.promised_deadline, g.legal_deadline, g.used_days,
      g.visits, g.delivery, CASE WHEN g.delivery = 'post' THEN g.tracking END, g.on_promise,
      CASE WHEN g.channel IN ('online', 'kiosk') THEN g.applicant_id END,
      CASE WHEN g.open THEN 3 ELSE 6 END + 2 * g.supp::int, g.submitted_at, g.concluded_at, g.submitted_at,
      coalesce(g.concluded_at, g.accept_at), coalesce(k.reused, 0), coalesce(k.uploaded, 0), g.supp
    FROM (SELECT c.*, c.region_code || '-' || to_char((c.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYYMMDD') || '-' AS prefix,
        row_number() OVER (PARTITION BY c.region_code, (c.submitted_at AT TIME ZONE 'Asia/Shanghai')::date ORDER BY c.i) AS seq
      FROM gen_cases c) g
    LEFT JOIN case_number_counters n ON n.prefix = g.prefix
    LEFT JOIN ${DRAWN_MATERIAL_COUNTS} k ON k.case_id = g.id
    ORDER BY g.id`);
  await db.execute(sql`
    INSERT INTO case_number_counters (prefix, last)
    SELECT left(c.case_no, length(c.case_no) - 6), max(right(c.case_no, 6)::integer)
    FROM cases c JOIN gen_cases g ON g.id = c.id GROUP BY 1
    ON CONFLICT (prefix) DO UPDATE SET last = greatest(case_number_counters.last, EXCLUDED.last)`);
  return inserted.rowCount ?? 0;
}

export const DROP_CASES = sql`DROP TABLE IF EXISTS gen_cases, gen_paths`;
