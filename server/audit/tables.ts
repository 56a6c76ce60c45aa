import {
  bigint,
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. Each record carries the hash of its content; the chain
 * (audit_chain) links every record's content hash to the hash before it, in the order the
 * records are linked (shortly after their commit), so an altered, deleted or inserted record
 * breaks it. UPDATE and DELETE are refused by a trigger (see the migrations).
 */
export const auditRecords = pgTable(
  'audit_records',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    role: text('role'),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    summary: jsonb('summary').notNull(),
    clientAddress: text('client_address'),
    requestId: text('request_id'),
    /** sha256 of the canonical JSON of the fields above; null for records chained before content hashes. */
    contentHash: text('content_hash'),
  },
  (t) => [
    index('audit_records_at_idx').on(t.at),
    index('audit_records_actor_idx').on(t.actorId),
    index('audit_records_target_idx').on(t.targetType, t.targetId),
    index('audit_records_action_idx').on(t.action),
  ],
);

/**
 * The chain of audit records: `hash` = sha256(prev_hash ‖ content_hash). Written by the linker
 * (the function audit_chain_link, run by a job every second and before every verification), which
 * takes the committed records waiting in audit_pending in order of seq; writers never wait for
 * one another.
 */
export const auditChain = pgTable('audit_chain', {
  pos: bigint('pos', { mode: 'number' }).primaryKey(),
  recordSeq: bigint('record_seq', { mode: 'number' }).notNull().unique(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** The head of the chain: one row, locked by the linker while it links. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: boolean('id').primaryKey().default(true),
  pos: bigint('pos', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Records committed but not yet linked into the chain, by seq: filled by a statement trigger on
 * audit_records in the writer's transaction (so a record and its place in the queue commit or
 * roll back together), emptied by the linker.
 */
export const auditPending = pgTable('audit_pending', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
});
