import { type SQL, sql } from 'drizzle-orm';
import { auditRecords, listAuditRecords } from '../audit/index.ts';
import type { Actor } from '../core/access/actor.ts';
import type { DbOrTx } from '../core/db/client.ts';

/**
 * May this user download the stored file? System administrators may; otherwise only
 * someone who uploaded this content (an audited 'file.upload' by the same account).
 * Files attached to a case are read through the case, under the case's permissions.
 */
export async function mayReadFile(options: { db: DbOrTx; actor: Actor; sha256: string }): Promise<boolean> {
  const { actor } = options;
  if (actor.grants.some((grant) => grant.role === 'system_admin')) return true;
  const uploads = await listAuditRecords({
    db: options.db,
    filter: {
      actorId: actor.accountId,
      action: 'file.upload',
      targetType: 'file',
      targetId: options.sha256,
      limit: 1,
      offset: 0,
    },
    scope: { organisationIds: [], actorId: actor.accountId, withoutOrganisation: false },
  });
  return uploads.total > 0;
}

/**
 * The files among `hashes` that the account uploaded itself, as SQL (one row per file, column
 * `sha256`): an upload is the audited 'file.upload' of that account, the same record that lets
 * the uploader read the file back (mayReadFile). One look-up of the audit target index per hash.
 */
export function uploadedBySql(accountId: string | null, hashes: string[]): SQL {
  return sql`SELECT DISTINCT ${auditRecords.targetId} AS sha256 FROM ${auditRecords}
     WHERE ${auditRecords.targetType} = 'file' AND ${auditRecords.targetId} = ANY(${sql.param(hashes)}::text[])
       AND ${auditRecords.action} = 'file.upload' AND ${auditRecords.actorId} = ${accountId}`;
}
