import { after, before } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { type AuditContext, auditRecords } from '../audit/index.ts';
import type { Db } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { type DemoOrganisations, seedDemoOrganisations } from '../demo/organisations.ts';
import { createTestDatabase, type TestDatabase } from '../testing/db.ts';

export type DemoOrganisationsDatabase = {
  audit: AuditContext;
  readonly db: Db;
  readonly demo: DemoOrganisations;
  /** The audit records of one action on one target. */
  auditOf: (targetId: string, action: string) => Promise<(typeof auditRecords.$inferSelect)[]>;
};

/** For one test file: a fresh database with the demo organisations, dropped after the file's tests. */
export function withDemoOrganisations(requestId: string): DemoOrganisationsDatabase {
  const audit: AuditContext = { actor: null, role: 'system', clientAddress: null, requestId };
  let t: TestDatabase | undefined;
  let demo: DemoOrganisations | undefined;
  before(async () => {
    t = await createTestDatabase();
    demo = await seedDemoOrganisations({ db: t.db, audit });
  });
  after(async () => {
    await t?.drop();
  });
  return {
    audit,
    get db() {
      return t!.db;
    },
    get demo() {
      return demo!;
    },
    auditOf: (targetId, action) =>
      t!.db
        .select()
        .from(auditRecords)
        .where(and(eq(auditRecords.targetId, targetId), eq(auditRecords.action, action))),
  };
}

/** Matches an AppError of the code (and field, when given), for `assert.rejects`. */
export const fails = (code: string, field?: string) => (e: unknown) =>
  e instanceof AppError && e.code === code && (field === undefined || e.field === field);
