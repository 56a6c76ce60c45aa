import { desc, eq } from 'drizzle-orm';
import { LABELS, type VersionStatus } from '../../common/catalogue/elements.ts';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { implementationNotFound } from './implementations.ts';
import { basicMatters, implementations, implementationVersions } from './tables.ts';

export type VersionRow = typeof implementationVersions.$inferSelect;

/** The version as the workbench sees it after a change. */
export type VersionState = {
  versionNo: number;
  status: VersionStatus;
  rev: number;
  document: ImplementationDocument;
};

export const stateOf = (v: VersionRow): VersionState => ({
  versionNo: v.versionNo,
  status: v.status as VersionStatus,
  rev: v.rev,
  document: v.document,
});

const OPERATIONS = {
  save: ['保存修改', 'save changes'],
  submit: ['提交审核', 'submit it'],
  approve: ['审核发布', 'approve it'],
  reject: ['退回修改', 'reject it'],
  retire: ['停用', 'retire it'],
} as const;

export function wrongStatus(status: string | null, operation: keyof typeof OPERATIONS): AppError {
  const [zh, en] = OPERATIONS[operation];
  return new AppError('catalogue.wrong_status', {
    params: {
      status: status
        ? (LABELS.versionStatus[status as VersionStatus] ?? status)
        : operation === 'retire'
          ? '未发布'
          : '无草稿',
      statusEn: status ?? (operation === 'retire' ? 'not published' : 'missing'),
      operation: zh,
      operationEn: en,
    },
  });
}

/** Locks the implementation (serialising its life cycle) and reads its versions, newest first. */
export async function lockVersions(tx: Tx, implementationId: string) {
  const [impl] = await tx
    .select()
    .from(implementations)
    .where(eq(implementations.id, implementationId))
    .for('update');
  if (!impl) throw implementationNotFound();
  const versions = await tx
    .select()
    .from(implementationVersions)
    .where(eq(implementationVersions.implementationId, implementationId))
    .orderBy(desc(implementationVersions.versionNo));
  return {
    impl,
    versions,
    open: versions.find((v) => v.status === 'draft' || v.status === 'under_review'),
    published: versions.find((v) => v.status === 'published'),
  };
}

export async function legalBasisOf(db: DbOrTx, basicMatterId: string) {
  const [row] = await db
    .select({ legalBasis: basicMatters.legalBasis })
    .from(basicMatters)
    .where(eq(basicMatters.id, basicMatterId));
  return row?.legalBasis ?? [];
}

/** Writes changes to one version row (life-cycle rules are the caller's). */
export async function updateVersionRow(
  tx: Tx,
  id: string,
  changes: Partial<VersionRow>,
): Promise<VersionRow> {
  const [row] = await tx
    .update(implementationVersions)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(implementationVersions.id, id))
    .returning();
  return row!;
}
