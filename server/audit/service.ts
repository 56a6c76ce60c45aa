import { and, desc, eq, gt, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { AuditProblem as AuditProblemSchema, Verification } from '../../common/audit/api.ts';
import type { AuditContext } from '../core/audit-context.ts';
import type { DbOrTx, Tx } from '../core/db/client.ts';
import { contentHash, GENESIS_HASH, type HashedFields, linkHash, recordHash } from './chain.ts';
import { type CheckpointSource, verifyCheckpoints } from './checkpoints/verify.ts';
import { auditChain, auditRecords } from './tables.ts';

export type { AuditContext } from '../core/audit-context.ts';

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** What changed: for updates { before, after } of the changed fields; no secrets. */
  summary: Record<string, unknown>;
};

/** The row of one audit record: its fields and the hash of its content. */
export function auditRow(context: AuditContext, entry: AuditEntry): typeof auditRecords.$inferInsert {
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
  return { ...fields, contentHash: contentHash(fields) };
}

/**
 * Appends one audit record inside the caller's transaction. The record carries the hash of
 * its content and joins the queue of records to link (audit_pending) in the same transaction;
 * once committed, the linker (linkAuditRecords) links it to the head of the chain, so writers
 * never wait for one another.
 */
export async function recordAudit(tx: Tx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditRecords).values(auditRow(context, entry));
}

export type AuditProblem = Static<typeof AuditProblemSchema>;

/** The chain's verification, with the signed checkpoints when they were checked. */
export type AuditVerification = Static<typeof Verification>;

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

/** Whether a record's content matches its link (records chained before content hashes: the old link formula). */
function contentMatches(row: AuditRow, link: { prevHash: string; hash: string }): boolean {
  const fields = hashedFieldsOf(row);
  if (row.contentHash === null) return recordHash(link.prevHash, fields) === link.hash;
  return contentHash(fields) === row.contentHash && linkHash(link.prevHash, row.contentHash) === link.hash;
}

/** How many queued records one call of the linker links at most. */
const LINK_BATCH = 5000;

/**
 * Links the committed audit records waiting in the queue to the chain, in order of seq, in
 * batches; gives how many. Run by a job every second and before every verification; several
 * processes may run it at once (they take turns on the chain's head row).
 */
export async function linkAuditRecords(db: DbOrTx): Promise<number> {
  let linked = 0;
  while (true) {
    const { rows } = await db.execute<{ n: number }>(sql`SELECT audit_chain_link(${LINK_BATCH}) AS n`);
    const n = Number(rows[0]?.n ?? 0);
    linked += n;
    if (n < LINK_BATCH) return linked;
  }
}

/**
 * Links what is queued (linkAuditRecords), then walks the whole chain in link order and
 * recomputes every hash. An altered record shows as
 * `content_altered`; a deleted link or an inserted one as `link_broken` at the record after it;
 * a record deleted from under its link as `record_missing`; a record that never entered the
 * chain as `record_unchained`. A chain rewritten whole (every later link recomputed) or cut
 * short at its head passes this walk: with `checkpoints`, the chain is also checked against the
 * signed checkpoints of that log (checkpoints/verify.ts), and any problem there fails it too.
 */
export async function verifyAuditChain({
  db,
  batchSize = 5000,
  checkpoints,
}: {
  db: DbOrTx;
  batchSize?: number;
  checkpoints?: CheckpointSource;
}): Promise<AuditVerification> {
  await linkAuditRecords(db);
  const chain = await walkChain(db, batchSize);
  if (!checkpoints) return chain;
  const against = await verifyCheckpoints({ db, source: checkpoints });
  return { ...chain, ok: chain.ok && against.problemCount === 0, checkpoints: against };
}

async function walkChain(db: DbOrTx, batchSize: number): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterPos = 0;
  let headSeq: number | null = null;
  const broken = (seq: number, problem: AuditProblem): AuditVerification => ({
    ok: false,
    checked,
    headSeq,
    headHash: headSeq === null ? null : prevHash,
    brokenAt: { seq, problem },
  });
  while (true) {
    const rows = await db
      .select({ link: auditChain, record: auditRecords })
      .from(auditChain)
      .leftJoin(auditRecords, eq(auditRecords.seq, auditChain.recordSeq))
      .where(gt(auditChain.pos, afterPos))
      .orderBy(auditChain.pos)
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const { link, record } of rows) {
      if (link.prevHash !== prevHash) return broken(link.recordSeq, 'link_broken');
      if (!record) return broken(link.recordSeq, 'record_missing');
      if (!contentMatches(record, link)) return broken(record.seq, 'content_altered');
      prevHash = link.hash;
      headSeq = record.seq;
      checked++;
    }
    afterPos = rows[rows.length - 1]!.link.pos;
  }
  const [unchained] = await db
    .select({ seq: auditRecords.seq })
    .from(auditRecords)
    .leftJoin(auditChain, eq(auditChain.recordSeq, auditRecords.seq))
    .where(isNull(auditChain.pos))
    .orderBy(auditRecords.seq)
    .limit(1);
  if (unchained) return broken(unchained.seq, 'record_unchained');
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

/** A record as listed: its link in the chain (null only while its transaction has not committed). */
export type AuditRecord = Omit<AuditRow, 'at' | 'contentHash'> & {
  at: string;
  prevHash: string | null;
  hash: string | null;
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the trail, newest first, with the number of matching records; what is queued is linked first. */
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
  await linkAuditRecords(db);
  const [rows, [count]] = await Promise.all([
    db
      .select({ record: auditRecords, prevHash: auditChain.prevHash, hash: auditChain.hash })
      .from(auditRecords)
      .leftJoin(auditChain, eq(auditChain.recordSeq, auditRecords.seq))
      .where(where)
      .orderBy(desc(auditRecords.seq))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditRecords).where(where),
  ]);
  const items = rows.map(({ record: { contentHash: _, ...record }, prevHash, hash }) => ({
    ...record,
    at: record.at.toISOString(),
    prevHash,
    hash,
  }));
  return { items, total: count?.n ?? 0 };
}
