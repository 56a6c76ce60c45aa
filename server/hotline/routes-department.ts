import { Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import { Inbox, InboxQuery, ReplyBody, ReturnBody } from '../../common/hotline/api.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { signedIn, tags } from './guards.ts';
import { departmentInbox, replyAssignment } from './reply.ts';
import { returnAssignment } from './returns.ts';

const Done = Type.Object({ requestId: Type.String() });

/** A department's 12345 inbox: what was assigned to it, its replies and returns (退单). */
export async function hotlineDepartmentRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/hotline/assignments',
    {
      schema: {
        tags,
        summary: '本部门的 12345 派单（部门负责人、审核人员）',
        querystring: InboxQuery,
        response: { 200: Inbox },
      },
      onRequest: signedIn,
    },
    async (request) => departmentInbox(db(), requireActor(request), request.query.status),
  );

  app.post(
    '/hotline/assignments/:id/reply',
    {
      schema: {
        tags,
        summary: '部门答复：主办部门答复后工单待回访，协办部门答复记入工单',
        params: IdParams,
        body: ReplyBody,
        response: { 200: Done },
      },
      onRequest: signedIn,
    },
    async (request) => ({
      requestId: await replyAssignment({
        db: db(),
        audit: auditContext(request),
        actor: requireActor(request),
        id: request.params.id,
        reply: request.body.reply,
      }),
    }),
  );

  app.post(
    '/hotline/assignments/:id/return',
    {
      schema: {
        tags,
        summary: '部门退单（说明理由），由 12345 审核',
        params: IdParams,
        body: ReturnBody,
        response: { 200: Done },
      },
      onRequest: signedIn,
    },
    async (request) => ({
      requestId: await returnAssignment({
        db: db(),
        audit: auditContext(request),
        actor: requireActor(request),
        id: request.params.id,
        reason: request.body.reason,
      }),
    }),
  );
}
