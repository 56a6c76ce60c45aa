import { and, desc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.ts';
import type { DbOrTx, Tx } from '../db/client.ts';
import { GENESIS_HASH, type HashedFields, recordHash } from './chain.ts';
import { auditRecords } from './tables.ts';

/** Who did it, from where: carried from the HTTP request into every service call that writes. */
export type AuditContext = {
  actor: Actor | null;
  /** The role the actor acted in, when one role applies. */
  role?: string | null;
  organisationId?: string | null;
  clientAddress: string | null;
  requestId: string | null;
};

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** What changed: for updates { before, after } of the changed fields; no secrets. */
  summary: Record<string, unknown>;
};

const CHAIN_LOCK = 7_262_002;

/**
 * Appends one audit record inside the caller's transaction, chained to the previous
 * one. The transaction-scoped advisory lock serialises writers so the chain stays linear.
 */
export async function recordAudit(tx: Tx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ hash: auditRecords.hash })
    .from(auditRecords)
    .orderBy(desc(auditRecords.seq))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: HashedFields = {
    at: new Date(),
    actorId: context.actor?.accountId ?? null,
    actorName: context.actor?.displayName ?? null,
    role: context.role ?? null,
    organisationId: context.organisationId ?? context.actor?.organisationId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    summary: entry.summary,
    clientAddress: context.clientAddress,
    requestId: context.requestId,
  };
  await tx.insert(auditRecords).values({ ...fields, prevHash, hash: recordHash(prevHash, fields) });
}

export type AuditVerification = {
  ok: boolean;
  checked: number;
  /** The last record that verified. */
  headSeq: number | null;
  headHash: string | null;
  /** The first record whose content or link does not match. */
  brokenAt: { seq: number; problem: 'content_altered' | 'link_broken' } | null;
};

type AuditRow = typeof auditRecords.$inferSelect;

function hashedFieldsOf(row: AuditRow): HashedFields {
  return {
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorName,
    role: row.role,
    organisationId: row.organisationId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    summary: row.summary,
    clientAddress: row.clientAddress,
    requestId: row.requestId,
  };
}

/**
 * Walks the whole chain in order and recomputes every hash. An altered record shows
 * as `content_altered`; a deleted or inserted one as `link_broken` at the record after it.
 */
export async function verifyAuditChain({
  db,
  batchSize = 5000,
}: {
  db: DbOrTx;
  batchSize?: number;
}): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterSeq = 0;
  let headSeq: number | null = null;
  const broken = (seq: number, problem: 'content_altered' | 'link_broken'): AuditVerification => ({
    ok: false,
    checked,
    headSeq,
    headHash: headSeq === null ? null : prevHash,
    brokenAt: { seq, problem },
  });
  while (true) {
    const rows = await db
      .select()
      .from(auditRecords)
      .where(sql`${auditRecords.seq} > ${afterSeq}`)
      .orderBy(auditRecords.seq)
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) return broken(row.seq, 'link_broken');
      if (recordHash(row.prevHash, hashedFieldsOf(row)) !== row.hash)
        return broken(row.seq, 'content_altered');
      prevHash = row.hash;
      headSeq = row.seq;
      checked++;
    }
    afterSeq = rows[rows.length - 1]!.seq;
  }
  return { ok: true, checked, headSeq, headHash: headSeq === null ? null : prevHash, brokenAt: null };
}

export type AuditFilter = {
  actorId?: string;
  /** Action prefix: 'organisation.' matches every organisation action. */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

/**
 * Which records a reader may see: those of the organisations in the regions where the
 * reader holds 'audit.read', those the reader made, and (system administrators only)
 * platform-level records that belong to no organisation.
 */
export type AuditScope = { organisationIds: string[]; actorId: string; withoutOrganisation: boolean };

export type AuditRecord = Omit<AuditRow, 'at'> & { at: string };

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the trail, newest first, with the number of matching records. */
export async function listAuditRecords({
  db,
  filter,
  scope,
}: {
  db: DbOrTx;
  filter: AuditFilter;
  scope: AuditScope;
}): Promise<{ items: AuditRecord[]; total: number }> {
  const conditions: SQL[] = [];
  conditions.push(
    or(
      eq(auditRecords.actorId, scope.actorId),
      scope.organisationIds.length ? inArray(auditRecords.organisationId, scope.organisationIds) : undefined,
      scope.withoutOrganisation ? isNull(auditRecords.organisationId) : undefined,
    )!,
  );
  if (filter.actorId) conditions.push(eq(auditRecords.actorId, filter.actorId));
  if (filter.action) conditions.push(sql`${auditRecords.action} LIKE ${`${escapeLike(filter.action)}%`}`);
  if (filter.targetType) conditions.push(eq(auditRecords.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditRecords.targetId, filter.targetId));
  if (filter.from) conditions.push(gte(auditRecords.at, filter.from));
  if (filter.to) conditions.push(lte(auditRecords.at, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditRecords)
      .where(where)
      .orderBy(desc(auditRecords.seq))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditRecords).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: count?.n ?? 0 };
}
