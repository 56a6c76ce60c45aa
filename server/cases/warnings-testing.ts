import { randomBytes } from 'node:crypto';
import { eq, isNotNull, sql } from 'drizzle-orm';
import { accounts } from '../accounts/index.ts';
import { implementations } from '../catalogue/index.ts';
import type { Db } from '../core/db/client.ts';
import { cases } from './tables.ts';

let serial = 0;

/**
 * Inserts a case row directly (demo data loaded: any published implementation and the demo
 * person as applicant) with the given status and promised deadline; returns its id.
 */
export async function insertCase(
  db: Db,
  values: { status: string; promisedDeadline: string | null; warning?: string },
): Promise<string> {
  const [impl] = await db
    .select({
      id: implementations.id,
      versionId: implementations.publishedVersionId,
      organisationId: implementations.organisationId,
      regionCode: implementations.regionCode,
    })
    .from(implementations)
    .where(isNotNull(implementations.publishedVersionId))
    .limit(1);
  const [applicant] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.kind, 'person'))
    .limit(1);
  if (!impl?.versionId || !applicant) throw new Error('load the demo data first');
  const [row] = await db
    .insert(cases)
    .values({
      caseNo: `${impl.regionCode}-TEST-${++serial}-${randomBytes(3).toString('hex')}`,
      queryCode: '123456',
      implementationId: impl.id,
      versionId: impl.versionId,
      departmentId: impl.organisationId,
      regionCode: impl.regionCode,
      regionPath: sql`(SELECT path FROM regions WHERE code = ${impl.regionCode})`,
      applicantId: applicant.id,
      channel: 'online',
      status: values.status,
      caseType: 'promised',
      promisedDeadline: values.promisedDeadline,
      warning: values.warning ?? 'none',
    })
    .returning({ id: cases.id });
  return row!.id;
}

export async function warningOf(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ warning: cases.warning }).from(cases).where(eq(cases.id, id));
  return row?.warning;
}
