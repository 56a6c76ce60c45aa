import { sql } from 'drizzle-orm';
import type { Db } from '../../server/core/db/client.ts';

/** History cases carry two ratings each (acceptance and conclusion). */
const BATCH = 100_000;
const DISTRICTS = 13;

/** The twelve months before `current` (YYYY-MM), oldest first, as first days. */
export function historyMonths(current: string): string[] {
  const [y, m] = [Number(current.slice(0, 4)), Number(current.slice(5, 7))];
  return Array.from({ length: 12 }, (_, k) => {
    const index = y * 12 + (m - 1) - 12 + k;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  });
}

/**
 * The places a generated case is handled at: every published implementation with its department,
 * the hall of its region (the city hall, 新城区's hall, none for 碑林区) and that hall's windows; city
 * matters are spread over the city's districts. Tables bench_matters, bench_windows, bench_districts.
 */
async function places(db: Db, applicants: number): Promise<void> {
  await db.execute(
    sql.raw(`
    DROP TABLE IF EXISTS bench_matters, bench_windows, bench_districts, bench_history_people;
    CREATE TABLE bench_matters AS
      SELECT (row_number() OVER (ORDER BY i.code) - 1)::int AS n, i.id AS implementation_id,
        v.id AS version_id, i.organisation_id AS department_id, i.region_code, r.path AS region_path,
        v.case_type,
        (SELECT h.id FROM halls h JOIN organisations o ON o.id = h.organisation_id
         WHERE o.region_code = i.region_code ORDER BY h.name LIMIT 1) AS hall_id
      FROM implementations i
      JOIN implementation_versions v ON v.id = i.published_version_id
      JOIN regions r ON r.code = i.region_code;
    CREATE TABLE bench_windows AS
      SELECT hall_id, (row_number() OVER (PARTITION BY hall_id ORDER BY number) - 1)::int AS n, id,
        count(*) OVER (PARTITION BY hall_id)::int AS of
      FROM windows;
    CREATE TABLE bench_districts AS
      SELECT (row_number() OVER (ORDER BY code) - 1)::int AS n, code, path FROM regions
      WHERE parent_code = '610100' AND level = 'district';
    CREATE TABLE bench_history_people AS
      SELECT (g - 1)::int AS n, gen_random_uuid() AS id FROM generate_series(1, ${applicants}) AS g;
    INSERT INTO accounts (id, kind, login, display_name, password_hash)
      SELECT id, 'person', 'bench-history-' || n, '压测历史申请人' || n, 'not-a-password' FROM bench_history_people;
    CREATE UNIQUE INDEX ON bench_matters (n);
    CREATE UNIQUE INDEX ON bench_windows (hall_id, n);
    CREATE UNIQUE INDEX ON bench_districts (n);
    CREATE UNIQUE INDEX ON bench_history_people (n);`),
  );
}

/**
 * Inserts concluded cases `from` … `to - 1` numbered `prefix`-i: case i is accepted on one of the
 * first `days` days of month i % 12 of `months` (first days) and concluded 0–2 days later, at the hall and a window of its matter's
 * region two times in three (online otherwise), in a district of the city when the matter is the
 * city's. `applicant` is the SQL of the applicant's id for i.
 */
