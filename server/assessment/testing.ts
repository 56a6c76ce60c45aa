import { sql } from 'drizzle-orm';
import type { Actor } from '../core/access/actor.ts';
import type { Db } from '../core/db/client.ts';
import type { TestApp } from '../testing/app.ts';
import { buildCase, buildMatter, buildOrganisation, ensureRegion } from '../testing/factories.ts';

/** A case of the month as the assessment reads it: when concluded (or open), its deadline, visits, warning. */
export type MonthCase = {
  concludedAt?: string | null;
  promised?: string | null;
  visits?: number;
  warning?: 'none' | 'yellow' | 'red';
  status?: string;
  regionPath?: string;
};

let serial = 0;

/**
 * A department of the region with one filed case as a template; `place` copies the template with the
 * month's facts (concluded or open, deadline, visits, warning, region path), as the case flow leaves them.
 */
export async function buildAssessedDepartment(t: TestApp, regionCode: string, name?: string) {
  const db = t.db.db;
  await ensureRegion(db, regionCode);
  const department = await buildOrganisation(db, {
    kind: 'department',
    regionCode,
    ...(name ? { name: `${name}${++serial}` } : {}),
  });
  const matter = await buildMatter(db, { departmentId: department.id, regionCode });
  const template = await buildCase(t, { matter });
  const place = async (facts: MonthCase) => {
    const patch = {
      id: crypto.randomUUID(),
      case_no: `${template.caseNo}-${++serial}`,
      idempotency_key: null,
      status: facts.status ?? (facts.concludedAt ? 'concluded' : 'in_review'),
      concluded_at: facts.concludedAt ?? null,
      promised_deadline: facts.promised ?? null,
      visits: facts.visits ?? 0,
      warning: facts.warning ?? 'none',
      ...(facts.regionPath ? { region_path: facts.regionPath } : {}),
    };
    await db.execute(sql`INSERT INTO cases
      SELECT (jsonb_populate_record(c, ${JSON.stringify(patch)}::jsonb)).* FROM cases c WHERE c.id = ${template.id}`);
  };
  return { ...department, place };
}

/** A month's rating counts of a scope, as rating_monthly keeps them. */
export async function keepRatings(
  db: Db,
  month: string,
  scope: ['department' | 'region', string],
  c: {
    level5?: number;
    level4?: number;
    level3?: number;
    level2?: number;
    level1?: number;
    defaults?: number;
    rectified?: number;
    rectifiedInTime?: number;
  },
) {
  const levels = [c.level1 ?? 0, c.level2 ?? 0, c.level3 ?? 0, c.level4 ?? 0, c.level5 ?? 0];
  const total = levels.reduce((a, b) => a + b, 0);
  await db.execute(sql`INSERT INTO rating_monthly
    (month, scope_kind, scope_id, total, level1, level2, level3, level4, level5, defaults, bad, rectified, rectified_in_time)
    VALUES (${`${month}-01`}::date, ${scope[0]}, ${scope[1]}, ${total}, ${levels[0]}, ${levels[1]}, ${levels[2]},
      ${levels[3]}, ${levels[4]}, ${c.defaults ?? 0}, ${(c.level1 ?? 0) + (c.level2 ?? 0)}, ${c.rectified ?? 0}, ${c.rectifiedInTime ?? 0})`);
}

/** A month's 12345 counts of a scope, as hotline_monthly keeps them. */
export async function keepRequests(
  db: Db,
  month: string,
  scope: ['department' | 'region', string],
  c: { received: number; closed: number; closedOnTime: number; overdueOpen: number },
) {
  await db.execute(sql`INSERT INTO hotline_monthly (month, scope_kind, scope_id, received, closed, closed_on_time, closed_late, overdue_open)
    VALUES (${`${month}-01`}::date, ${scope[0]}, ${scope[1]}, ${c.received}, ${c.closed}, ${c.closedOnTime},
      ${c.closed - c.closedOnTime}, ${c.overdueOpen})`);
}

/** A supervisor of the region path, as the policy sees one. */
export const supervisorOf = (regionPath: string): Actor => ({
  accountId: crypto.randomUUID(),
  kind: 'staff',
  login: 'supervisor',
  displayName: '监察员',
  organisationId: null,
  grants: [{ role: 'supervisor', organisationId: null, regionPath }],
});
