import { Type } from 'typebox';
import { requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { listNotifications, markNotificationRead } from './service.ts';

const tags = ['notifications'];

const NotificationView = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  address: Type.Union([Type.String(), Type.Null()], { description: '短信接收号码（已脱敏）' }),
  title: Type.String(),
  body: Type.String(),
  subject: Type.Unknown(),
  status: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

/** The signed-in user's own messages. */
export async function notificationRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的消息（最新在前，含未读数）',
        querystring: Type.Object(
          {
            channel: Type.Optional(
              Type.Union([Type.Literal('in_app'), Type.Literal('sms')], { default: 'in_app' }),
            ),
            unread: Type.Optional(Type.Boolean({ description: '只看未读' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(NotificationView),
            total: Type.Integer(),
            unread: Type.Integer({ description: '未读站内消息数' }),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { channel = 'in_app', unread, limit = 20, offset = 0 } = request.query;
      return listNotifications({
        db: db(),
        accountId: actor.accountId,
        channel,
        unreadOnly: unread,
        limit,
        offset,
      });
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: '标记消息为已读',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ id: Type.String(), readAt: Type.String() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return markNotificationRead({ db: db(), accountId: actor.accountId, id: request.params.id });
    },
  );
}
