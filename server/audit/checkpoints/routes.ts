import fs from 'node:fs';
import { CheckpointQuery, CheckpointView, PublishedCheckpoints } from '../../../common/audit/api.ts';
import { publicKeyPem, SM2_USER_ID } from '../../core/crypto/signed.ts';
import { cachePublicly } from '../../core/http/cache-control.ts';
import { auditContext, authorize } from '../../core/http/guard.ts';
import type { App } from '../../core/http/types.ts';
import { checkpointKey } from './key.ts';
import { newestCheckpoints } from './log.ts';
import { takeCheckpoint } from './write.ts';

/** The checkpoints of the audit chain: public listing and log, and a checkpoint on demand. */
export async function auditCheckpointRoutes(app: App): Promise<void> {
  const { config, database } = app.deps;
  const settings = config.auditCheckpoints;

  app.get(
    '/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary: '审计哈希链的签名检查点（公开，最新在前），供外部见证',
        querystring: CheckpointQuery,
        response: { 200: PublishedCheckpoints },
      },
      // Public and the same for everyone: a new checkpoint shows within a minute.
      onSend: cachePublicly,
    },
    async (request) => {
      const key = checkpointKey(settings, { create: true })!;
      const items = newestCheckpoints(settings.logPath, request.query.limit).map(
        ({ line: _, ...checkpoint }) => checkpoint,
      );
      return {
        algorithm: 'SM2-SM3' as const,
        userId: SM2_USER_ID,
        publicKey: key.publicKey,
        publicKeyPem: publicKeyPem(key.publicKey),
        fingerprint: key.fingerprint,
        trustedKeys: settings.trustedKeys,
        items,
      };
    },
  );

  app.get(
    '/audit/checkpoints/log',
    {
      schema: {
        tags: ['audit'],
        summary: '完整的检查点日志（公开，JSON Lines），供离线校验',
        produces: ['application/x-ndjson'],
      },
    },
    async (_request, reply) => {
      reply.type('application/x-ndjson; charset=utf-8');
      if (!fs.existsSync(settings.logPath)) return '';
      return reply.send(fs.createReadStream(settings.logPath));
    },
  );

  app.post(
    '/audit/checkpoints',
    {
      schema: {
        tags: ['audit'],
        summary: '立即为审计哈希链写入一个签名检查点（系统管理员）',
        response: { 201: CheckpointView },
      },
    },
    async (request, reply) => {
      authorize(request, 'audit.verify');
      const checkpoint = await takeCheckpoint({
        db: database.db,
        config: settings,
        audit: auditContext(request, 'system_admin'),
      });
      return reply.code(201).send(checkpoint);
    },
  );
}
