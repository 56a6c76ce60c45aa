import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. Each record's hash covers its content and the previous
 * record's hash, so an altered or deleted record breaks the chain. UPDATE and DELETE
 * are refused by a trigger (see the migrations).
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
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_records_at_idx').on(t.at),
    index('audit_records_actor_idx').on(t.actorId),
    index('audit_records_target_idx').on(t.targetType, t.targetId),
    index('audit_records_action_idx').on(t.action),
  ],
);
