import { sql } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { Db } from '../core/db/client.ts';
import type { TestApp } from '../testing/app.ts';
import {
  type BuiltMatter,
  buildCase,
  buildHall,
  buildMatter,
  buildOrganisation,
  ensureRegion,
} from '../testing/factories.ts';

/**
 * Test data of the statistics: cases placed with exactly the facts the figures count (filed,
 * accepted and concluded days in China time, deadline, channel, visits, working days used, hall,
 * matter), as copies of one case filed through the API.
 */

/** What a placed case did. Days are China dates; a time of day is 10:00 China time. */
export type PlacedCase = {
  matter: BuiltMatter;
  filed: string;
  accepted?: string;
  concluded?: string;
  deadline?: string;
  status?: string;
  channel?: 'online' | 'counter' | 'kiosk' | 'agent';
  visits?: number;
  usedDays?: number;
  hallId?: string;
  caseType?: 'immediate' | 'promised';
  /** Accepted with gaps (容缺受理), and the materials still missing (none once they arrived). */
  acceptedWithGaps?: boolean;
  gaps?: string[];
  onPromise?: boolean;
  formFields?: [filled: number, prefilled: number];
};

const at10 = (day: string) => `${day}T02:00:00Z`;

let serial = 0;

/** A place to put cases: copies of a template case of its own, each with the facts it is given. */
export async function caseFactory(t: TestApp) {
  const db = t.db.db;
  const template = await buildCase(t);
  const matterRegion = new Map<string, { code: string; path: string }>();
  const regionOf = async (code: string) => {
    const found = matterRegion.get(code);
    if (found) return found;
    const { rows } = await db.execute<{ path: string }>(sql`SELECT path FROM regions WHERE code = ${code}`);
    const region = { code, path: rows[0]!.path };
    matterRegion.set(code, region);
    return region;
  };
  return async function place(c: PlacedCase): Promise<{ id: string; caseNo: string }> {
    const region = await regionOf(c.matter.regionCode);
    const id = crypto.randomUUID();
    const caseNo = `${c.matter.regionCode}-T${String(++serial).padStart(6, '0')}-${id.slice(0, 6)}`;
    const patch = {
      id,
      case_no: caseNo,
      idempotency_key: null,
      implementation_id: c.matter.id,
      version_id: c.matter.versionId,
      department_id: c.matter.departmentId,
      region_code: region.code,
      region_path: region.path,
      status: c.status ?? (c.concluded ? 'concluded' : 'in_review'),
      case_type: c.caseType ?? 'promised',
      channel: c.channel ?? 'online',
      hall_id: c.hallId ?? null,
      submitted_at: at10(c.filed),
      created_at: at10(c.filed),
      accepted_on: c.accepted ?? null,
      concluded_at: c.concluded ? at10(c.concluded) : null,
      promised_deadline: c.deadline ?? null,
      working_days_used: c.usedDays ?? null,
      visits: c.visits ?? 0,
      accepted_with_gaps: c.acceptedWithGaps ?? false,
      gaps: c.gaps ?? [],
      on_promise: c.onPromise ?? false,
      form_fields_filled: c.formFields?.[0] ?? null,
      form_fields_prefilled: c.formFields?.[1] ?? null,
    };
    await db.execute(sql`INSERT INTO cases
      SELECT (jsonb_populate_record(c, ${JSON.stringify(patch)}::jsonb)).* FROM cases c
      WHERE c.id = ${template.id}`);
    return { id, caseNo };
  };
}

/** A department of the region with a matter of its own (the sample guide with the overrides). */
export async function buildDepartmentWithMatter(
  db: Db,
  regionCode: string,
  document: Partial<ImplementationDocument> = {},
) {
  await ensureRegion(db, regionCode);
  const department = await buildOrganisation(db, { kind: 'department', regionCode });
  const matter = await buildMatter(db, { departmentId: department.id, regionCode, document });
  return { department, matter };
}

/** A hall of a service centre of the region. */
export async function buildHallIn(db: Db, regionCode: string) {
  const centre = await buildOrganisation(db, { kind: 'service_centre', regionCode });
  return buildHall(db, { organisationId: centre.id });
}

/** A material of a case: from the applicant (uploaded) or taken from data (reused). */
export async function attach(db: Db, caseId: string, materialKey: string, source: string) {
  await db.execute(sql`INSERT INTO case_attachments (case_id, material_key, file_name, source)
    VALUES (${caseId}, ${materialKey}, ${`${materialKey}.pdf`}, ${source})`);
}

/** A 补正 in the case's history. */
export async function markSupplemented(db: Db, caseId: string) {
  await db.execute(sql`INSERT INTO case_events (case_id, action, from_status, to_status, actor_role, details)
    VALUES (${caseId}, 'request_supplement', 'submitted', 'needs_supplement', 'window_clerk', '{}'::jsonb)`);
}

/** Tickets of a hall taken on a day, each called after the minutes given (null: never called). */
export async function takeTickets(db: Db, hallId: string, day: string, waits: (number | null)[]) {
  const { rows } = await db.execute<{ id: string }>(sql`INSERT INTO ticket_categories (hall_id, letter, name)
    VALUES (${hallId}, ${`T${++serial}`}, '综合') RETURNING id`);
  const category = rows[0]!.id;
  let number = 0;
  for (const wait of waits) {
    number += 1;
    const taken = `${day}T01:00:00Z`;
    await db.execute(sql`INSERT INTO tickets (hall_id, category_id, day, number, code, priority, rank, channel,
        status, taken_at, called_at)
      VALUES (${hallId}, ${category}, ${day}::date, ${number}, ${`A${number}`}, 'normal', 2, 'kiosk',
        ${wait === null ? 'waiting' : 'done'}, ${taken}::timestamptz,
        ${wait === null ? null : sql`${taken}::timestamptz + make_interval(mins => ${wait})`})`);
  }
}

/** A month's rating counts of a scope as rating_monthly keeps them (satisfied at level 5, bad at level 1). */
export async function keepMonthRatings(
  db: Db,
  month: string,
  scope: [kind: 'department' | 'hall' | 'region', id: string],
  c: { satisfied: number; bad: number; rectified: number },
) {
  await db.execute(sql`INSERT INTO rating_monthly
    (month, scope_kind, scope_id, total, level1, level5, bad, rectified, rectified_in_time)
    VALUES (${`${month}-01`}::date, ${scope[0]}, ${scope[1]}, ${c.satisfied + c.bad}, ${c.bad},
      ${c.satisfied}, ${c.bad}, ${c.rectified}, ${c.rectified})`);
}

/** A month's 12345 counts of a scope as hotline_monthly keeps them. */
export async function keepMonthRequests(
  db: Db,
  month: string,
  scope: [kind: 'department' | 'region', id: string],
  c: { closed: number; closedOnTime: number; overdueOpen: number },
) {
  await db.execute(sql`INSERT INTO hotline_monthly
    (month, scope_kind, scope_id, received, closed, closed_on_time, closed_late, overdue_open)
    VALUES (${`${month}-01`}::date, ${scope[0]}, ${scope[1]}, ${c.closed + c.overdueOpen}, ${c.closed},
      ${c.closedOnTime}, ${c.closed - c.closedOnTime}, ${c.overdueOpen})`);
}
