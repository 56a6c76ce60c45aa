import type { FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import {
  CaseIdParams,
  ContactBody,
  FiguresAnswer,
  FiguresQuery,
  HotlineBody,
  HotlineCase,
  HotlineCaseQuery,
  LinkBody,
  LinkIssued,
  PublicAnswer,
  PublicQuery,
  RectifyBody,
  ReviewDecisionBody,
  ReviewRequestBody,
  RevisitList,
  RevisitsQuery,
  RevisitView,
} from '../../common/ratings/api.ts';
import { can } from '../core/access/policy.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { caseFacts, caseNotFound, caseResource } from './case-facts.ts';
import { publicFigures, ratingFigures } from './figures.ts';
import { rateByHotline } from './hotline.ts';
import { hotlineCase } from './hotline-case.ts';
import { issueLink } from './links.ts';
import { listRevisits } from './revisit-list.ts';
import { contactRevisit, decideReview, rectifyRevisit, requestReview } from './revisits.ts';

const tags = ['ratings'];
const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};

/** 好差评 for staff: SMS links, the 12345 hotline, the revisits of 差评, and the figures. */
export async function ratingStaffRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const readDb = () => app.deps.readDatabase.db;

  app.post(
    '/ratings/cases/:caseId/link',
    {
      schema: {
        tags,
        summary: '向申请人发送短信评价链接（7 日内有效，使用一次）',
        params: CaseIdParams,
        body: LinkBody,
        response: { 201: LinkIssued },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const facts = await caseFacts(db(), request.params.caseId);
      if (!facts || !can(actor, 'rating.link', caseResource(facts))) throw caseNotFound('caseId');
      const issued = await issueLink({
        db: db(),
        audit: auditContext(request),
        facts,
        stage: request.body.stage,
      });
      return reply.status(201).send(issued);
    },
  );

  app.post(
    '/ratings/hotline',
    {
      schema: {
        tags,
        summary: '12345 热线话务员录入申请人电话作出的评价',
        body: HotlineBody,
        response: { 201: Type.Object({ id: Type.String(), caseId: Type.String() }) },
      },
      onRequest: async (request) => {
        authorize(request, 'rating.hotline');
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await rateByHotline({
        db: db(),
        audit: auditContext(request, 'hotline_operator'),
        operatorId: actor.accountId,
        body: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/ratings/hotline/case',
    {
      schema: {
        tags,
        summary: '12345 热线话务员按办件编号查询办件及各环节评价（录入电话评价、差评转工单前）',
        querystring: HotlineCaseQuery,
        response: { 200: HotlineCase },
      },
      onRequest: async (request) => {
        authorize(request, 'rating.hotline');
      },
    },
    async (request) =>
      hotlineCase({
        db: db(),
        audit: auditContext(request, 'hotline_operator'),
        caseNo: request.query.caseNo,
      }),
  );

  app.get(
    '/ratings/revisits',
    {
      schema: {
        tags,
        summary: '差评回访整改：本部门（部门负责人、审核人员）或本区划（监察人员）的回访任务及预警',
        querystring: RevisitsQuery,
        response: { 200: RevisitList },
      },
      onRequest: signedIn,
    },
    async (request) => listRevisits(db(), requireActor(request), request.query),
  );

  const step = <B extends TSchema>(summary: string, body: B) => ({
    schema: { tags, summary, params: IdParams, body, response: { 200: RevisitView } },
    onRequest: signedIn,
  });

  app.post(
    '/ratings/revisits/:id/contact',
    step('记录差评回访（1 个工作日内）', ContactBody),
    async (request) => {
      const { regionPath: _p, ...view } = await contactRevisit({
        db: db(),
        actor: requireActor(request),
        audit: auditContext(request),
        id: request.params.id,
        note: request.body.note,
      });
      return view;
    },
  );

  app.post(
    '/ratings/revisits/:id/rectify',
    step('记录差评整改结果（5 个工作日内），反馈评价人', RectifyBody),
    async (request) => {
      const { regionPath: _p, ...view } = await rectifyRevisit({
        db: db(),
        actor: requireActor(request),
        audit: auditContext(request),
        id: request.params.id,
        outcome: request.body.outcome,
      });
      return view;
    },
  );

  app.post(
    '/ratings/revisits/:id/review-request',
    step('部门申请监察人员复核差评（误评、恶意差评）', ReviewRequestBody),
    async (request) => {
      const { regionPath: _p, ...view } = await requestReview({
        db: db(),
        actor: requireActor(request),
        audit: auditContext(request),
        id: request.params.id,
        reason: request.body.reason,
      });
      return view;
    },
  );

  app.post(
    '/ratings/revisits/:id/review-decision',
    step('监察人员作出复核决定：认定则该差评作废', ReviewDecisionBody),
    async (request) => {
      const { regionPath: _p, ...view } = await decideReview({
        db: db(),
        actor: requireActor(request),
        audit: auditContext(request, 'supervisor'),
        id: request.params.id,
        upheld: request.body.upheld,
        reason: request.body.reason,
      });
      return view;
    },
  );

  app.get(
    '/ratings/figures',
    {
      schema: {
        tags,
        summary: '好差评统计：部门、大厅、窗口或区划按月的评价数、各等级、默认好评、满意率、差评整改率',
        querystring: FiguresQuery,
        response: { 200: FiguresAnswer },
      },
      onRequest: signedIn,
    },
    async (request) => ratingFigures(readDb(), requireActor(request), request.query),
  );

  app.get(
    '/ratings/public',
    {
      schema: {
        tags,
        summary: '好差评公示：区划内各部门、各大厅某月的评价情况（公开）',
        querystring: PublicQuery,
        response: { 200: PublicAnswer },
      },
    },
    async (request) => publicFigures(readDb(), request.query),
  );
}