async function insertCases(
  db: Db,
  options: { prefix: string; from: number; to: number; months: string[]; days: number; applicant: string },
): Promise<void> {
  const matters = `(SELECT count(*) FROM bench_matters)`;
  await db.execute(
    sql.raw(`
    INSERT INTO cases (case_no, query_code, implementation_id, version_id, department_id, region_code,
      region_path, applicant_id, channel, hall_id, window_id, status, case_type, accepted_on,
      promised_deadline, legal_deadline, working_days_used, visits, delivery, version, submitted_at,
      concluded_at, created_at, updated_at)
    SELECT '${options.prefix}-' || lpad(c.i::text, 7, '0'), substr(md5(c.i::text), 1, 6),
      m.implementation_id, m.version_id, m.department_id,
      CASE WHEN m.region_code = '610100' THEN d.code ELSE m.region_code END,
      CASE WHEN m.region_code = '610100' THEN d.path ELSE m.region_path END,
      ${options.applicant}, CASE WHEN c.at_hall THEN 'counter' ELSE 'online' END,
      CASE WHEN c.at_hall THEN m.hall_id END, CASE WHEN c.at_hall THEN w.id END,
      'concluded', m.case_type, c.day, c.day + 10, c.day + 20, c.i % 5, 1 - (c.i % 7) / 6, 'pickup', 6,
      c.day + time '09:00', c.day + (c.i % 3) + time '15:30', c.day + time '09:00', c.day + (c.i % 3) + time '15:30'
    FROM (SELECT i, (ARRAY['${options.months.join("','")}']::date[])[1 + i % 12] + (i / 12) % ${options.days} AS day,
            i % 3 <> 0 AS at_hall
          FROM generate_series(${options.from}, ${options.to - 1}) AS g(i)) AS c
    JOIN bench_matters m ON m.n = c.i % ${matters}
    JOIN bench_districts d ON d.n = (c.i / 7) % ${DISTRICTS}
    LEFT JOIN bench_windows w ON w.hall_id = m.hall_id AND w.n = c.i % w.of`),
  );
}

/**
 * Both ratings of the history cases `from` … `to - 1`: ≈5 % defaults (基本满意), ≈0.2 % 差评 (a few
 * voided on review), the rest 满意 or 非常满意; each 差评 with its revisit task, most rectified in time.
 */
async function insertRatings(db: Db, from: number, to: number): Promise<void> {
  const lo = `H-${String(from).padStart(7, '0')}`;
  const hi = `H-${String(to - 1).padStart(7, '0')}`;
  await db.execute(
    sql.raw(`
    WITH picked AS (
      SELECT c.*, s.stage, (hashint8(substr(c.case_no, 3)::int8 * 2 + s.k)::int8 & 2147483647) % 10000 AS x,
        CASE WHEN s.stage = 'accepted' THEN c.accepted_on::timestamp + time '10:00'
             ELSE c.concluded_at + interval '2 hours' END AS at
      FROM cases c, (VALUES ('accepted', 0), ('concluded', 1)) AS s(stage, k)
      WHERE c.case_no BETWEEN '${lo}' AND '${hi}'),
    rated AS (
      SELECT p.*, CASE WHEN x < 500 THEN 3 WHEN x < 505 THEN 1 WHEN x < 520 THEN 2 WHEN x < 700 THEN 3
                       WHEN x < 1700 THEN 4 ELSE 5 END AS level
      FROM picked p),
    inserted AS (
      INSERT INTO ratings (case_id, stage, level, problems, comment, channel, is_default, rater_id,
        department_id, hall_id, window_id, region_code, region_path, month, status, created_at)
      SELECT id, stage, level,
        CASE WHEN level <= 2 THEN '["slow"]'::jsonb ELSE '[]'::jsonb END,
        CASE WHEN level <= 2 THEN '办理时间过长，多次询问无果' END,
        CASE WHEN x < 500 THEN 'default' WHEN window_id IS NOT NULL THEN 'window'
             ELSE (ARRAY['online','sms','kiosk','hotline'])[1 + x % 4] END,
        x < 500, CASE WHEN x >= 500 THEN applicant_id END,
        department_id, hall_id, window_id, region_code, region_path,
        date_trunc('month', at)::date, CASE WHEN x BETWEEN 505 AND 507 AND x % 2 = 1 THEN 'voided' ELSE 'valid' END,
        at AT TIME ZONE 'Asia/Shanghai'
      FROM rated
      RETURNING id, case_id, department_id, level, created_at)
    INSERT INTO rating_revisits (rating_id, case_id, department_id, status, contact_due, rectify_due,
      contacted_at, rectified_at, outcome, created_at)
    SELECT id, case_id, department_id,
      CASE WHEN k < 8 THEN 'rectified' WHEN k < 9 THEN 'contacted' ELSE 'open' END,
      (created_at AT TIME ZONE 'Asia/Shanghai')::date + 1, (created_at AT TIME ZONE 'Asia/Shanghai')::date + 7,
      CASE WHEN k < 9 THEN created_at + interval '1 day' END,
      CASE WHEN k < 7 THEN created_at + interval '3 days' WHEN k < 8 THEN created_at + interval '12 days' END,
      CASE WHEN k < 8 THEN '已联系申请人并整改' END, created_at
    FROM (SELECT *, (hashtext(id::text) & 2147483647) % 10 AS k FROM inserted WHERE level <= 2) AS bad`),
  );
}

