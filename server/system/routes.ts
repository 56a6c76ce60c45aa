import { Type } from 'typebox';
import type { App } from '../core/http/types.ts';
import { healthOf } from './service.ts';

export async function systemRoutes(app: App): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查：数据库可达、迁移为最新；配置了只读副本时报告其可达（不影响状态）',
        response: {
          200: Type.Object({
            status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
            database: Type.Object({ reachable: Type.Boolean(), latencyMs: Type.Number() }),
            replica: Type.Optional(Type.Object({ reachable: Type.Boolean(), latencyMs: Type.Number() })),
            migrations: Type.Object({
              applied: Type.Integer(),
              expected: Type.Integer(),
              current: Type.Boolean(),
            }),
          }),
          503: Type.Any(),
        },
      },
    },
    async (_request, reply) => {
      const health = await healthOf(app.deps.database, app.deps.readDatabase);
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
}
