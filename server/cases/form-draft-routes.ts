import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Id } from '../../common/api.ts';
import { DraftBody, MaybeDraft } from '../../common/forms/api.ts';
import type { Actor } from '../core/access/actor.ts';
import { AppError } from '../core/errors.ts';
import { authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { deleteDraft, findDraft, saveDraft } from './form-drafts.ts';

const tags = ['cases'];
const params = Type.Object({ implementationId: Id });

/** The signed-in applicant (person or company) whose drafts these are; staff have none (403). */
function applicant(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (actor.kind === 'staff') throw new AppError('auth.forbidden');
  return authorize(request, 'case.apply', { ownerAccountId: actor.accountId });
}

/**
 * GET / PUT / DELETE /cases/drafts/:implementationId: the signed-in applicant's draft of an
 * application form, keyed by the caller's account (no one else's draft can be named).
 */
export async function formDraftRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/cases/drafts/:implementationId',
    {
      schema: {
        tags,
        summary: '本人申请表草稿（可在其他设备继续填写）；没有草稿时为 null',
        params,
        response: { 200: MaybeDraft },
      },
    },
    async (request) => findDraft(db(), applicant(request).accountId, request.params.implementationId),
  );

  app.put(
    '/cases/drafts/:implementationId',
    {
      schema: {
        tags,
        summary: '保存本人申请表草稿（边填边存，不校验是否填完；大小和层次有限制）',
        params,
        body: DraftBody,
        response: { 200: MaybeDraft },
      },
      // Refused before the body is read: without a session, or for staff.
      onRequest: async (request) => {
        applicant(request);
      },
    },
    async (request) =>
      saveDraft(db(), applicant(request).accountId, request.params.implementationId, request.body.values),
  );

  app.delete(
    '/cases/drafts/:implementationId',
    { schema: { tags, summary: '删除本人申请表草稿', params } },
    async (request, reply) => {
      await deleteDraft(db(), applicant(request).accountId, request.params.implementationId);
      reply.code(204);
    },
  );
}
