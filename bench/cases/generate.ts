import { type SQL, sql } from 'drizzle-orm';
import { withCreditCheckCharacter } from '../../common/identity.ts';
import { hashPassword } from '../../server/accounts/passwords.ts';
import type { Db } from '../../server/core/db/client.ts';
import { seedDemoAccounts } from '../../server/demo/accounts.ts';
import { seedDemoCatalogue } from '../../server/demo/catalogue/seed.ts';
import { seedDemoOrganisations } from '../../server/demo/organisations.ts';
import { DEMO_AUDIT } from '../../server/demo/seed.ts';

export const BENCH_PASSWORD = 'bench-pass-2026';
/** Share of the generated history still open (in the departments' queues), in per mille. */
const OPEN_PER_MILLE = 30;
const HISTORY_DAYS = 730;

export type BenchCases = {
  cases: number;
  events: number;
  notifications: number;
  openCases: number;
  /** Companies that sign in and apply during the benchmark. */
  applicants: string[];
  /** One department reviewer per department with promised matters: login by department id. */
  reviewers: Map<string, string>;
  ms: Record<string, number>;
};

/** Credit codes 91610100BENCH… with a valid check character, distinct for distinct n. */
const creditCode = (n: number) => withCreditCheckCharacter(`91610100MA${String(n).padStart(7, '0')}`);

/**
 * Fills a fresh, migrated database with the demo data and `count` cases of history spread over the
 * published demo implementations, two years of days and `applicantCount` companies: 97% concluded and
 * delivered with their timeline (submit → accept → start_review → approve → conclude → deliver) and
 * two messages each, 3% still open in the departments' queues with deadlines around today. Adds a
 * department reviewer for every department and the companies that apply during the benchmark.
 * Built in bulk SQL; the history has no audit records of its own (the audit trail grows from the
 * benchmark's own requests).
 */
