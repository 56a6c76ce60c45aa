import { Type } from 'typebox';
import type { DbOrTx } from '../core/db/client.ts';
import { isoDateTime } from '../core/http/dates.ts';
import { authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { trustedKeys } from './checkpoints/key.ts';
import { auditCheckpointRoutes } from './checkpoints/routes.ts';
import { auditRegionsOf, auditScopeOf } from './scope.ts';
import { listAuditRecords, verifyAuditChain } from './service.ts';

const AuditQuery = Type.Object(
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

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const AuditRecordView = Type.Object({
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

const Verification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  headSeq: Type.Union([Type.Integer(), Type.Null()]),
  headHash: Type.Union([Type.String(), Type.Null()]),
  brokenAt: Type.Union([
    Type.Object({
      seq: Type.Integer(),
      problem: Type.Union([
        Type.Literal('content_altered'),
        Type.Literal('link_broken'),
        Type.Literal('record_missing'),
        Type.Literal('record_unchained'),
      ]),
    }),
    Type.Null(),
  ]),
  checkpoints: Type.Optional(
    Type.Object({
      checked: Type.Integer(),
      latest: Type.Union([
        Type.Object({
          seq: Type.Integer(),
          headHash: Type.String(),
          at: Type.String(),
          lineHash: Type.String(),
        }),
        Type.Null(),
      ]),
      problems: Type.Array(
        Type.Object({
          line: Type.Integer(),
          seq: Type.Union([Type.Integer(), Type.Null()]),
          problem: Type.Union([
            Type.Literal('line_malformed'),
            Type.Literal('unknown_key'),
            Type.Literal('signature_invalid'),
            Type.Literal('log_chain_broken'),
            Type.Literal('chain_truncated'),
            Type.Literal('hash_differs'),
          ]),
        }),
      ),
      problemCount: Type.Integer(),
    }),
  ),
});

/** What the audit routes are handed: the ids of the organisations in regions (and below). */
export type AuditRouteOptions = {
  organisationIdsUnder: (db: DbOrTx, regionPaths: string[]) => Promise<string[]>;
};

export async function auditRoutes(app: App, options: AuditRouteOptions): Promise<void> {
  const { db } = app.deps.database;
  const settings = app.deps.config.auditCheckpoints;
  await auditCheckpointRoutes(app);

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '查询审计记录（本辖区机构的记录及本人操作的记录，最新在前）',
        querystring: AuditQuery,
        response: { 200: Type.Object({ items: Type.Array(AuditRecordView), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const reader = requireActor(request);
      const organisationIds = await options.organisationIdsUnder(db, auditRegionsOf(reader));
      const scope = auditScopeOf(reader, organisationIds);
      const { from, to, ...rest } = request.query;
      return listAuditRecords({
        db,
        scope,
        filter: { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
      });
    },
  );

  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: '校验审计记录哈希链是否完整，并与签名检查点核对（系统管理员）',
        response: { 200: Verification },
      },
    },
    async (request) => {
      authorize(request, 'audit.verify');
      return verifyAuditChain({
        db,
        checkpoints: { logPath: settings.logPath, trustedKeys: trustedKeys(settings) },
      });
    },
  );
}
