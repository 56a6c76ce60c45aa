import { after, before } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { type AuditContext, auditRecords } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { FACTORY_AUDIT } from './factory-values.ts';

/**
 * For one test file: a fresh, empty database for the factories (dropped after the file's tests)
 * and an audit context of its own; `setup` runs once it exists, before the file's tests.
 */
export function withTestDatabase(
  requestId: string,
  setup?: (db: Db) => Promise<void>,
): {
  readonly db: Db;
  audit: AuditContext;
  /** The audit records of one action on one target. */
  auditOf: (targetId: string, action: string) => Promise<(typeof auditRecords.$inferSelect)[]>;
} {
  let database: TestDatabase | undefined;
  before(async () => {
    database = await createTestDatabase();
    await setup?.(database.db);
  });
  after(async () => {
    await database?.drop();
  });
  return {
    audit: { ...FACTORY_AUDIT, requestId },
    get db() {
      return database!.db;
    },
    auditOf: (targetId, action) =>
      database!.db
        .select()
        .from(auditRecords)
        .where(and(eq(auditRecords.targetId, targetId), eq(auditRecords.action, action))),
  };
}