/**
 * `count` 12345 requests over the twelve months, of every kind, channel and state, in the city's
 * districts: 咨询 mostly answered at once, the others dispatched to a department, replied (most on
 * time), revisited with the requester's word, some merged, returned, escalated or past due and open.
 * The dispatch and return steps are recorded as events, as the counts read them.
 */
async function insertRequests(db: Db, from: number, to: number, months: string[]): Promise<void> {
  await db.execute(
    sql.raw(`
    WITH g AS (
      SELECT i, x, (ARRAY['${months.join("','")}']::date[])[1 + i % 12] + (i / 12) % 27 + time '08:30'
               + (i % 500) * interval '1 minute' AS at,
        (ARRAY['consult','consult','consult','consult','help','help','suggestion','complaint','complaint','report'])[1 + x % 10] AS kind,
        (x / 10) % 100 AS y
      FROM (SELECT i, (hashint8(i::int8)::int8 & 2147483647) % 100000 AS x
            FROM generate_series(${from}, ${to - 1}) AS s(i)) AS s),
    k AS (
      SELECT g.*, d.code, d.path,
        CASE WHEN kind = 'consult' THEN 2 WHEN kind IN ('help','suggestion') THEN 10 ELSE 15 END AS limit_days,
        CASE WHEN y = 0 THEN 'merged' WHEN y < 3 THEN 'received'
             WHEN kind = 'consult' AND y < 70 THEN 'closed_at_once'
             WHEN y < 10 THEN 'dispatched' WHEN y < 25 THEN 'replied' WHEN y < 45 THEN 'revisited'
             ELSE 'closed' END AS state
      FROM g JOIN bench_districts d ON d.n = g.i % ${DISTRICTS}),
    inserted AS (
      INSERT INTO hotline_requests (request_no, kind, channel, requester_name, requester_phone, title, content,
        region_code, region_path, status, answered_at_once, answer, limit_days, due_date, warning, escalated_at,
        primary_department_id, reply, replied_at, revisit_note, revisited_at, satisfaction, month, created_at,
        closed_at)
      SELECT 'B' || lpad(i::text, 9, '0'), kind, (ARRAY['phone','phone','phone','web','portal','miniprogram'])[1 + i % 6],
        '压测市民' || i, '139' || lpad((i % 100000000)::text, 8, '0'), '压测工单' || i, '压测工单内容',
        code, path,
        CASE WHEN state = 'closed_at_once' THEN 'closed' ELSE state END,
        state = 'closed_at_once', CASE WHEN state = 'closed_at_once' THEN '已按知识库解答' END,
        limit_days, (at + (limit_days * 7 / 5) * interval '1 day')::date,
        CASE WHEN state IN ('received','dispatched') AND y % 2 = 0 THEN 'red' ELSE 'none' END,
        CASE WHEN state IN ('received','dispatched') AND y % 4 = 0 THEN at + (limit_days * 2) * interval '1 day' END,
        CASE WHEN state IN ('dispatched','replied','revisited','closed','merged')
          THEN (SELECT department_id FROM bench_matters WHERE n = i % (SELECT count(*) FROM bench_matters)) END,
        CASE WHEN state IN ('replied','revisited','closed') THEN '已办理并答复' END,
        CASE WHEN state IN ('replied','revisited','closed')
          THEN at + (CASE WHEN y % 10 = 0 THEN limit_days * 3 ELSE limit_days / 2 END) * interval '1 day' END,
        CASE WHEN state IN ('revisited','closed') THEN '已回访' END,
        CASE WHEN state IN ('revisited','closed') THEN at + limit_days * interval '1 day' END,
        CASE WHEN state IN ('revisited','closed')
          THEN (ARRAY['satisfied','satisfied','satisfied','satisfied','satisfied','satisfied','basically','basically','basically','dissatisfied'])[1 + y % 10] END,
        date_trunc('month', at)::date, at AT TIME ZONE 'Asia/Shanghai',
        CASE WHEN state = 'closed_at_once' THEN (at + interval '10 minutes') AT TIME ZONE 'Asia/Shanghai'
             WHEN state IN ('closed','merged') THEN (at + limit_days * interval '1 day') AT TIME ZONE 'Asia/Shanghai' END
      FROM k
      RETURNING id, status, primary_department_id, created_at, request_no)
    INSERT INTO hotline_events (request_id, kind, detail, at)
    SELECT id, 'dispatched', '{}'::jsonb, created_at + interval '1 hour' FROM inserted WHERE primary_department_id IS NOT NULL
    UNION ALL
    SELECT id, 'returned', '{}'::jsonb, created_at + interval '1 day' FROM inserted
    WHERE primary_department_id IS NOT NULL AND right(request_no, 2) = '07'`),
  );
}

