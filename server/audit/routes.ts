import { AuditQuery, AuditRecordList, Verification } from '../../common/audit/api.ts';
import type { DbOrTx } from '../core/db/client.ts';
import { authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { trustedKeys } from './checkpoints/key.ts';
import { auditCheckpointRoutes } from './checkpoints/routes.ts';
import { auditRegionsOf, auditScopeOf } from './scope.ts';
import { listAuditRecords, verifyAuditChain } from './service.ts';

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
        response: { 200: AuditRecordList },
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
