import { Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import {
  AnswerBody,
  FaqBody,
  FaqList,
  FaqQuery,
  FaqView,
  IntakeBody,
  KnowledgeAnswer,
  KnowledgeQuery,
  MineList,
  PortalBody,
  RatingIdParams,
  RequestView,
} from '../../common/hotline/api.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { asOperator, signedIn, tags } from './guards.ts';
import { requestFromRating, submitFromPortal, takeRequest } from './intake.ts';
import { answerAtOnce, listFaq, saveFaq, searchKnowledge } from './knowledge.ts';
import { hotlineDepartmentRoutes } from './routes-department.ts';
import { hotlineOfficeRoutes } from './routes-office.ts';
import { listMine, requestView } from './view.ts';

const Created = Type.Object({ id: Type.String(), requestNo: Type.String(), dueDate: Type.String() });

/** 12345 requests: intake, the portal, the knowledge base; and the office's and departments' routes. */
export async function hotlineRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.post(
    '/hotline/requests',
    {
      schema: {
        tags,
        summary: '话务员受理 12345 工单（咨询、求助、建议、投诉、举报），按工作日计算办理期限',
        body: IntakeBody,
        response: { 201: Created },
      },
      onRequest: asOperator,
    },
    async (request, reply) => {
      const created = await takeRequest({
        db: db(),
        audit: auditContext(request, 'hotline_operator'),
        actor: requireActor(request),
        body: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/hotline/portal',
    {
      schema: {
        tags,
        summary: '群众在政务服务网登录后提交 12345 诉求（姓名、电话取自账号）',
        body: PortalBody,
        response: { 201: Created },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const created = await submitFromPortal({
        db: db(),
        audit: auditContext(request, 'applicant'),
        actor: requireActor(request),
        body: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/hotline/mine',
    { schema: { tags, summary: '我的 12345 诉求', response: { 200: MineList } }, onRequest: signedIn },
    async (request) => listMine(db(), requireActor(request)),
  );

  app.get(
    '/hotline/knowledge',
    {
      schema: {
        tags,
        summary: '知识库检索：事项办事指南（中文检索）及常见问题',
        querystring: KnowledgeQuery,
        response: { 200: KnowledgeAnswer },
      },
      onRequest: asOperator,
    },
    async (request) => searchKnowledge(db(), request.query.q),
  );

  app.post(
    '/hotline/requests/:id/answer',
    {
      schema: {
        tags,
        summary: '咨询类工单即时解答（即时办结）',
        params: IdParams,
        body: AnswerBody,
        response: { 200: RequestView },
      },
      onRequest: asOperator,
    },
    async (request) => {
      await answerAtOnce({
        db: db(),
        audit: auditContext(request, 'hotline_operator'),
        actor: requireActor(request),
        id: request.params.id,
        answer: request.body.answer,
      });
      return requestView(db(), requireActor(request), request.params.id);
    },
  );

  app.get(
    '/hotline/faq',
    {
      schema: { tags, summary: '知识库常见问题列表', querystring: FaqQuery, response: { 200: FaqList } },
      onRequest: asOperator,
    },
    async (request) => listFaq(db(), request.query.q),
  );

  app.post(
    '/hotline/faq',
    {
      schema: { tags, summary: '新增知识库条目', body: FaqBody, response: { 201: FaqView } },
      onRequest: asOperator,
    },
    async (request, reply) => {
      const saved = await saveFaq({
        db: db(),
        audit: auditContext(request, 'hotline_operator'),
        actor: requireActor(request),
        body: request.body,
      });
      return reply.status(201).send(saved);
    },
  );

  app.put(
    '/hotline/faq/:id',
    {
      schema: {
        tags,
        summary: '修改知识库条目（可停用）',
        params: IdParams,
        body: FaqBody,
        response: { 200: FaqView },
      },
      onRequest: asOperator,
    },
    async (request) =>
      saveFaq({
        db: db(),
        audit: auditContext(request, 'hotline_operator'),
        actor: requireActor(request),
        id: request.params.id,
        body: request.body,
      }),
  );

  app.post(
    '/hotline/from-rating/:ratingId',
    {
      schema: {
        tags,
        summary: '差评转为投诉工单（关联办件）',
        params: RatingIdParams,
        response: { 201: Created },
      },
      onRequest: asOperator,
    },
    async (request, reply) => {
      const created = await requestFromRating({
        db: db(),
        audit: auditContext(request, 'hotline_operator'),
        actor: requireActor(request),
        ratingId: request.params.ratingId,
      });
      return reply.status(201).send(created);
    },
  );

  await app.register(hotlineOfficeRoutes);
  await app.register(hotlineDepartmentRoutes);
}
