import { sql } from 'drizzle-orm';
import type { RatingStage } from '../../common/ratings/api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';

/** What a rating needs to know about its case: who applied, where it was handled, which stages it reached. */
export type CaseFacts = {
  id: string;
  caseNo: string;
  applicantId: string;
  applicantName: string;
  matterName: string;
  departmentId: string;
  hallId: string | null;
  hallOrganisationId: string | null;
  windowId: string | null;
  regionCode: string;
  regionPath: string;
  acceptedOn: string | null;
  concludedAt: Date | null;
};

const SELECT = sql`SELECT c.id, c.case_no AS "caseNo", c.applicant_id AS "applicantId",
    a.display_name AS "applicantName", coalesce(v.document->>'name', '') AS "matterName",
    c.department_id AS "departmentId", c.hall_id AS "hallId", h.organisation_id AS "hallOrganisationId",
    c.window_id AS "windowId", c.region_code AS "regionCode", c.region_path AS "regionPath",
    c.accepted_on::text AS "acceptedOn", c.concluded_at AS "concludedAt"
  FROM cases c
  JOIN accounts a ON a.id = c.applicant_id
  JOIN implementation_versions v ON v.id = c.version_id
  LEFT JOIN halls h ON h.id = c.hall_id`;

function present(row: Record<string, unknown> | undefined): CaseFacts | null {
  if (!row) return null;
  const concludedAt = row.concludedAt ? new Date(row.concludedAt as string) : null;
  return { ...(row as CaseFacts), concludedAt };
}

/** The case with this id, or null. */
export async function caseFacts(db: DbOrTx, caseId: string): Promise<CaseFacts | null> {
  return present((await db.execute(sql`${SELECT} WHERE c.id = ${caseId}`)).rows[0]);
}

/** The case with this case number, or null. */
export async function caseFactsByNo(db: DbOrTx, caseNo: string): Promise<CaseFacts | null> {
  return present((await db.execute(sql`${SELECT} WHERE c.case_no = ${caseNo}`)).rows[0]);
}

/** The case as its applicant sees it; anyone else's (or none) is a 404. */
export async function ownCase(db: DbOrTx, accountId: string, caseId: string): Promise<CaseFacts> {
  const facts = await caseFacts(db, caseId);
  if (!facts || facts.applicantId !== accountId) throw caseNotFound();
  return facts;
}

export const caseNotFound = (field?: string) =>
  new AppError('resource.not_found', { ...(field ? { field } : {}), params: { resource: '办件' } });

/** Has the case reached the stage (accepted, or concluded)? */
export const reached = (facts: CaseFacts, stage: RatingStage): boolean =>
  stage === 'accepted' ? facts.acceptedOn !== null : facts.concludedAt !== null;

/** Where the case lives, for the policy. */
export const caseResource = (facts: CaseFacts) => ({
  organisationId: facts.departmentId,
  regionPath: facts.regionPath,
  hallOrganisationId: facts.hallOrganisationId,
  ownerAccountId: facts.applicantId,
});

/** A person's name as shown to others at a window: the family name and a star per other character. */
export function maskedName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? name : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
