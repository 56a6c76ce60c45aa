import { createHash } from 'node:crypto';
import type { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { canonicalJson } from '../core/crypto/signed.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { uploadedBySql } from '../files/index.ts';

/** The distinct file hashes of a list of materials. */
export const hashesOf = (materials: { sha256: string }[]) => [...new Set(materials.map((m) => m.sha256))];

/**
 * A 400 naming the first material whose file is not one the submitter uploaded (`materials.2.sha256`).
 * A file someone else uploaded and a hash of no file at all are refused alike: the answer tells
 * nothing about other people's files. Entries without a file (reused materials) are skipped.
 */
export function refuseOthersFiles(
  document: ImplementationDocument,
  materials: ({ key: string; sha256: string } | { key: string })[],
  uploaded: ReadonlySet<string>,
  field = 'materials',
): void {
  materials.forEach((m, i) => {
    if (!('sha256' in m) || uploaded.has(m.sha256)) return;
    const name = document.materials.find((d) => d.key === m.key)?.name ?? m.key;
    throw new AppError('validation.field', {
      field: `${field}.${i}.sha256`,
      params: {
        problem: `材料“${name}”须是提交人本人上传的文件`,
        problemEn: `the file of material "${name}" must be one the submitter uploaded`,
      },
    });
  });
}

/**
 * Materials handed in with an action (补正 resubmission, 容缺 supply): every file must be one the
 * person acting uploaded. One statement when there are files, none otherwise.
 */
export async function requireOwnUploads(options: {
  db: DbOrTx;
  accountId: string | null;
  document: ImplementationDocument;
  materials: { key: string; sha256: string }[];
}): Promise<void> {
  const hashes = hashesOf(options.materials);
  if (hashes.length === 0) return;
  const { rows } = await options.db.execute<{ sha256: string }>(uploadedBySql(options.accountId, hashes));
  refuseOthersFiles(options.document, options.materials, new Set(rows.map((r) => r.sha256)));
}

/**
 * The sha-256 of a submission's request body in canonical JSON: the same request sent again with
 * its keys in another order has the same hash.
 */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}
