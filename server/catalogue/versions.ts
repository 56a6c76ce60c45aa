import { desc, eq, inArray } from 'drizzle-orm';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { type AuditContext, recordAudit } from '../audit/index.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { diffDocuments } from './diff.ts';
import { denormalised, implementationNotFound } from './implementations.ts';
import { implementations, implementationVersions } from './tables.ts';
import { assertValidDocument, incompleteError, type Missing, missingElements } from './validation.ts';
import {
  legalBasisOf,
  lockVersions,
  stateOf,
  updateVersionRow,
  type VersionState,
  wrongStatus,
} from './version-rows.ts';

export { approveVersion, publishVersion, rejectVersion, retireImplementation } from './review.ts';
export type { VersionState } from './version-rows.ts';
export { updateVersionRow } from './version-rows.ts';

/**
 * The life cycle of an implementation's versions: draft → under_review → published →
 * superseded | retired. Drafts are edited and submitted here; review.ts publishes them.
 */

/** Saves the open draft; `rev` must be the draft's current revision. */
export async function saveDraft(options: {
  db: DbOrTx;
  audit: AuditContext;
  implementationId: string;
  rev: number;
  document: ImplementationDocument;
}): Promise<VersionState> {
  assertValidDocument(options.document);
  return options.db.transaction(async (tx) => {
    const { open } = await lockVersions(tx, options.implementationId);
    if (open?.status !== 'draft') throw wrongStatus(open?.status ?? null, 'save');
    if (open.rev !== options.rev) throw new AppError('resource.conflict');
    const changes = diffDocuments(open.document, options.document);
    if (!changes.length) return stateOf(open);
    const saved = await updateVersionRow(tx, open.id, {
      ...denormalised(options.document),
      rev: open.rev + 1,
    });
    await recordAudit(tx, options.audit, {
      action: 'catalogue.draft.save',
      targetType: 'implementation',
      targetId: options.implementationId,
      summary: { versionNo: open.versionNo, rev: saved.rev, changes: changes.slice(0, 50) },
    });
    return stateOf(saved);
  });
}

/** Opens a new draft, a copy of the published version (or of the latest one when none is published). */
export async function openDraft(options: {
  db: DbOrTx;
  audit: AuditContext;
  implementationId: string;
}): Promise<VersionState> {
  return options.db.transaction(async (tx) => {
    const { open, published, versions } = await lockVersions(tx, options.implementationId);
    if (open) throw new AppError('catalogue.draft_exists');
    const source = published ?? versions[0]!;
    const versionNo = versions[0]!.versionNo + 1;
    const [created] = await tx
      .insert(implementationVersions)
      .values({
        implementationId: options.implementationId,
        versionNo,
        status: 'draft',
        ...denormalised(source.document),
        createdBy: options.audit.actor?.accountId ?? null,
      })
      .returning();
    await recordAudit(tx, options.audit, {
      action: 'catalogue.draft.open',
      targetType: 'implementation',
      targetId: options.implementationId,
      summary: { versionNo, copiedFrom: source.versionNo },
    });
    return stateOf(created!);
  });
}

/** What the open version (or else the latest) still lacks before publication. */
export async function completenessOf(options: {
  db: DbOrTx;
  implementationId: string;
}): Promise<{ versionNo: number; complete: boolean; missing: Missing[] }> {
  const { db, implementationId } = options;
  const [impl] = await db.select().from(implementations).where(eq(implementations.id, implementationId));
  if (!impl) throw implementationNotFound();
  const [version] = await db
    .select()
    .from(implementationVersions)
    .where(eq(implementationVersions.implementationId, implementationId))
    .orderBy(
      desc(inArray(implementationVersions.status, ['draft', 'under_review'])),
      desc(implementationVersions.versionNo),
    )
    .limit(1);
  const missing = missingElements(version!.document, await legalBasisOf(db, impl.basicMatterId));
  return { versionNo: version!.versionNo, complete: missing.length === 0, missing };
}

/** Submits the draft for review; refused with the list of what is missing when incomplete. */
export async function submitVersion(options: {
  db: DbOrTx;
  audit: AuditContext;
  implementationId: string;
  rev: number;
}): Promise<VersionState> {
  return options.db.transaction(async (tx) => {
    const { impl, open } = await lockVersions(tx, options.implementationId);
    if (open?.status !== 'draft') throw wrongStatus(open?.status ?? null, 'submit');
    if (open.rev !== options.rev) throw new AppError('resource.conflict');
    const missing = missingElements(open.document, await legalBasisOf(tx, impl.basicMatterId));
    if (missing.length) throw incompleteError(missing);
    const submitted = await updateVersionRow(tx, open.id, {
      status: 'under_review',
      rev: open.rev + 1,
      submittedBy: options.audit.actor?.accountId ?? null,
      submittedAt: new Date(),
      reviewComment: null,
      reviewedBy: null,
    });
    await recordAudit(tx, options.audit, {
      action: 'catalogue.version.submit',
      targetType: 'implementation',
      targetId: options.implementationId,
      summary: { versionNo: open.versionNo },
    });
    return stateOf(submitted);
  });
}
