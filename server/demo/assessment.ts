import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { accounts, hashPassword } from '../accounts/index.ts';
import { computeAssessment } from '../assessment/index.ts';
import { todayInChina } from '../calendar/index.ts';
import { cases } from '../cases/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import type { DemoOrganisations } from './organisations.ts';

/** The city departments with a history of concluded cases, best first (the later ones more often late). */
const HISTORY_DEPARTMENTS = ['公安局', '税务局', '人社局', '不动产登记中心', '医保局'];
const CASES_PER_MONTH = 8;
const QUERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const queryCode = () =>
  Array.from({ length: 6 }, () => QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)]).join('');

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const monthBefore = (month: string) => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * A history for the monthly assessment (电子监察): cases of five city departments concluded in the
 * previous month and this month so far (some late, some after several visits) by an applicant of their
 * own, and the scores of both months (their default ratings come from the ratings job once it runs).
 */
export async function seedDemoAssessment(options: {
  db: DbOrTx;
  orgs: DemoOrganisations;
  now?: Date;
}): Promise<void> {
  const { db } = options;
  const now = options.now ?? new Date();
  const today = todayInChina(now);
  const current = today.slice(0, 7);
  const previous = monthBefore(current);
  const [applicant] = await db
    .insert(accounts)
    .values({
      kind: 'person',
      login: '610102198503120016',
      displayName: '赵文博',
      passwordHash: await hashPassword(randomUUID()),
      phone: null,
    })
    .returning({ id: accounts.id });
  let serial = 0;
  const rows: (typeof cases.$inferInsert)[] = [];
  for (const [d, shortName] of HISTORY_DEPARTMENTS.entries()) {
    const departmentId = options.orgs.departments[shortName];
    if (!departmentId) continue;
    const { rows: matters } = await db.execute(sql`
      SELECT i.id, i.published_version_id AS "versionId", i.region_code AS "regionCode", g.path, v.case_type AS "caseType"
      FROM implementations i JOIN implementation_versions v ON v.id = i.published_version_id
      JOIN regions g ON g.code = i.region_code
      WHERE i.organisation_id = ${departmentId} ORDER BY i.code LIMIT 1`);
    const matter = matters[0];
    if (!matter) continue;
    for (const month of [previous, current]) {
      for (let i = 0; i < CASES_PER_MONTH; i++) {
        const concludedOn = addDays(`${month}-01`, 1 + i * 3);
        if (concludedOn >= today || concludedOn.slice(0, 7) !== month) continue;
        const late = (i + d) % 8 >= 8 - d;
        const visits = (i * (d + 1)) % 5 === 4 ? 2 : i % 2;
        const acceptedOn = addDays(concludedOn, -6);
        serial++;
        rows.push({
          caseNo: `${matter.regionCode}-${acceptedOn.replaceAll('-', '')}-9${String(serial).padStart(5, '0')}`,
          queryCode: queryCode(),
          implementationId: matter.id as string,
          versionId: matter.versionId as string,
          departmentId,
          regionCode: matter.regionCode as string,
          regionPath: matter.path as string,
          applicantId: applicant!.id,
          channel: visits > 0 ? 'counter' : 'online',
          status: 'concluded',
          caseType: matter.caseType as string,
          acceptedOn,
          promisedDeadline: addDays(concludedOn, late ? -2 : 2),
          warning: late ? 'red' : 'none',
          workingDaysUsed: late ? 6 : 4,
          visits,
          submittedAt: new Date(`${acceptedOn}T09:30:00+08:00`),
          concludedAt: new Date(`${concludedOn}T15:00:00+08:00`),
        });
      }
    }
  }
  if (rows.length) await db.insert(cases).values(rows);
  await computeAssessment(db, previous, { now });
  await computeAssessment(db, current, { now });
}
