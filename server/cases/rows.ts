import { and, eq, isNull } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { filedDocument } from '../catalogue/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { type cases, creditRecords } from './tables.ts';

export type CaseRow = typeof cases.$inferSelect;

export const caseNotFound = () => new AppError('resource.not_found', { params: { resource: '办件' } });

/** The catalogue version a case was filed under (its document: materials, limits, 告知承诺). */
export async function documentOf(db: DbOrTx, versionId: string): Promise<ImplementationDocument> {
  return filedDocument(db, versionId);
}

/** The unlifted credit record (告知承诺 失信) of an applicant, if any. */
export async function openCreditRecord(db: DbOrTx, accountId: string) {
  const [row] = await db
    .select()
    .from(creditRecords)
    .where(and(eq(creditRecords.accountId, accountId), isNull(creditRecords.liftedAt)))
    .limit(1);
  return row ?? null;
}
