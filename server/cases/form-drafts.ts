import { and, eq, sql } from 'drizzle-orm';
import type { Draft } from '../../common/forms/api.ts';
import type { FormValues } from '../../common/forms/schema.ts';
import { filingTarget } from '../catalogue/index.ts';
import type { Db, DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { applicationDrafts } from './tables.ts';

/*
 * Drafts of an application form (申请草稿): saved as the applicant types, one per account and
 * matter, resumable from any session of the same account (another device). Never checked as a
 * filed form is (a draft may be half filled), only bounded in size and depth; filing the
 * application deletes it.
 */

/** The largest draft kept, as JSON (a form of 300 fields with long texts and tables fits). */
export const DRAFT_MAX_BYTES = 256 * 1024;
/** How deep a draft's value may nest: a table (rows of cells), a cell a date range or a list of choices. */
const MAX_DEPTH = 3;

const fieldError = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const items = Array.isArray(value) ? value : Object.values(value);
  return 1 + items.reduce<number>((max, item) => Math.max(max, depthOf(item)), 0);
}

/** A 400 naming the part of a draft that is too large or too deep. */
function checkDraftValues(values: FormValues): void {
  for (const [key, value] of Object.entries(values)) {
    if (depthOf(value) > MAX_DEPTH) {
      throw fieldError(`values/${key}`, '内容层次过深', `nests deeper than ${MAX_DEPTH} levels`);
    }
  }
  if (Buffer.byteLength(JSON.stringify(values)) > DRAFT_MAX_BYTES) {
    throw fieldError('values', `草稿过大（不超过 ${DRAFT_MAX_BYTES / 1024} KB）`, 'the draft is too large');
  }
}

const draftOf = (row: typeof applicationDrafts.$inferSelect): Draft => ({
  implementationId: row.implementationId,
  values: row.values as FormValues,
  updatedAt: row.updatedAt.toISOString(),
});

/** The account's draft for a matter, or null. */
export async function findDraft(
  db: DbOrTx,
  accountId: string,
  implementationId: string,
): Promise<Draft | null> {
  const [row] = await db
    .select()
    .from(applicationDrafts)
    .where(
      and(
        eq(applicationDrafts.accountId, accountId),
        eq(applicationDrafts.implementationId, implementationId),
      ),
    );
  return row ? draftOf(row) : null;
}

/**
 * Saves (replaces) the account's draft for a matter whose published version has a form: a
 * matter not published is a 404, one without a form a 400 naming `implementationId`.
 */
export async function saveDraft(
  db: Db,
  accountId: string,
  implementationId: string,
  values: FormValues,
): Promise<Draft> {
  const target = await filingTarget(db, implementationId);
  if (!target.document.form) {
    throw fieldError('implementationId', '该事项没有在线填写的申请表', 'the matter has no application form');
  }
  checkDraftValues(values);
  const [row] = await db
    .insert(applicationDrafts)
    .values({ accountId, implementationId, values, updatedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [applicationDrafts.accountId, applicationDrafts.implementationId],
      set: { values, updatedAt: sql`now()` },
    })
    .returning();
  return draftOf(row!);
}

/** Deletes the account's draft for a matter; whether there was one. */
export async function deleteDraft(db: DbOrTx, accountId: string, implementationId: string): Promise<boolean> {
  const deleted = await db
    .delete(applicationDrafts)
    .where(
      and(
        eq(applicationDrafts.accountId, accountId),
        eq(applicationDrafts.implementationId, implementationId),
      ),
    )
    .returning({ accountId: applicationDrafts.accountId });
  return deleted.length > 0;
}
