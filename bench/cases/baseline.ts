import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { contentHash } from '../../server/audit/chain.ts';
import { STEPS, type Step } from './lifecycles.ts';

export type RawMatter = {
  implementationId: string;
  versionId: string;
  departmentId: string;
  regionCode: string;
  regionPath: string;
};

/** Today in China (ISO date), as the application dates cases. */
export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const NUMBER = {
  name: 'raw_case_number',
  text: `INSERT INTO case_number_counters (prefix, last) VALUES ($1, 1)
         ON CONFLICT (prefix) DO UPDATE SET last = case_number_counters.last + 1 RETURNING last`,
};

/** Draws the next case number of the matter's region today, as the application does. */
export async function drawCaseNo(client: pg.Pool | pg.PoolClient, matter: RawMatter): Promise<string> {
  const prefix = `${matter.regionCode}-${today().replaceAll('-', '')}-`;
  const { rows } = await client.query<{ last: number }>({ ...NUMBER, values: [prefix] });
  return `${prefix}${String(rows[0]!.last).padStart(6, '0')}`;
}

/** The columns of a new case that come from its matter, in the order the statements list them. */
export const matterValues = (m: RawMatter) => [
  m.implementationId,
  m.versionId,
  m.departmentId,
  m.regionCode,
  m.regionPath,
];

const SQL = {
  insertCase: `INSERT INTO cases (case_no, query_code, implementation_id, version_id, department_id, region_code,
                 region_path, applicant_id, channel, status, case_type, idempotency_key, submitted_at)
               VALUES ($1, 'BENCH1', $2, $3, $4, $5, $6, $7, 'online', 'submitted', 'promised', $8, now())
               RETURNING id, version`,
  lock: 'SELECT status, version FROM cases WHERE id = $1 FOR UPDATE',
  update: `UPDATE cases SET status = $2, version = version + 1, updated_at = now(),
             accepted_on = coalesce(accepted_on, $3::date), promised_deadline = coalesce(promised_deadline, $3::date + 7),
             legal_deadline = coalesce(legal_deadline, $3::date + 20)
           WHERE id = $1 RETURNING version`,
  event: `INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, details)
          VALUES ($1, $2, $3, $4, $5, $6, '{}'::jsonb)`,
  notify: `INSERT INTO notifications (account_id, channel, address, title, body, subject, status, sent_at)
           VALUES ($1, 'in_app', NULL, $2, $3, $4, 'sent', now()), ($1, 'sms', '13900000000', $2, $3, $4, 'sent', now())`,
  audit: `INSERT INTO audit_records (at, actor_id, role, action, target_type, target_id, summary, content_hash)
          VALUES ($1, $2, $3, $4, 'case', $5, $6, $7)`,
};

export type Transition = Exclude<Step, 'submit'>;

/** The back-office steps of a lifecycle: the status before and after, and whether the applicant is told. */
export const TRANSITIONS: Record<Transition, { from: string; to: string; tell: boolean }> = {
  accept: { from: 'submitted', to: 'accepted', tell: true },
  'start-review': { from: 'accepted', to: 'in_review', tell: false },
  approve: { from: 'in_review', to: 'approved', tell: true },
  conclude: { from: 'approved', to: 'concluded', tell: true },
};

/** The time, summary and content hash of a case's audit record, as the application computes them. */
export function caseAudit(actorId: string, role: string, action: string, caseId: string, summary: object) {
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
  return { at, summary: JSON.stringify(summary), hash };
}

export type RawOptions = {
  url: string;
  applicantIds: string[];
  reviewerIds: Map<string, string>;
  matters: RawMatter[];
  workers: number;
  seconds: number;
};

export type RawRun = {
  lifecycles: number;
  seconds: number;
  latencies: Record<Step, number[]>;
  close: () => Promise<void>;
};

/** What one lifecycle of a pooled run gets: its connection, matter, people, a fresh key and the step timer. */
export type PooledLifecycle = {
  client: pg.PoolClient;
  matter: RawMatter;
  applicantId: string;
  reviewerId: string;
  key: string;
  /** Records the latency of `step`, begun at `t0` (performance.now()). */
  took: (step: Step, t0: number) => void;
};

/**
 * Closed-loop lifecycles from this process until `seconds` have passed: each of `workers` holds a
 * pooled connection and runs `lifecycle` for a random matter, again and again.
 */
export async function runPooled(
  options: RawOptions,
  lifecycle: (one: PooledLifecycle) => Promise<void>,
): Promise<RawRun> {
  const { applicantIds, reviewerIds, matters, workers, seconds } = options;
  const pool = new pg.Pool({ connectionString: options.url, max: workers });
  const latencies = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const run = randomUUID().slice(0, 8);
  const took = (step: Step, t0: number) => latencies[step].push(performance.now() - t0);
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
          await lifecycle({
            client,
            matter,
            applicantId,
            reviewerId,
            key: `raw-${run}-${w}-${keys++}`,
            took,
          });
          lifecycles++;
        }
      } finally {
        client.release();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  // The pool is closed by the caller, after the CPU of its backends has been read.
  return { lifecycles, seconds: elapsed, latencies, close: () => pool.end() };
}

/**
 * The same writes as an HTTP lifecycle, as plain SQL from this process: per step one transaction
 * with the case row, its timeline event, the applicant's messages (in-app and SMS) and the audit
 * record (queued for the chain by the same trigger); the case number drawn as the application does.
 */
export function runRawLifecycles(options: RawOptions): Promise<RawRun> {
  const q = (client: pg.PoolClient, name: keyof typeof SQL, values: unknown[]) =>
    client.query({ name, text: SQL[name], values });
  const audit = (actorId: string, role: string, action: string, caseId: string, summary: object) => {
    const { at, summary: text, hash } = caseAudit(actorId, role, action, caseId, summary);
    return [at, actorId, role, action, caseId, text, hash];
  };
  return runPooled(options, async ({ client, matter, applicantId, reviewerId, key, took }) => {
    let t0 = performance.now();
    const caseNo = await drawCaseNo(client, matter);
    await client.query('BEGIN');
    const { rows: created } = await q(client, 'insertCase', [
      caseNo,
      ...matterValues(matter),
      applicantId,
      key,
    ]);
    const caseId = created[0].id as string;
    await q(client, 'event', [caseId, 'submit', 'draft', 'submitted', applicantId, 'applicant']);
    await q(client, 'notify', [applicantId, '申请已收到', `您的申请（${caseNo}）已提交`, { caseId, caseNo }]);
    await q(client, 'audit', audit(applicantId, 'applicant', 'case.submit', caseId, { caseNo }));
    await client.query('COMMIT');
    took('submit', t0);
    for (const step of STEPS.slice(1) as Transition[]) {
      const { from, to, tell } = TRANSITIONS[step];
      t0 = performance.now();
      await client.query('BEGIN');
      const { rows: locked } = await q(client, 'lock', [caseId]);
      if (locked[0].status !== from) throw new Error(`unexpected status ${locked[0].status}`);
      await q(client, 'update', [caseId, to, today()]);
      await q(client, 'event', [caseId, step, from, to, reviewerId, 'department_reviewer']);
      if (tell) await q(client, 'notify', [applicantId, step, `${caseNo} ${to}`, { caseId, caseNo }]);
      await q(
        client,
        'audit',
        audit(reviewerId, 'department_reviewer', `case.${step}`, caseId, { caseNo, from, to }),
      );
      await client.query('COMMIT');
      took(step, t0);
    }
  });
}
