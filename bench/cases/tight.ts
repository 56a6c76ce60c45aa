import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import {
  caseAudit,
  drawCaseNo,
  matterValues,
  type RawMatter,
  type RawOptions,
  type RawRun,
  runPooled,
  TRANSITIONS,
  type Transition,
  today,
} from './baseline.ts';

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
  const caseNo = await drawCaseNo(db, matter);
  const id = randomUUID();
  const { at, summary, hash } = caseAudit(applicantId, 'applicant', 'case.submit', id, { caseNo });
  const { rows } = await run(db, 'submit', [
    id,
    caseNo,
    ...matterValues(matter),
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
  const { at, summary, hash } = caseAudit(reviewerId, 'department_reviewer', `case.${step}`, caseId, {
    from,
    to,
  });
  const { rows } = await run(db, 'transition', [
    caseId,
    version,
    to,
    today(),
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
export function runTightLifecycles(options: RawOptions): Promise<RawRun> {
  return runPooled(options, async ({ client, matter, applicantId, reviewerId, key, took }) => {
    let t0 = performance.now();
    let row = await tightSubmit(client, matter, applicantId, key);
    took('submit', t0);
    for (const step of Object.keys(TRANSITIONS) as Transition[]) {
      t0 = performance.now();
      const next = await tightTransition(client, step, row.id, row.version, reviewerId);
      if (!next) throw new Error(`${step} missed case ${row.id}`);
      row = next;
      took(step, t0);
    }
  });
}
