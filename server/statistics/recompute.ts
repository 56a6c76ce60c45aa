import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';

/** The counted columns of case_daily, in the order the passes produce them. */
export const CASE_DAILY_COUNTS = [
  'received',
  'received_online',
  'received_counter',
  'received_kiosk',
  'received_agent',
  'materials_reused',
  'materials_uploaded',
  'form_fields_filled',
  'form_fields_prefilled',
  'accepted',
  'accepted_with_gaps',
  'accepted_on_promise',
  'concluded',
  'concluded_immediate',
  'concluded_on_time',
  'concluded_late',
  'concluded_fully_online',
  'concluded_zero_visits',
  'concluded_at_most_one_visit',
  'visits_sum',
  'concluded_supplemented',
  'timed_concluded',
  'used_working_days_sum',
  'promised_working_days_sum',
  'legal_working_days_sum',
] as const;

/**
 * What each case contributes, on each of its days (kind r: filed, a: accepted, c: concluded):
 * - received*: on the filing day (coalesce(submitted_at, created_at), China date), by channel; with the
 *   materials of the case as 材料减免率 counts them (materials_reused, materials_uploaded, kept on the
 *   case by the triggers of case_attachments) and the form fields filled and prefilled;
 * - accepted*: on accepted_on; 容缺 when accepted with gaps (accepted_with_gaps, kept after the missing
 *   materials arrive), 告知承诺 when on_promise;
 * - concluded*: on the day of concluded_at (China date): immediate when case_type is 'immediate'; on time
 *   when that day is not after promised_deadline (or there is none), else late; 全程网办 when filed online
 *   with no visit; visits summed; 补正 when the case had a request_supplement event (supplemented, set
 *   by the trigger of case_events); and for matters whose limits are in working days (the version's
 *   limit_unit) the working days used, promised and legal.
 */
/** Concluded, of a matter whose limits are in working days (the version's limit_unit), with the days used. */
const TIMED_CASE = `v.limit_unit = 'working_days' AND c.working_days_used IS NOT NULL`;
export const TIMED = `e.kind = 'c' AND ${TIMED_CASE}`;

/** The kind of a case's day: filed (r), accepted (a) or concluded (c). */
type Kind = 'r' | 'a' | 'c';

/** Each count of case_daily: the kind of day it counts on, its aggregate and the cases it takes. */
const COUNTED: Record<(typeof CASE_DAILY_COUNTS)[number], [Kind, string, string?]> = {
  received: ['r', 'count(*)'],
  received_online: ['r', 'count(*)', `c.channel = 'online'`],
  received_counter: ['r', 'count(*)', `c.channel = 'counter'`],
  received_kiosk: ['r', 'count(*)', `c.channel = 'kiosk'`],
  received_agent: ['r', 'count(*)', `c.channel = 'agent'`],
  materials_reused: ['r', 'sum(c.materials_reused)'],
  materials_uploaded: ['r', 'sum(c.materials_uploaded)'],
  form_fields_filled: ['r', 'sum(c.form_fields_filled)'],
  form_fields_prefilled: ['r', 'sum(c.form_fields_prefilled)'],
  accepted: ['a', 'count(*)'],
  accepted_with_gaps: ['a', 'count(*)', 'c.accepted_with_gaps'],
  accepted_on_promise: ['a', 'count(*)', 'c.on_promise'],
  concluded: ['c', 'count(*)'],
  concluded_immediate: ['c', 'count(*)', `c.case_type = 'immediate'`],
  concluded_on_time: ['c', 'count(*)', '(c.promised_deadline IS NULL OR e.day <= c.promised_deadline)'],
  concluded_late: ['c', 'count(*)', 'e.day > c.promised_deadline'],
  concluded_fully_online: ['c', 'count(*)', `c.channel = 'online' AND c.visits = 0`],
  concluded_zero_visits: ['c', 'count(*)', 'c.visits = 0'],
  concluded_at_most_one_visit: ['c', 'count(*)', 'c.visits <= 1'],
  visits_sum: ['c', 'sum(c.visits)'],
  concluded_supplemented: ['c', 'count(*)', 'c.supplemented'],
  timed_concluded: ['c', 'count(*)', TIMED_CASE],
  used_working_days_sum: ['c', 'sum(c.working_days_used)', TIMED_CASE],
  promised_working_days_sum: ['c', 'sum(v.promised_limit)', TIMED_CASE],
  legal_working_days_sum: ['c', 'sum(v.legal_limit)', TIMED_CASE],
};