export type Generated = { cases: number; ratings: number; requests: number; ms: Record<string, number> };

/**
 * Fills the bench database (demo data already there): `cases` concluded history cases with two
 * ratings each over the twelve months before `current`, and `requests` 12345 requests over the same
 * months; in batches of 100,000, in bulk SQL (no audit records of their own).
 */
export async function generateHistory(options: {
  db: Db;
  current: string;
  cases: number;
  requests: number;
  log: (message: string) => void;
}): Promise<Generated> {
  const { db, log } = options;
  const months = historyMonths(options.current);
  const ms: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    ms[name] = performance.now() - clock;
    log(`${name}: ${(ms[name] / 1000).toFixed(1)} s`);
    clock = performance.now();
  };
  await places(db, 5000);
  for (let from = 0; from < options.cases; from += BATCH) {
    const to = Math.min(options.cases, from + BATCH);
    await insertCases(db, {
      prefix: 'H',
      from,
      to,
      months,
      days: 26,
      applicant: `(SELECT id FROM bench_history_people WHERE n = c.i % 5000)`,
    });
    await insertRatings(db, from, to);
    log(
      `  history cases ${to.toLocaleString('en')} / ${options.cases.toLocaleString('en')} with their ratings`,
    );
  }
  lap(`${options.cases.toLocaleString('en')} cases, ${(options.cases * 2).toLocaleString('en')} ratings`);
  for (let from = 0; from < options.requests; from += BATCH) {
    await insertRequests(db, from, Math.min(options.requests, from + BATCH), months);
  }
  lap(`${options.requests.toLocaleString('en')} 12345 requests`);
  await db.execute(sql`ANALYZE`);
  lap('analyze');
  const counted = (
    await db.execute<{ ratings: number; requests: number; cases: number }>(sql`
      SELECT (SELECT count(*)::int FROM ratings) AS ratings, (SELECT count(*)::int FROM hotline_requests) AS requests,
        (SELECT count(*)::int FROM cases) AS cases`)
  ).rows[0]!;
  return { ...counted, ms };
}

/**
 * `count` concluded cases numbered `prefix`-i without ratings, of the applicants in `people`
 * (account ids; case i belongs to people[i % people.length]), accepted on `acceptedOn` and
 * concluded 0–2 days later (before the default ratings are due), for the submission phases.
 */
export async function insertRateableCases(
  db: Db,
  options: { prefix: string; count: number; people: string[]; acceptedOn: string },
): Promise<{ id: string; applicantId: string }[]> {
  await insertCases(db, {
    prefix: options.prefix,
    from: 0,
    to: options.count,
    months: Array(12).fill(options.acceptedOn),
    days: 1,
    applicant: `(${JSON.stringify(`{${options.people.join(',')}}`).replaceAll('"', "'")}::uuid[])[1 + c.i % ${options.people.length}]`,
  });
  const { rows } = await db.execute<{ id: string; applicantId: string }>(
    sql`SELECT id, applicant_id AS "applicantId" FROM cases WHERE case_no LIKE ${`${options.prefix}-%`} ORDER BY case_no`,
  );
  return rows;
}