export async function generateBenchCases(options: {
  db: Db;
  count?: number;
  applicantCount?: number;
  benchApplicants?: number;
  log?: (message: string) => void;
}): Promise<BenchCases> {
  const { db, count = 1_000_000, applicantCount = 20_000, benchApplicants = 64, log = () => {} } = options;
  const ms: Record<string, number> = {};
  let clock = Date.now();
  const lap = (name: string) => {
    ms[name] = Date.now() - clock;
    log(`${name}: ${ms[name]} ms`);
    clock = Date.now();
  };
  await db.transaction(async (tx) => {
    const orgs = await seedDemoOrganisations({ db: tx, audit: DEMO_AUDIT });
    await seedDemoAccounts({ db: tx, audit: DEMO_AUDIT, orgs });
    await seedDemoCatalogue({ db: tx, audit: DEMO_AUDIT, orgs });
  });
  lap('demo data');

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const total = applicantCount + benchApplicants;
  const logins = Array.from({ length: total }, (_, i) => creditCode(i + 1));
  await db.execute(sql`
    INSERT INTO accounts (kind, login, display_name, password_hash, phone)
    SELECT 'company', login, '西安压测企业' || n || '有限公司', ${passwordHash},
           '139' || lpad((n % 100000000)::text, 8, '0')
    FROM jsonb_array_elements_text(${JSON.stringify(logins)}::jsonb) WITH ORDINALITY AS t(login, n)`);
  const reviewers = new Map<string, string>();
  const departments = await db.execute<{ id: string; n: number }>(sql`
    SELECT DISTINCT i.organisation_id AS id, dense_rank() OVER (ORDER BY i.organisation_id)::int AS n
    FROM implementations i JOIN implementation_versions v ON v.id = i.published_version_id
    WHERE v.case_type = 'promised'`);
  for (const d of departments.rows) {
    const login = `bench-reviewer-${d.n}`;
    await db.execute(sql`
      WITH a AS (
        INSERT INTO accounts (kind, login, display_name, password_hash, organisation_id)
        VALUES ('staff', ${login}, ${`压测审核员${d.n}`}, ${passwordHash}, ${d.id}) RETURNING id)
      INSERT INTO role_assignments (account_id, role, organisation_id)
      SELECT id, 'department_reviewer', ${d.id}::uuid FROM a`);
    reviewers.set(d.id, login);
  }
  lap(`${total} companies, ${reviewers.size} reviewers`);

  await db.execute(
    sql.raw(`
    CREATE TABLE bench_matters AS
      SELECT (row_number() OVER (ORDER BY i.code) - 1)::int AS n, i.id AS implementation_id,
             v.id AS version_id, i.organisation_id AS department_id, i.region_code, r.path AS region_path,
             v.case_type, v.promised_limit
      FROM implementations i
      JOIN implementation_versions v ON v.id = i.published_version_id
      JOIN regions r ON r.code = i.region_code
      WHERE v.case_type = 'promised';
    CREATE TABLE bench_applicants AS
      SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM accounts
      WHERE kind = 'company' AND login LIKE '91610100MA%' AND login <= '${logins[applicantCount - 1]}';
    CREATE UNIQUE INDEX ON bench_matters (n);
    CREATE UNIQUE INDEX ON bench_applicants (n);
    CREATE TABLE bench_reviewers AS
      SELECT a.organisation_id AS department_id, a.id FROM accounts a WHERE a.login LIKE 'bench-reviewer-%';`),
  );
  const matters = Number(
    (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM bench_matters`)).rows[0]!.n,
  );
  const applicants = Number(
    (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM bench_applicants`)).rows[0]!.n,
  );
  log(`history over ${matters} promised implementations and ${applicants} companies`);

  const restoreIndexes = await dropSecondaryIndexes(db, BULK_TABLES);
  // One case per i: day = i % HISTORY_DAYS days ago, sequence i / HISTORY_DAYS: case numbers never repeat.
  await bulk(
    db,
    sql.raw(`
    INSERT INTO cases (case_no, query_code, implementation_id, version_id, department_id, region_code,
      region_path, applicant_id, channel, status, case_type, accepted_on, promised_deadline, legal_deadline,
      warning, working_days_used, visits, assignee_id, delivery, version, submitted_at, concluded_at,
      created_at, updated_at, materials_reused, materials_uploaded, supplemented)
    SELECT c.case_no, substr(md5(c.i::text), 1, 6), m.implementation_id, m.version_id, m.department_id, m.region_code,
      m.region_path, a.id, (ARRAY['online','online','counter','kiosk','agent'])[1 + c.i % 5],
      CASE WHEN c.open THEN (ARRAY['accepted','in_review','in_review','submitted'])[1 + c.i % 4]
           ELSE 'delivered' END,
      'promised',
      CASE WHEN c.open AND c.i % 4 = 3 THEN NULL WHEN c.open THEN current_date - (c.i % 5) ELSE c.day END,
      CASE WHEN c.open AND c.i % 4 = 3 THEN NULL WHEN c.open THEN current_date + (c.i % 40) - 8
           ELSE c.day + m.promised_limit END,
      CASE WHEN c.open AND c.i % 4 = 3 THEN NULL ELSE c.day + m.promised_limit * 2 END,
      CASE WHEN NOT c.open OR c.i % 4 = 3 THEN 'none' WHEN (c.i % 40) < 8 THEN 'red'
           WHEN (c.i % 40) < 11 THEN 'yellow' ELSE 'none' END,
      CASE WHEN c.open THEN NULL ELSE c.i % (m.promised_limit + 1) END,
      CASE WHEN c.i % 5 IN (2, 3) THEN 1 ELSE 0 END,
      CASE WHEN c.open AND c.i % 4 IN (1, 2) THEN r.id END,
      CASE WHEN c.open THEN NULL ELSE 'post' END,
      CASE WHEN c.open THEN 1 + c.i % 3 ELSE 7 END,
      c.day + time '09:30' + (c.i % 400) * interval '1 minute',
      CASE WHEN c.open THEN NULL ELSE c.day + m.promised_limit / 2 + time '16:00' END,
      c.day + time '09:30', c.day + time '16:00', k.reused, k.uploaded,
      NOT (c.open AND c.i % 4 = 3) AND ${SUPPLEMENTED}
    FROM (SELECT g.i, g.day, g.open,
                 m.region_code || '-' || to_char(g.day, 'YYYYMMDD') || '-' || lpad((g.i / ${HISTORY_DAYS} + 1)::text, 6, '0') AS case_no
          FROM (SELECT i, current_date - 1 - (i % ${HISTORY_DAYS}) AS day,
                       (i * 7 + i / 997) % 1000 < ${OPEN_PER_MILLE} AS open
                FROM generate_series(0, ${count - 1}) AS g(i)) AS g
          JOIN bench_matters m ON m.n = g.i % ${matters}) AS c
    CROSS JOIN LATERAL (SELECT (count(*) FILTER (WHERE NOT ${UPLOADED_PICK}))::int AS reused,
        (count(*) FILTER (WHERE ${UPLOADED_PICK}))::int AS uploaded
      FROM ${MATERIALS_OF_CASE} CROSS JOIN LATERAL (SELECT ${PICK} AS pick) p) AS k
    JOIN bench_matters m ON m.n = c.i % ${matters}
    JOIN bench_applicants a ON a.n = (c.i::bigint * 7919) % ${applicants}
    LEFT JOIN bench_reviewers r ON r.department_id = m.department_id`),
  );
  lap(`${count} cases`);

  const steps = [
    ['submit', 'draft', 'submitted', 0],
    ['accept', 'submitted', 'accepted', 1],
    ['start_review', 'accepted', 'in_review', 2],
    ['approve', 'in_review', 'approved', 3],
    ['conclude', 'approved', 'concluded', 4],
    ['deliver', 'concluded', 'delivered', 5],
  ] as const;
  const stepValues = steps.map(([a, f, t, k]) => `('${a}','${f}','${t}',${k})`).join(',');
  await bulk(
    db,
    sql.raw(`
    INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, details, visit, at)
    SELECT c.id, s.action, s.from_status, s.to_status,
      CASE WHEN s.k = 0 THEN c.applicant_id ELSE c.assignee_id END,
      CASE WHEN s.k = 0 THEN 'applicant' ELSE 'department_reviewer' END,
      CASE WHEN s.k = 0 THEN jsonb_build_object('channel', c.channel) ELSE '{}'::jsonb END,
      s.k = 0 AND c.visits = 1, c.created_at + s.k * interval '1 day'
    FROM cases c
    JOIN (VALUES ${stepValues}) AS s(action, from_status, to_status, k)
      ON s.k < CASE c.status WHEN 'delivered' THEN 6 WHEN 'submitted' THEN 1 WHEN 'accepted' THEN 2 ELSE 3 END`),
  );
  await generateSupplements(db);
  lap('timelines');
  await generateMaterials(db);
  lap('materials');
  await bulk(
    db,
    sql`
    INSERT INTO notifications (account_id, channel, title, body, subject, status, created_at, sent_at)
    SELECT c.applicant_id, 'in_app', t.title, t.title || '（办件编号 ' || c.case_no || '）',
      jsonb_build_object('caseId', c.id, 'caseNo', c.case_no, 'event', t.event), 'sent',
      c.created_at + t.k * interval '3 day', c.created_at + t.k * interval '3 day'
    FROM cases c
    JOIN (VALUES ('申请已收到', 'submit', 0), ('办件已办结', 'conclude', 1)) AS t(title, event, k)
      ON t.k = 0 OR c.status = 'delivered'`,
  );
  lap('messages');
  await restoreIndexes();
  lap('indexes');
  await db.execute(sql`
    INSERT INTO case_number_counters (prefix, last)
    SELECT left(case_no, length(case_no) - 6), max(right(case_no, 6)::integer) FROM cases GROUP BY 1`);
  await db.execute(sql.raw('DROP TABLE bench_matters, bench_applicants, bench_reviewers'));
  // What autovacuum does for a database that has been running: statistics and visibility maps
  // (without the latter, index-only scans such as the review queue's read the table too).
  for (const table of [
    'cases',
    'case_events',
    'case_attachments',
    'notifications',
    'audit_records',
    'accounts',
  ]) {
    await db.execute(sql.raw(`VACUUM (ANALYZE) ${table}`));
  }
  await db.execute(sql.raw('ANALYZE'));
  lap('vacuum, analyze');
  const [counts] = (
    await db.execute<{ cases: number; events: number; notifications: number; open: number }>(sql`
      SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_events)::int AS events,
             (SELECT count(*) FROM notifications)::int AS notifications,
             (SELECT count(*) FROM cases WHERE status <> 'delivered')::int AS open`)
  ).rows;
  return {
    cases: counts!.cases,
    events: counts!.events,
    notifications: counts!.notifications,
    openCases: counts!.open,
    applicants: logins.slice(applicantCount),
    reviewers,
    ms,
  };
}

