import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/client.ts';
import type { ActivityProfile } from './profile.ts';
import { uniform } from './random.ts';

const nowSql = (now: Date) => `'${now.toISOString()}'::timestamptz`;

/** Who hands the application in (and any supplement): the applicant online or at a kiosk, a clerk, an agent. */
const SUBMITTER = `CASE WHEN g.channel IN ('online', 'kiosk') THEN g.applicant_id END`;
const SUBMITTER_ROLE = `CASE g.channel WHEN 'counter' THEN 'window_clerk' WHEN 'agent' THEN 'agent' ELSE 'applicant' END`;
/** Who pre-reviews: the hall's window for a counter or kiosk filing, the department otherwise. */
const PRE_REVIEWER = `CASE WHEN g.in_hall THEN 'window_clerk' ELSE 'department_reviewer' END`;
const GAP_SUPPLIED = `g.accept_at + (g.concluded_at - g.accept_at) / 2`;

/**
 * The timeline of each generated case, in order: filing (with the channel; a visit at a counter or
 * kiosk), the supplement notice and the filing again, acceptance (容缺 with the missing material and
 * its deadline, or 告知承诺 approved on the spot), review, the missing material handed in, approval or
 * verification of the promise, conclusion with the working days used, delivery (a visit when the
 * result is collected at a window). Returns the events written.
 */
export async function insertTimeline(db: DbOrTx, now: Date): Promise<number> {
  const delivered = `least(g.concluded_at + CASE WHEN g.pickup THEN interval '1 day'
    WHEN g.grp = 'immediate' THEN interval '2 minutes' ELSE interval '3 hours' END, ${nowSql(now)})`;
  const result = await db.execute(
    sql.raw(`
    INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, details, visit, at)
    SELECT g.id, e.action, e.from_status, e.to_status, e.actor_id, e.actor_role, e.details, e.visit, e.at
    FROM gen_cases g
    CROSS JOIN LATERAL (VALUES
      (1, true, 'submit', 'draft', 'submitted', ${SUBMITTER}, ${SUBMITTER_ROLE},
        jsonb_build_object('channel', g.channel), g.in_hall, g.submitted_at),
      (2, g.supp, 'request_supplement', 'submitted', 'needs_supplement', NULL::uuid, ${PRE_REVIEWER}, '{}'::jsonb,
        false, g.submitted_at + CASE WHEN g.in_hall THEN interval '15 minutes' ELSE interval '2 hours' END),
      (3, g.supp, 'resubmit', 'needs_supplement', 'submitted', ${SUBMITTER}, ${SUBMITTER_ROLE}, '{}'::jsonb,
        g.in_hall, g.accept_at - CASE WHEN g.in_hall THEN interval '10 minutes' ELSE interval '1 hour' END),
      (4, true, CASE WHEN g.on_promise THEN 'approve_on_promise' WHEN g.gap THEN 'accept_with_gaps' ELSE 'accept' END,
        'submitted', CASE WHEN g.on_promise THEN 'approved_on_promise' WHEN g.gap THEN 'accepted_with_gaps' ELSE 'accepted' END,
        NULL::uuid, ${PRE_REVIEWER},
        CASE WHEN g.gap THEN jsonb_build_object('gaps', jsonb_build_array(g.gap_key), 'gapDeadline', g.gap_deadline)
          ELSE '{}'::jsonb END, false, g.accept_at),
      (5, g.grp = 'promised' AND NOT g.on_promise AND (NOT g.open OR g.status = 'in_review'), 'start_review',
        CASE WHEN g.gap THEN 'accepted_with_gaps' ELSE 'accepted' END, 'in_review', NULL::uuid, 'department_head',
        '{}'::jsonb, false, g.accept_at + interval '30 minutes'),
      (6, g.gap AND NOT g.open, 'supply_gap', 'in_review', 'in_review', ${SUBMITTER}, ${SUBMITTER_ROLE},
        jsonb_build_object('supplied', jsonb_build_array(g.gap_key), 'stillMissing', '[]'::jsonb), false, ${GAP_SUPPLIED}),
      (7, g.on_promise AND NOT g.open, 'verify', 'approved_on_promise', 'verified', NULL::uuid, 'department_reviewer',
        '{}'::jsonb, false, g.concluded_at - interval '20 minutes'),
      (8, NOT g.on_promise AND NOT g.open, 'approve', CASE WHEN g.grp = 'immediate' THEN 'accepted' ELSE 'in_review' END,
        'approved', NULL::uuid, CASE WHEN g.grp = 'immediate' THEN ${PRE_REVIEWER} ELSE 'department_reviewer' END,
        '{}'::jsonb, false, g.concluded_at - interval '5 minutes'),
      (9, NOT g.open, 'conclude', CASE WHEN g.on_promise THEN 'verified' ELSE 'approved' END, 'concluded', NULL::uuid,
        CASE WHEN g.grp = 'immediate' THEN ${PRE_REVIEWER} ELSE 'department_reviewer' END,
        jsonb_build_object('workingDaysUsed', g.used_days), false, g.concluded_at),
      (10, NOT g.open, 'deliver', 'concluded', 'delivered', NULL::uuid, 'window_clerk',
        jsonb_build_object('delivery', g.delivery), g.pickup, ${delivered})
    ) AS e(k, included, action, from_status, to_status, actor_id, actor_role, details, visit, at)
    WHERE e.included
    ORDER BY g.id, e.k`),
  );
  return result.rowCount ?? 0;
}

