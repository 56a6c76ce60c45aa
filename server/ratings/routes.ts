import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  CaseIdParams,
  CaseRatings,
  LinkRatingBody,
  LinkView,
  RatingBody,
  TokenParams,
  WindowCaseParams,
  WindowCurrent,
  WindowIdParams,
} from '../../common/ratings/api.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { rateByLink, readLink } from './links.ts';
import { ownCaseRatings, rateOwnCase } from './submit.ts';
import { rateAtWindow, windowCurrent, windowOfClerk } from './window.ts';

const tags = ['ratings'];
const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};
const Created = Type.Object({ id: Type.String() });

/** 好差评 by the applicant: online or at a kiosk, at the window's 评价器, and through an SMS link. */
export async function ratingRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/ratings/cases/:caseId',
    {
      schema: {
        tags,
        summary: '办件评价：每个环节能否评价及已作出的评价（仅申请人本人）',
        params: CaseIdParams,
        response: { 200: CaseRatings },
      },
      onRequest: signedIn,
    },
    async (request) => ownCaseRatings(db(), requireActor(request).accountId, request.params.caseId),
  );

  app.post(
    '/ratings/cases/:caseId',
    {
      schema: {
        tags,
        summary: '申请人评价办件的受理或办结环节（网上；在自助终端登录时为自助终端渠道）',
        params: CaseIdParams,
        body: RatingBody,
        response: { 201: CaseRatings },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const answer = await rateOwnCase({
        db: db(),
        audit: auditContext(request),
        accountId: actor.accountId,
        caseId: request.params.caseId,
        body: request.body,
        channel: request.kiosk ? 'kiosk' : 'online',
      });
      return reply.status(201).send(answer);
    },
  );

  app.get(
    '/ratings/windows/:windowId/current',
    {
      schema: {
        tags,
        summary: '窗口评价器：本窗口今天最近受理或办结、尚未评价的办件',
        params: WindowIdParams,
        response: { 200: WindowCurrent },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const window = await windowOfClerk(db(), requireActor(request), request.params.windowId);
      return windowCurrent(db(), window.id);
    },
  );

  app.post(
    '/ratings/windows/:windowId/cases/:caseId',
    {
      schema: {
        tags,
        summary: '窗口评价器提交窗口前申请人的评价（仅限本窗口今天办理的办件）',
        params: WindowCaseParams,
        body: RatingBody,
        response: { 201: Created },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const window = await windowOfClerk(db(), requireActor(request), request.params.windowId);
      const created = await rateAtWindow({
        db: db(),
        audit: auditContext(request, 'window_clerk'),
        windowId: window.id,
        caseId: request.params.caseId,
        body: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/ratings/links/:token',
    {
      schema: {
        tags,
        summary: '短信评价链接（无需登录）：办件编号、事项和环节；链接错误 404，过期或已使用 410',
        params: TokenParams,
        response: { 200: LinkView },
      },
    },
    async (request) => readLink(db(), request.params.token),
  );

  app.post(
    '/ratings/links/:token',
    {
      schema: {
        tags,
        summary: '通过短信链接评价（无需登录；仅限该办件该环节，使用一次）',
        params: TokenParams,
        body: LinkRatingBody,
        response: { 201: Created },
      },
    },
    async (request, reply) => {
      const created = await rateByLink({
        db: db(),
        audit: auditContext(request, 'applicant'),
        token: request.params.token,
        body: request.body,
      });
      return reply.status(201).send(created);
    },
  );
}
