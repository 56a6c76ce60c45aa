import { Type } from 'typebox';
import { Nullable } from '../api.ts';

/** The API shapes of the audit trail (GET /api/audit, /api/audit/verify). */

export const AuditRecordView = Type.Object({
  seq: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  role: Nullable(Type.String()),
  organisationId: Nullable(Type.String()),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Nullable(Type.String()),
  summary: Type.Unknown(),
  clientAddress: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  prevHash: Nullable(Type.String()),
  hash: Nullable(Type.String()),
});

export const CheckpointProblem = Type.Enum([
  'line_malformed',
  'unknown_key',
  'signature_invalid',
  'log_chain_broken',
  'chain_truncated',
  'hash_differs',
]);

/** The chain's verification, with the signed checkpoints when they were checked. */
export const Verification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  headSeq: Nullable(Type.Integer()),
  headHash: Nullable(Type.String()),
  brokenAt: Nullable(
    Type.Object({
      seq: Type.Integer(),
      problem: Type.Enum(['content_altered', 'link_broken', 'record_missing', 'record_unchained']),
    }),
  ),
  checkpoints: Type.Optional(
    Type.Object({
      checked: Type.Integer(),
      latest: Nullable(
        Type.Object({
          seq: Type.Integer(),
          headHash: Type.String(),
          at: Type.String(),
          lineHash: Type.String(),
        }),
      ),
      problems: Type.Array(
        Type.Object({ line: Type.Integer(), seq: Nullable(Type.Integer()), problem: CheckpointProblem }),
      ),
      problemCount: Type.Integer(),
    }),
  ),
});
