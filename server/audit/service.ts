import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
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
  headSeq: number | null;
  headHash: string | null;
  /** The first record whose content or link does not match. */
  brokenAt: { seq: number; problem: 'content_altered' | 'link_broken' } | null;
};

/** Walks the whole chain in order and recomputes every hash. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterSeq = 0;
  let headSeq: number | null = null;
  while (true) {
    const rows = await db
      .select()
      .from(auditRecords)
      .where(sql`${auditRecords.seq} > ${afterSeq}`)
      .orderBy(auditRecords.seq)
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          headSeq,
          headHash: prevHash,
          brokenAt: { seq: row.seq, problem: 'link_broken' },
        };
      }
      const expected = recordHash(row.prevHash, row);
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          headSeq,
          headHash: prevHash,
          brokenAt: { seq: row.seq, problem: 'content_altered' },
        };
      }
      prevHash = row.hash;
      headSeq = row.seq;
      checked++;
    }
    afterSeq = rows[rows.length - 1]!.seq;
  }
  return { ok: true, checked, headSeq, headHash: checked ? prevHash : null, brokenAt: null };
}

export type AuditFilter = {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

export async function listAuditRecords(db: DbOrTx, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.actorId) conditions.push(eq(auditRecords.actorId, filter.actorId));
  if (filter.action) conditions.push(sql`${auditRecords.action} LIKE ${`${filter.action}%`}`);
  if (filter.targetType) conditions.push(eq(auditRecords.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditRecords.targetId, filter.targetId));
  if (filter.from) conditions.push(gte(auditRecords.at, filter.from));
  if (filter.to) conditions.push(lte(auditRecords.at, filter.to));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditRecords)
      .where(where)
      .orderBy(desc(auditRecords.seq))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditRecords).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}
