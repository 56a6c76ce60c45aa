import { sql } from 'drizzle-orm';
import type { Browser } from '../accounts/testing.ts';
import type { TestApp } from '../testing/app.ts';
import {
  type BuiltAccount,
  buildCase,
  buildHall,
  buildMatter,
  buildStaff,
  signIn,
} from '../testing/factories.ts';

export { ok } from '../testing/requests.ts';

/** Sub-scores of the online, SMS, kiosk and hotline channels, and of a window. */
export const ONLINE_SCORES = { overall: 5, efficiency: 4, guideAccuracy: 5, convenience: 4, usability: 5 };
export const WINDOW_SCORES = { overall: 5, efficiency: 5, skill: 4, attitude: 5 };
/** A 差评 as given online. */
export const BAD = {
  level: 1,
  subScores: { ...ONLINE_SCORES, overall: 1 },
  problems: ['slow'],
  comment: '跑了三次',
};

/**
 * A department with a matter, its head and reviewer; a hall with a window and its clerk; a
 * supervisor of the region: all signed in.
 */
export async function buildRatingWorld(t: TestApp) {
  const db = t.db.db;
  const matter = await buildMatter(db);
  const staffOf = async (role: 'department_head' | 'department_reviewer', organisationId: string) =>
    signIn(t.app, await buildStaff(db, { roles: [{ role, organisationId }], organisationId }));
  const head = await staffOf('department_head', matter.departmentId);
  const reviewer = await staffOf('department_reviewer', matter.departmentId);
  const hall = await buildHall(db, {
    windows: [{ number: '01', name: '综合受理窗口', kind: 'comprehensive' }],
  });
  const clerk = await signIn(
    t.app,
    await buildStaff(db, { role: 'window_clerk', organisationId: hall.organisationId }),
  );
  const supervisor = await signIn(t.app, await buildStaff(db, { role: 'supervisor' }));
  const operator = await signIn(t.app, await buildStaff(db, { role: 'hotline_operator' }));
  /** A case of the matter moved on by the department's staff, for the applicant given (or a new one). */
  const caseAt = async (stage: 'submitted' | 'accepted' | 'concluded', applicant?: BuiltAccount) =>
    buildCase(t, {
      matter,
      ...(applicant ? { applicant } : {}),
      actions: {
        submitted: [],
        accepted: ['accept'],
        concluded: ['accept', 'start_review', 'approve', 'conclude'],
      }[stage],
    });
  return { matter, head, reviewer, hall, window: hall.windows[0]!, clerk, supervisor, operator, caseAt };
}

/** Marks a case as handled at the hall's window (as a counter filing would). */
export async function handledAtWindow(t: TestApp, caseId: string, hallId: string, windowId: string) {
  await t.db.db.execute(
    sql`UPDATE cases SET hall_id = ${hallId}, window_id = ${windowId} WHERE id = ${caseId}`,
  );
}

/** The rating_monthly row of a scope and month, as counts. */
export async function monthly(t: TestApp, kind: string, id: string, month: string) {
  const { rows } = await t.db.db.execute(
    sql`SELECT total, level1, level2, level3, level4, level5, defaults, bad, rectified, rectified_in_time, voided
        FROM rating_monthly WHERE scope_kind = ${kind} AND scope_id = ${id} AND month = ${month}::date`,
  );
  return rows[0] ?? null;
}

export type { Browser };
