import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { contentHash } from '../../server/audit/chain.ts';
import type { RawMatter } from './baseline.ts';
import type { Step } from './lifecycles.ts';

export type Transition = Exclude<Step, 'submit'>;

export const TRANSITIONS: Record<Transition, { from: string; to: string; tell: boolean }> = {
  accept: { from: 'submitted', to: 'accepted', tell: true },
  'start-review': { from: 'accepted', to: 'in_review', tell: false },
  approve: { from: 'in_review', to: 'approved', tell: true },
  conclude: { from: 'approved', to: 'concluded', tell: true },
};

const TODAY = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const MESSAGES = `INSERT INTO notifications (account_id, channel, address, title, body, subject, status, sent_at)
  SELECT u.applicant_id, ch.channel, ch.address, $T, u.case_no || $B, jsonb_build_object('caseId', u.id, 'caseNo', u.case_no), 'sent', now()
  FROM u CROSS JOIN (VALUES ('in_app', NULL), ('sms', '13900000000')) AS ch (channel, address)`;

const messages = (title: string, body: string) =>
  MESSAGES.replace('$T', () => title).replace('$B', () => body);

/**
 * The writes of a lifecycle with as few round trips as SQL allows: the case number, then per step
 * one statement that writes the case row, its timeline event, the applicant's messages (in-app and
 * SMS) and the audit record, guarded by the case's id, version and status, and returns the row.
 */
const SQL = {
  number: `INSERT INTO case_number_counters (prefix, last) VALUES ($1, 1)
           ON CONFLICT (prefix) DO UPDATE SET last = case_number_counters.last + 1 RETURNING last`,
  submit: `WITH u AS (
      INSERT INTO cases (id, case_no, query_code, implementation_id, version_id, department_id, region_code,
        region_path, applicant_id, channel, status, case_type, idempotency_key, submitted_at)
      VALUES ($1, $2, 'BENCH1', $3, $4, $5, $6, $7, $8, 'online', 'submitted', 'promised', $9, now())
      RETURNING *),
    e AS (INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, details)
      SELECT u.id, 'submit', 'draft', 'submitted', u.applicant_id, 'applicant', '{}'::jsonb FROM u),
    m AS (${messages("'申请已收到'", "' 已提交'")}),
    a AS (INSERT INTO audit_records (at, actor_id, role, action, target_type, target_id, summary, content_hash)
      SELECT $10, u.applicant_id, 'applicant', 'case.submit', 'case', u.id, $11, $12 FROM u)
    SELECT * FROM u`,
  transition: `WITH u AS (
      UPDATE cases SET status = $3, version = version + 1, updated_at = now(),
        accepted_on = coalesce(accepted_on, $4::date), promised_deadline = coalesce(promised_deadline, $4::date + 7),
        legal_deadline = coalesce(legal_deadline, $4::date + 20)
      WHERE id = $1 AND version = $2 AND status = $5 RETURNING *),
    e AS (INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, details)
      SELECT u.id, $6, $5, $3, $7, 'department_reviewer', '{}'::jsonb FROM u),
    m AS (${messages('$6', "' ' || $3")} WHERE $8::boolean),
    a AS (INSERT INTO audit_records (at, actor_id, role, action, target_type, target_id, summary, content_hash)
      SELECT $9, $7, 'department_reviewer', 'case.' || $6, 'case', u.id, $10, $11 FROM u)
    SELECT * FROM u`,
};

function audit(actorId: string, role: string, action: string, caseId: string, summary: object) {
  const at = new Date();
  const hash = contentHash({
    at,
    actorId,
    actorName: null,
    role,
    organisationId: null,
    action,
    targetType: 'case',
    targetId: caseId,
    summary,
    clientAddress: null,
    requestId: null,
  });
  return [at, JSON.stringify(summary), hash] as const;
}

export type CaseRow = Record<string, unknown> & { id: string; version: number; case_no: string };

const run = (client: pg.Pool | pg.PoolClient, name: keyof typeof SQL, values: unknown[]) =>
  client.query<CaseRow>({ name: `tight_${name}`, text: SQL[name], values });

/** Files an online application: the number, then the case with its event, messages and audit record. */
export async function tightSubmit(
  db: pg.Pool | pg.PoolClient,
  matter: RawMatter,
  applicantId: string,
  key: string,
): Promise<CaseRow> {
  const prefix = `${matter.regionCode}-${TODAY().replaceAll('-', '')}-`;
  const { rows: drawn } = await run(db, 'number', [prefix]);
  const caseNo = `${prefix}${String((drawn[0] as unknown as { last: number }).last).padStart(6, '0')}`;
  const id = randomUUID();
  const [at, summary, hash] = audit(applicantId, 'applicant', 'case.submit', id, { caseNo });
  const { rows } = await run(db, 'submit', [
    id,
    caseNo,
    matter.implementationId,
    matter.versionId,
    matter.departmentId,
    matter.regionCode,
    matter.regionPath,
    applicantId,
    key,
    at,
    summary,
    hash,
  ]);
  return rows[0]!;
}

/** One step of the back office in one statement; null when the case is not at `version` in the step's status. */
export async function tightTransition(
  db: pg.Pool | pg.PoolClient,
  step: Transition,
  caseId: string,
  version: number,
  reviewerId: string,
): Promise<CaseRow | null> {
  const { from, to, tell } = TRANSITIONS[step];
  const [at, summary, hash] = audit(reviewerId, 'department_reviewer', `case.${step}`, caseId, { from, to });
  const { rows } = await run(db, 'transition', [
    caseId,
    version,
    to,
    TODAY(),
    from,
    step,
    reviewerId,
    tell,
    at,
    summary,
    hash,
  ]);
  return rows[0] ?? null;
}

/** Closed-loop lifecycles of the tight statements from this process, one pooled connection per worker. */
export async function runTightLifecycles(options: {
  url: string;
  applicantIds: string[];
  reviewerIds: Map<string, string>;
  matters: RawMatter[];
  workers: number;
  seconds: number;
}) {
  const { applicantIds, reviewerIds, matters, workers, seconds } = options;
  const pool = new pg.Pool({ connectionString: options.url, max: workers });
  const latencies = Object.fromEntries(
    (['submit', ...Object.keys(TRANSITIONS)] as Step[]).map((s) => [s, [] as number[]]),
  ) as Record<Step, number[]>;
  const tag = randomUUID().slice(0, 8);
  let lifecycles = 0;
  let keys = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const client = await pool.connect();
      try {
        const applicantId = applicantIds[w % applicantIds.length]!;
        while (performance.now() < deadline) {
          const matter = matters[Math.floor(Math.random() * matters.length)]!;
          const reviewerId = reviewerIds.get(matter.departmentId)!;
          let t0 = performance.now();
          let row = await tightSubmit(client, matter, applicantId, `tight-${tag}-${w}-${keys++}`);
          latencies.submit.push(performance.now() - t0);
          for (const step of Object.keys(TRANSITIONS) as Transition[]) {
            t0 = performance.now();
            const next = await tightTransition(client, step, row.id, row.version, reviewerId);
            if (!next) throw new Error(`${step} missed case ${row.id}`);
            row = next;
            latencies[step].push(performance.now() - t0);
          }
          lifecycles++;
        }
      } finally {
        client.release();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { lifecycles, seconds: elapsed, latencies, close: () => pool.end() };
}
