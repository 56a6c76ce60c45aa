import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../core/db/client.ts';
import { CASE_DAILY_COUNTS } from './recompute.ts';

/** A case_daily row as the tests compare it: the key and every figure, numbers as numbers. */
export type DailyRow = Record<string, string | number | Record<string, number>>;

const key = (r: { day: string; region_code: string; department_id: string }) =>
  `${r.day}|${r.region_code}|${r.department_id}`;

/** The rows of case_daily, by key, without the time of refresh. */
export async function keptRows(db: DbOrTx): Promise<Map<string, DailyRow>> {
  const { rows } = await db.execute<Record<string, unknown>>(
    sql`SELECT d.*, d.day::text AS day FROM case_daily d ORDER BY d.day, d.region_code, d.department_id`,
  );
  return new Map(
    rows.map((r) => {
      const { refreshed_at: _r, ...rest } = r;
      return [key(rest as never), rest as DailyRow];
    }),
  );
}

type ScanCase = {
  id: string;
  filed: string;
  accepted_on: string | null;
  concluded: string | null;
  region_code: string;
  department_id: string;
  region_path: string;
  channel: string;
  /** An accept_with_gaps event in the case's timeline: accepted with gaps, whatever arrived since. */
  accepted_with_gaps: boolean;
  on_promise: boolean;
  case_type: string;
  promised_deadline: string | null;
  visits: number;
  form_fields_filled: number | null;
  form_fields_prefilled: number | null;
  working_days_used: number | null;
  limit_unit: string;
  promised_limit: number;
  legal_limit: number;
  supplemented: boolean;
  attachments: { key: string; source: string }[];
};

const EMPTY = (r: ScanCase, day: string): DailyRow => ({
  day,
  region_code: r.region_code,
  department_id: r.department_id,
  region_path: r.region_path,
  ...Object.fromEntries(CASE_DAILY_COUNTS.map((c) => [c, 0])),
  used_days_histogram: {},
});

/**
 * The same figures by a plain scan of the cases, counted case by case in JavaScript: each filed case on
 * its filing day, each accepted one on accepted_on (容缺 when its timeline has the acceptance with gaps),
 * each concluded one on its China day of 办结.
 */
export async function scannedRows(db: DbOrTx): Promise<Map<string, DailyRow>> {
  const { rows } = await db.execute<ScanCase>(sql`
    SELECT c.id, to_char(coalesce(c.submitted_at, c.created_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS filed,
      c.accepted_on::text AS accepted_on,
      to_char(c.concluded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS concluded,
      c.region_code, c.department_id, c.region_path, c.channel, c.on_promise, c.case_type,
      c.promised_deadline::text AS promised_deadline, c.visits, c.form_fields_filled, c.form_fields_prefilled,
      c.working_days_used, v.limit_unit, v.promised_limit, v.legal_limit,
      EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'request_supplement') AS supplemented,
      EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'accept_with_gaps') AS accepted_with_gaps,
      coalesce((SELECT json_agg(json_build_object('key', a.material_key, 'source', a.source))
        FROM case_attachments a WHERE a.case_id = c.id), '[]') AS attachments
    FROM cases c JOIN implementation_versions v ON v.id = c.version_id WHERE c.status <> 'draft'`);
  const out = new Map<string, DailyRow>();
  const at = (r: ScanCase, day: string) => {
    const k = key({ day, region_code: r.region_code, department_id: r.department_id });
    const row = out.get(k) ?? EMPTY(r, day);
    out.set(k, row);
    return row as Record<string, number> & { used_days_histogram: Record<string, number> };
  };
  for (const r of rows) {
    const f = at(r, r.filed);
    f.received! += 1;
    f[`received_${r.channel}`]! += 1;
    const keys = new Set(r.attachments.map((a) => a.key));
    const uploaded = new Set(
      r.attachments.filter((a) => a.source === 'applicant' || a.source === 'clerk_scan').map((a) => a.key),
    );
    f.materials_reused! += keys.size - uploaded.size;
    f.materials_uploaded! += uploaded.size;
    f.form_fields_filled! += r.form_fields_filled ?? 0;
    f.form_fields_prefilled! += r.form_fields_prefilled ?? 0;
    if (r.accepted_on) {
      const a = at(r, r.accepted_on);
      a.accepted! += 1;
      if (r.accepted_with_gaps) a.accepted_with_gaps! += 1;
      if (r.on_promise) a.accepted_on_promise! += 1;
    }
    if (r.concluded) {
      const c = at(r, r.concluded);
      c.concluded! += 1;
      if (r.case_type === 'immediate') c.concluded_immediate! += 1;
      if (!r.promised_deadline || r.concluded <= r.promised_deadline) c.concluded_on_time! += 1;
      else c.concluded_late! += 1;
      if (r.channel === 'online' && r.visits === 0) c.concluded_fully_online! += 1;
      if (r.visits === 0) c.concluded_zero_visits! += 1;
      if (r.visits <= 1) c.concluded_at_most_one_visit! += 1;
      c.visits_sum! += r.visits;
      if (r.supplemented) c.concluded_supplemented! += 1;
      if (r.limit_unit === 'working_days' && r.working_days_used !== null) {
        c.timed_concluded! += 1;
        c.used_working_days_sum! += r.working_days_used;
        c.promised_working_days_sum! += r.promised_limit;
        c.legal_working_days_sum! += r.legal_limit;
        const used = String(r.working_days_used);
        c.used_days_histogram[used] = (c.used_days_histogram[used] ?? 0) + 1;
      }
    }
  }
  return out;
}