/**
 * The materials of each case, drawn into gen_attachments (before the cases are inserted, so that each
 * case is inserted with its counts): a material the catalogue takes from data (an e-certificate, an
 * earlier case, the department's records) is taken from it with the channel's share of the profile,
 * otherwise uploaded by the applicant or scanned at the counter (no file is stored for a generated
 * case). A material accepted as missing (容缺) is attached when it is handed in; an open case still
 * lacks it.
 */
export async function drawAttachments(db: DbOrTx, p: ActivityProfile, seed: number): Promise<void> {
  const reuse = `CASE g.channel ${Object.entries(p.reuse)
    .map(([channel, share]) => `WHEN '${channel}' THEN ${Number(share)}`)
    .join(' ')} END`;
  const draw = uniform('g.i * 512 + m.ord', 63, seed);
  await db.execute(
    sql.raw(`
    CREATE TEMP TABLE gen_attachments AS
    SELECT g.id AS case_id, m.key AS material_key, CASE WHEN r.reused THEN m.name ELSE m.name || '.pdf' END AS file_name,
      CASE WHEN r.reused THEN CASE m.source WHEN 'e_certificate' THEN 'e_certificate'
          WHEN 'shared_case' THEN 'shared_case' ELSE 'registry' END
        WHEN g.channel = 'counter' THEN 'clerk_scan' ELSE 'applicant' END AS source,
      CASE WHEN NOT r.reused AND g.channel IN ('online', 'kiosk') THEN g.applicant_id END AS uploaded_by,
      CASE WHEN g.gap AND m.key = g.gap_key THEN ${GAP_SUPPLIED} ELSE g.submitted_at END AS created_at
    FROM gen_cases g
    JOIN gen_materials m ON m.n = g.n
    CROSS JOIN LATERAL (SELECT m.source IN ('e_certificate', 'shared_case', 'department') AND ${draw} < ${reuse}
      AS reused) r
    WHERE NOT (g.gap AND g.open AND m.key = g.gap_key)`),
  );
}

/**
 * What each case counts of its materials (cases.materials_reused, materials_uploaded: a material is
 * uploaded when any of its files came from the applicant or a counter scan), from gen_attachments: a
 * relation (case_id, reused, uploaded).
 */
export const DRAWN_MATERIAL_COUNTS = sql.raw(`(
  SELECT case_id, (count(*) FILTER (WHERE NOT uploaded))::int AS reused, (count(*) FILTER (WHERE uploaded))::int AS uploaded
  FROM (SELECT case_id, bool_or(source IN ('applicant', 'clerk_scan')) AS uploaded FROM gen_attachments
    GROUP BY case_id, material_key) p
  GROUP BY case_id)`);

/** Inserts the materials drawn by drawAttachments, in the order of the case ids. Returns the rows written. */
export async function insertAttachments(db: DbOrTx): Promise<number> {
  const result = await db.execute(sql`
    INSERT INTO case_attachments (case_id, material_key, file_name, source, uploaded_by, created_at)
    SELECT case_id, material_key, file_name, source, uploaded_by, created_at FROM gen_attachments
    ORDER BY case_id`);
  await db.execute(sql`DROP TABLE gen_attachments`);
  return result.rowCount ?? 0;
}