/**
 * The contributions of the cases `c` (with their versions `v`) on their days `e` (day, kind), in the
 * order of CASE_DAILY_COUNTS; only those of the kinds given are aggregated, the others are 0 (a pass
 * over one kind of day evaluates its own counts only). With a `weight` (the sign of a change), each
 * case counts that many times: a count sums the weights and a sum the weighted values.
 */
function contributionsSql(kinds: readonly Kind[] = ['r', 'a', 'c'], weight?: string): string {
  return CASE_DAILY_COUNTS.map((column) => {
    const [kind, aggregate, condition] = COUNTED[column];
    if (!kinds.includes(kind)) return `0 AS ${column}`;
    const filter = `FILTER (WHERE e.kind = '${kind}'${condition ? ` AND ${condition}` : ''})`;
    if (aggregate === 'count(*)')
      return weight
        ? `coalesce(sum(${weight}) ${filter}, 0) AS ${column}`
        : `count(*) ${filter} AS ${column}`;
    const weighted = weight ? aggregate.replace(/^sum\((.*)\)$/, `sum(${weight} * $1)`) : aggregate;
    return `coalesce(${weighted} ${filter}, 0) AS ${column}`;
  }).join(',\n  ');
}

/** The contributions of the cases `c` (with their versions `v`) on their days `e` (day, kind). */
export const CONTRIBUTIONS = sql.raw(contributionsSql());

const COLUMNS = sql.raw(CASE_DAILY_COUNTS.join(', '));
const SUMS = sql.raw(CASE_DAILY_COUNTS.map((c) => `sum(${c})::int AS ${c}`).join(', '));
const ADDED = sql.raw(
  [
    ...CASE_DAILY_COUNTS.map((c) => `${c} = case_daily.${c} + EXCLUDED.${c}`),
    'region_path = EXCLUDED.region_path',
    'used_days_histogram = case_daily_histogram_add(case_daily.used_days_histogram, EXCLUDED.used_days_histogram)',
    'refreshed_at = now()',
  ].join(', '),
);

/** A row of differences that changes something (a change of uncounted columns nets to 0 on its days). */
const CHANGED = sql.raw(
  `(${CASE_DAILY_COUNTS.map((c) => `${c} <> 0`).join(' OR ')} OR used_days_histogram <> '{}'::jsonb)`,
);

