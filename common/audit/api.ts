import { Type } from 'typebox';
import { isoDateTime, ListOf, Nullable } from '../api.ts';

/** The API shapes of the audit trail (GET /api/audit, /api/audit/verify). */

/** GET /api/audit: the records in the caller's reach, newest first. */
export const AuditQuery = Type.Object(
  {
    actorId: Type.Optional(Type.String({ format: 'uuid', description: '操作人账号 id' })),
    action: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: '操作前缀，如 organisation. 或 auth.login' }),
    ),
    targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '对象类型' })),
    targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '对象 id' })),
    from: Type.Optional(isoDateTime('起始时间（含）')),
    to: Type.Optional(isoDateTime('截止时间（含）')),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);

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

export const AuditRecordList = ListOf(AuditRecordView);

export const CheckpointProblem = Type.Union([
  /** The line is not a checkpoint. */
  Type.Literal('line_malformed'),
  /** Signed by a key that is neither this installation's nor a configured trusted key. */
  Type.Literal('unknown_key'),
  /** The signature does not verify. */
  Type.Literal('signature_invalid'),
  /** `previous` is not the hash of the line before: a line was altered, removed or inserted. */
  Type.Literal('log_chain_broken'),
  /** The chain holds fewer records than the checkpoint counted (newest records deleted). */
  Type.Literal('chain_truncated'),
  /** The chain's link at the checkpoint's position has another hash (records rewritten). */
  Type.Literal('hash_differs'),
]);

/** Where the chain does not hold: a record's content or its link does not match. */
export const AuditProblem = Type.Union([
  Type.Literal('content_altered'),
  Type.Literal('link_broken'),
  Type.Literal('record_missing'),
  Type.Literal('record_unchained'),
]);

/** The chain against the signed checkpoints of the log. */
export const CheckpointVerification = Type.Object({
  /** Checkpoints that verified against the chain. */
  checked: Type.Integer(),
  /** The newest checkpoint that verified. */
  latest: Nullable(
    Type.Object({
      seq: Type.Integer(),
      headHash: Type.String(),
      at: Type.String(),
      lineHash: Type.String(),
    }),
  ),
  /** The first problems found (at most 100), in order of line. */
  problems: Type.Array(
    Type.Object({ line: Type.Integer(), seq: Nullable(Type.Integer()), problem: CheckpointProblem }),
  ),
  /** How many problems in all. */
  problemCount: Type.Integer(),
});

/** The chain's verification, with the signed checkpoints when they were checked. */
export const Verification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** The last record that verified. */
  headSeq: Nullable(Type.Integer()),
  headHash: Nullable(Type.String()),
  /** The first record whose content or link does not match. */
  brokenAt: Nullable(Type.Object({ seq: Type.Integer(), problem: AuditProblem })),
  /** The chain against the signed checkpoints of the log, when a log was given. */
  checkpoints: Type.Optional(CheckpointVerification),
});

const Hash = Type.String({ pattern: '^[0-9a-f]{64}$' });

/** A signed checkpoint of the chain's head (a line of the checkpoint log). */
export const CheckpointView = Type.Object({
  format: Type.String(),
  seq: Type.Integer({ description: '链头在哈希链中的位置（记录条数）' }),
  recordSeq: Type.Union([Type.Integer(), Type.Null()], { description: '链头审计记录的序号' }),
  headHash: Hash,
  count: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  previous: Hash,
  publicKey: Type.String(),
  signature: Type.String(),
  lineHash: Type.String({ description: '该行日志的 SHA-256（下一行的 previous）' }),
});

/** GET /api/audit/checkpoints: how many of the newest. */
export const CheckpointQuery = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) },
  { additionalProperties: false },
);

/** The public answer of GET /api/audit/checkpoints: the signing key and the newest checkpoints. */
export const PublishedCheckpoints = Type.Object({
  algorithm: Type.Literal('SM2-SM3'),
  userId: Type.String(),
  publicKey: Type.String(),
  publicKeyPem: Type.String(),
  fingerprint: Type.String({ description: '公钥的 SM3 指纹' }),
  trustedKeys: Type.Array(Type.String(), { description: '同样受信任的其他公钥（以前的密钥、其他主机）' }),
  items: Type.Array(CheckpointView),
});