/** The tables the history fills in bulk. */
const BULK_TABLES = ['cases', 'case_events', 'case_attachments', 'notifications'];

/**
 * Drops the indexes of the tables that no constraint uses (every one but the primary keys, unique
 * constraints and those foreign keys refer to) and returns what builds them again: at ten million
 * cases, building an index once at the end is far faster than keeping it row by row.
 */
async function dropSecondaryIndexes(db: Db, tables: string[]): Promise<() => Promise<void>> {
  const { rows } = await db.execute<{ name: string; definition: string }>(sql`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
    FROM pg_index i
    WHERE i.indrelid = ANY (SELECT t::regclass FROM unnest(${`{${tables.join(',')}}`}::text[]) AS t)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`);
  for (const index of rows) await db.execute(sql.raw(`DROP INDEX ${index.name}`));
  return async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL maintenance_work_mem = '1GB'`);
      for (const index of rows) await tx.execute(sql.raw(index.definition));
    });
  };
}

/**
 * Runs a bulk insert of generated history as a replica would apply it: no triggers, so no foreign key
 * checks row by row (the rows are built from the rows they name) and no case changes queued (the history
 * is rolled up by a rebuild afterwards).
 */
async function bulk(db: Db, statement: SQL): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(statement);
  });
}

/** A number from 0 to 9 per case and material, the same on every run. */
const PICK = `abs(hashtext(c.case_no || '/' || m.k)) % 10`;
/** The materials of case c: 1 to 4, numbered k. */
const MATERIALS_OF_CASE = `generate_series(1, 1 + abs(hashtext(c.case_no)) % 4) AS m(k)`;
/**
 * Whether the material picked p.pick is counted as uploaded (server/cases/material-counts.ts): handed
 * in by the applicant or scanned (0 to 4), or reused and then uploaded too (6).
 */
const UPLOADED_PICK = `(p.pick < 5 OR p.pick = 6)`;
/** The cases past submission asked for 补正: 1 in 11. */
const SUPPLEMENTED = `abs(hashtext(c.case_no)) % 11 = 0`;

/**
 * The materials of every case: 1 to 4 per case; 5 in 10 handed in by the applicant or scanned at the
 * counter, the others reused (an e-certificate, an earlier case, a base); 1 in 10 reused and then also
 * uploaded (two files, counted as uploaded).
 */
async function generateMaterials(db: Db): Promise<void> {
  await bulk(
    db,
    sql.raw(`
    INSERT INTO case_attachments (case_id, material_key, file_sha256, file_name, source, uploaded_by, created_at)
    SELECT c.id, 'material-' || m.k, CASE WHEN f.source IN ('applicant', 'clerk_scan')
        THEN md5(c.case_no || m.k) || md5(m.k || c.case_no) END,
      CASE WHEN f.source IN ('applicant', 'clerk_scan') THEN '材料' || m.k || '.pdf' ELSE '材料' || m.k || '（引用）' END,
      f.source, CASE WHEN f.source = 'applicant' THEN c.applicant_id END, c.created_at
    FROM cases c
    CROSS JOIN LATERAL ${MATERIALS_OF_CASE}
    CROSS JOIN LATERAL (SELECT ${PICK} AS pick) p
    CROSS JOIN LATERAL (
      SELECT (ARRAY['applicant','applicant','applicant','applicant','clerk_scan','e_certificate',
        'e_certificate','shared_case','registry','registry'])[1 + p.pick] AS source
      UNION ALL SELECT 'applicant' WHERE p.pick = 6) AS f`),
  );
}

/** 补正 on 1 case in 11 that got past submission: asked for on the day filed and handed in again. */
async function generateSupplements(db: Db): Promise<void> {
  await bulk(
    db,
    sql.raw(`
    INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, details, visit, at)
    SELECT c.id, s.action, s.from_status, s.to_status, CASE WHEN s.k = 0 THEN c.assignee_id ELSE c.applicant_id END,
      CASE WHEN s.k = 0 THEN 'department_reviewer' ELSE 'applicant' END, '{}'::jsonb, false,
      c.created_at + (s.k + 1) * interval '3 hours'
    FROM cases c
    JOIN (VALUES ('request_supplement', 'submitted', 'needs_supplement', 0),
      ('resubmit', 'needs_supplement', 'submitted', 1)) AS s(action, from_status, to_status, k) ON true
    WHERE c.status <> 'submitted' AND ${SUPPLEMENTED}`),
  );
}