export const FILED = sql`(coalesce(c.submitted_at, c.created_at) AT TIME ZONE 'Asia/Shanghai')::date`;
export const CONCLUDED = sql`(c.concluded_at AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * The per-used-days rows (day, region_code, department_id, region_path, used_days, …counts) of the
 * rows `c` (cases, or case changes weighted by their sign) on their days: a pass per kind of day
 * (filed, accepted, concluded), each with the kind a constant so that it evaluates only its own
 * counts, and the versions joined for the limits.
 */
function passesSql(rows: SQL, days: Record<Kind, SQL>, options: { where?: SQL; weight?: string } = {}): SQL {
  const pass = (kind: Kind) => sql`
    SELECT e.day, c.region_code, c.department_id, max(c.region_path) AS region_path,
      CASE WHEN ${sql.raw(TIMED)} THEN c.working_days_used END AS used_days,
      ${sql.raw(contributionsSql([kind], options.weight))}
    FROM ${rows} c
    CROSS JOIN LATERAL (SELECT ${days[kind]} AS day, ${sql.raw(`'${kind}'::text`)} AS kind) e
    JOIN implementation_versions v ON v.id = c.version_id
    WHERE e.day IS NOT NULL ${options.where ?? sql``}
    GROUP BY e.day, c.region_code, c.department_id, 5`;
  return sql`${pass('r')} UNION ALL ${pass('a')} UNION ALL ${pass('c')}`;
}

/**
 * Every group computed from the cases: parallel passes over the cases alone (each holds all it
 * contributes, its materials and 补正 included), with their versions joined by hash.
 */
function everyGroupSql(): SQL {
  return passesSql(
    sql`cases`,
    { r: FILED, a: sql`c.accepted_on`, c: CONCLUDED },
    { where: sql`AND c.status <> 'draft'` },
  );
}

/**
 * Rows of case_daily from per-used-days rows (a group's rows with used days are of concluded cases,
 * one per number of days; its other rows add up). The histogram keeps the days whose count is not 0:
 * those counted, or for changes those whose count changed.
 */
function rollupOf(perUsed: SQL): SQL {
  return sql`
    SELECT day, region_code, department_id, max(region_path) AS region_path, ${SUMS},
      coalesce(jsonb_object_agg(used_days::text, timed_concluded)
        FILTER (WHERE used_days IS NOT NULL AND timed_concluded <> 0), '{}'::jsonb) AS used_days_histogram
    FROM (${perUsed}) per_used
    GROUP BY day, region_code, department_id`;
}

/** Every row of case_daily computed from the cases (the SELECT of a full rebuild). */
export function rollupAllSql(): SQL {
  return rollupOf(everyGroupSql());
}

/**
 * The statement that takes up to `limit` changes off case_daily_changes (oldest first) and adds their
 * contributions to case_daily: the sums of each group's images, −1 before a change and +1 after it,
 * upserted as differences (a group whose differences are all 0 is not written). Returns the changes
 * taken, the groups written and the keys of the groups left with no case (every count 0), which the
 * caller deletes.
 */
export function applyChangesSql(limit: number): SQL {
  const differences = rollupOf(
    passesSql(
      sql`taken`,
      { r: sql`c.filed_on`, a: sql`c.accepted_on`, c: sql`c.concluded_on` },
      { weight: 'c.sign' },
    ),
  );
  return sql`WITH taken AS (DELETE FROM case_daily_changes WHERE id IN (
      SELECT id FROM case_daily_changes ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *),
    written AS (INSERT INTO case_daily (day, region_code, department_id, region_path, ${COLUMNS}, used_days_histogram)
      SELECT day, region_code, department_id, region_path, ${COLUMNS}, used_days_histogram FROM (${differences}) d
      WHERE ${CHANGED}
      ON CONFLICT (day, region_code, department_id) DO UPDATE SET ${ADDED}
      RETURNING day, region_code, department_id, received = 0 AND accepted = 0 AND concluded = 0 AS emptied)
    SELECT (SELECT count(*) FROM taken)::int AS changes, (SELECT count(*) FROM written)::int AS groups,
      coalesce((SELECT json_agg(json_build_object('day', day, 'region_code', region_code,
        'department_id', department_id)) FROM written WHERE emptied), '[]'::json) AS emptied`;
}

/** Deletes the case_daily rows of the groups given (left with no case), as applyChangesSql returns them. */
export function deleteGroupsSql(groups: unknown[]): SQL {
  return sql`DELETE FROM case_daily d USING json_to_recordset(${JSON.stringify(groups)}::json)
      AS g(day date, region_code text, department_id uuid)
    WHERE d.day = g.day AND d.region_code = g.region_code AND d.department_id = g.department_id
      AND d.received = 0 AND d.accepted = 0 AND d.concluded = 0`;
}

/** Where a full rebuild computes the passes over the cases (in its transaction). */
const PASSES = sql.raw('case_daily_rebuild');

/**
 * The passes over the cases of a full rebuild, into an unlogged table of the transaction: a CREATE
 * TABLE … AS, whose SELECT may use parallel workers (an INSERT … SELECT may not).
 */
export async function stagePasses(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`CREATE UNLOGGED TABLE ${PASSES} AS ${everyGroupSql()}`);
}

/** Replaces every row of case_daily by the rows of the staged passes, and drops them. Returns the rows written. */
export async function replaceAllFromStages(tx: DbOrTx): Promise<number> {
  await tx.execute(sql`DELETE FROM case_daily`);
  const result = await tx.execute(sql`INSERT INTO case_daily
    (day, region_code, department_id, region_path, ${COLUMNS}, used_days_histogram)
    SELECT day, region_code, department_id, region_path, ${COLUMNS}, used_days_histogram
    FROM (${rollupOf(sql`SELECT * FROM ${PASSES}`)}) r`);
  await tx.execute(sql`DROP TABLE ${PASSES}`);
  return result.rowCount ?? 0;
}
