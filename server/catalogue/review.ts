import { and, eq } from 'drizzle-orm';
import type { VersionStatus } from '../../common/catalogue/elements.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import { changed } from '../core/caches.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { indexPublishedVersion, unindexImplementation } from './search-index.ts';
import { implementations, implementationVersions } from './tables.ts';
import { incompleteError, missingElements } from './validation.ts';
import {
  legalBasisOf,
  lockVersions,
  stateOf,
  updateVersionRow,
  type VersionRow,
  type VersionState,
  wrongStatus,
} from './version-rows.ts';

/**
 * Publishes one version inside the caller's transaction: the previous published version is
 * superseded, the implementation points at the new one and the search index is updated.
 */
export async function publishVersion(options: {
  tx: Tx;
  implementationId: string;
  versionId: string;
  previousId: string | null;
  reviewedBy: string | null;
  comment: string | null;
  at: Date;
}): Promise<void> {
  const { tx, at } = options;
  if (options.previousId) await updateVersionRow(tx, options.previousId, { status: 'superseded' });
  await updateVersionRow(tx, options.versionId, {
    status: 'published',
    publishedAt: at,
    reviewedBy: options.reviewedBy,
    reviewComment: options.comment,
  });
  await tx
    .update(implementations)
    .set({ publishedVersionId: options.versionId, updatedAt: at })
    .where(eq(implementations.id, options.implementationId));
  changed('implementation', options.implementationId);
  await indexPublishedVersion({ tx, versionId: options.versionId });
}

function reviewable(
  open: VersionRow | undefined,
  audit: AuditContext,
  operation: 'approve' | 'reject',
): VersionRow {
  if (open?.status !== 'under_review') throw wrongStatus(open?.status ?? null, operation);
  if (audit.actor && open.submittedBy === audit.actor.accountId)
    throw new AppError('catalogue.own_submission');
  return open;
}

/** Approves the version under review: it becomes the published version. */
export async function approveVersion(options: {
  db: DbOrTx;
  audit: AuditContext;
  implementationId: string;
  comment?: string | null;
}): Promise<VersionState> {
  const state = await options.db.transaction(async (tx) => {
    const { impl, open, published } = await lockVersions(tx, options.implementationId);
    const version = reviewable(open, options.audit, 'approve');
    const missing = missingElements(version.document, await legalBasisOf(tx, impl.basicMatterId));
    if (missing.length) throw incompleteError(missing);
    await publishVersion({
      tx,
      implementationId: impl.id,
      versionId: version.id,
      previousId: published?.id ?? null,
      reviewedBy: options.audit.actor?.accountId ?? null,
      comment: options.comment?.trim() || null,
      at: new Date(),
    });
    await recordAudit(tx, options.audit, {
      action: 'catalogue.version.publish',
      targetType: 'implementation',
      targetId: impl.id,
      summary: {
        versionNo: version.versionNo,
        superseded: published?.versionNo ?? null,
        comment: options.comment?.trim() || null,
      },
    });
    const [row] = await tx
      .select()
      .from(implementationVersions)
      .where(eq(implementationVersions.id, version.id));
    return stateOf(row!);
  });
  // Again after the commit: a filing read that ran meanwhile may have kept the earlier version.
  changed('implementation', options.implementationId);
  return state;
}

/** Sends the version under review back to its editors as a draft, with the reviewer's comment. */
export async function rejectVersion(options: {
  db: DbOrTx;
  audit: AuditContext;
  implementationId: string;
  comment: string;
}): Promise<VersionState> {
  const comment = options.comment.trim();
  if (!comment) {
    throw new AppError('validation.field', {
      field: 'comment',
      params: { problem: '退回时须说明理由', problemEn: 'must give a reason' },
    });
  }
  return options.db.transaction(async (tx) => {
    const { open } = await lockVersions(tx, options.implementationId);
    const version = reviewable(open, options.audit, 'reject');
    const rejected = await updateVersionRow(tx, version.id, {
      status: 'draft',
      rev: version.rev + 1,
      reviewComment: comment,
      reviewedBy: options.audit.actor?.accountId ?? null,
    });
    await recordAudit(tx, options.audit, {
      action: 'catalogue.version.reject',
      targetType: 'implementation',
      targetId: options.implementationId,
      summary: { versionNo: version.versionNo, comment },
    });
    return stateOf(rejected);
  });
}

/** Withdraws the published version: the matter is no longer offered. An open draft stays. */
export async function retireImplementation(options: {
  db: DbOrTx;
  audit: AuditContext;
  implementationId: string;
}): Promise<{ versionNo: number; status: VersionStatus }> {
  const retired = await options.db.transaction(async (tx) => {
    const { published } = await lockVersions(tx, options.implementationId);
    if (!published) throw wrongStatus(null, 'retire');
    await updateVersionRow(tx, published.id, { status: 'retired' });
    await tx
      .update(implementations)
      .set({ publishedVersionId: null, updatedAt: new Date() })
      .where(and(eq(implementations.id, options.implementationId)));
    changed('implementation', options.implementationId);
    await unindexImplementation({ tx, implementationId: options.implementationId });
    await recordAudit(tx, options.audit, {
      action: 'catalogue.version.retire',
      targetType: 'implementation',
      targetId: options.implementationId,
      summary: { versionNo: published.versionNo },
    });
    return { versionNo: published.versionNo, status: 'retired' as const };
  });
  changed('implementation', options.implementationId);
  return retired;
}
