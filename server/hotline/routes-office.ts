import { type TSchema, Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import {
  DispatchBody,
  FiguresAnswer,
  FiguresQuery,
  MergeBody,
  RequestList,
  RequestsQuery,
  RequestView,
  ReviewBody,
  RevisitBody,
  SuggestAnswer,
  UrgeBody,
} from '../../common/hotline/api.ts';
import { attachment } from '../core/http/file-transfer.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { requestNotFound, requestRow } from './access.ts';
import { dispatchRequest, mergeRequest, redispatchRequest, suggestDepartments } from './dispatch.ts';
import { hotlineFigures } from './figures.ts';
import { figuresWorkbook, XLSX_TYPE } from './figures-excel.ts';
import { asOperator, signedIn, tags } from './guards.ts';
import { reviewReturn } from './returns.ts';
import { revisitRequest } from './revisit.ts';
import { urgeRequest } from './urge.ts';
import { listRequests, requestView } from './view.ts';

/** The hotline office: lists, a request's page, suggestions, dispatch, returns, merge, revisits, figures. */
export async function hotlineOfficeRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const readDb = () => app.deps.readDatabase.db;
  const audit = 'hotline_operator';

  app.get(
    '/hotline/requests',
    {
      schema: {
        tags,
        summary: '工单列表（话务员：全部；监察人员：本区划）',
        querystring: RequestsQuery,
        response: { 200: RequestList },
      },
      onRequest: signedIn,
    },
    async (request) => listRequests(db(), requireActor(request), request.query),
  );

  app.get(
    '/hotline/escalated',
    {
      schema: {
        tags,
        summary: '超期督办：本区划超过办理期限的工单',
        response: { 200: RequestList },
      },
      onRequest: signedIn,
    },
    async (request) => listRequests(db(), requireActor(request), {}, true),
  );

  app.get(
    '/hotline/requests/:id',
    {
      schema: {
        tags,
        summary: '工单详情、派单及办理过程（部门只见派给本部门的工单）',
        params: IdParams,
        response: { 200: RequestView },
      },
      onRequest: signedIn,
    },
    async (request) => requestView(db(), requireActor(request), request.params.id),
  );

  app.get(
    '/hotline/requests/:id/suggest',
    {
      schema: {
        tags,
        summary: '按事项目录推荐承办部门',
        params: IdParams,
        response: { 200: SuggestAnswer },
      },
      onRequest: asOperator,
    },
    async (request) => {
      const row = await requestRow(db(), request.params.id);
      if (!row) throw requestNotFound();
      return suggestDepartments(db(), row);
    },
  );

  const step = <B extends TSchema>(summary: string, body: B) => ({
    schema: { tags, summary, params: IdParams, body, response: { 200: RequestView } },
    onRequest: asOperator,
  });

  app.post(
    '/hotline/requests/:id/dispatch',
    step('派单：一个主办部门及协办部门', DispatchBody),
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      await dispatchRequest({ db: db(), audit: auditContext(request, audit), actor, id, body: request.body });
      return requestView(db(), actor, id);
    },
  );

  app.post(
    '/hotline/requests/:id/redispatch',
    step('改派：撤回未办结的派单，重新派给部门', DispatchBody),
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      await redispatchRequest({
        db: db(),
        audit: auditContext(request, audit),
        actor,
        id,
        body: request.body,
      });
      return requestView(db(), actor, id);
    },
  );

  app.post('/hotline/requests/:id/merge', step('合并重复工单', MergeBody), async (request) => {
    const actor = requireActor(request);
    const { id } = request.params;
    await mergeRequest({
      db: db(),
      audit: auditContext(request, audit),
      actor,
      id,
      intoId: request.body.intoId,
    });
    return requestView(db(), actor, id);
  });

  app.post(
    '/hotline/requests/:id/revisit',
    step('回访：满意或基本满意则办结，不满意则退回重办', RevisitBody),
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      await revisitRequest({ db: db(), audit: auditContext(request, audit), actor, id, ...request.body });
      return requestView(db(), actor, id);
    },
  );

  app.post(
    '/hotline/requests/:id/urge',
    {
      schema: {
        tags,
        summary: '督办：本区划监察人员对超期工单提出督办意见，通知主办部门',
        params: IdParams,
        body: UrgeBody,
        response: { 200: RequestView },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      await urgeRequest({
        db: db(),
        audit: auditContext(request, 'supervisor'),
        actor,
        id,
        note: request.body.note,
      });
      return requestView(db(), actor, id);
    },
  );

  app.post(
    '/hotline/assignments/:id/review',
    {
      schema: {
        tags,
        summary: '审核部门退单：同意则工单退回待派单，不同意则部门继续办理',
        params: IdParams,
        body: ReviewBody,
        response: { 200: Type.Object({ requestId: Type.String() }) },
      },
      onRequest: asOperator,
    },
    async (request) => {
      const requestId = await reviewReturn({
        db: db(),
        audit: auditContext(request, audit),
        actor: requireActor(request),
        id: request.params.id,
        ...request.body,
      });
      return { requestId };
    },
  );

  app.get(
    '/hotline/figures',
    {
      schema: {
        tags,
        summary: '12345 统计：按月、按部门的受理量、各类别、即时办结率、按时办结率、超期、满意度',
        querystring: FiguresQuery,
        response: { 200: FiguresAnswer },
      },
      onRequest: signedIn,
    },
    async (request) => hotlineFigures(readDb(), requireActor(request), request.query),
  );

  app.get(
    '/hotline/figures.xlsx',
    { schema: { tags, summary: '下载 12345 统计（Excel）', querystring: FiguresQuery }, onRequest: signedIn },
    async (request, reply) => {
      const figures = await hotlineFigures(readDb(), requireActor(request), request.query);
      const { regionCode, from, to } = request.query;
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(
            `12345统计-${figures.regionName}-${from}-${to}.xlsx`,
            `hotline-figures-${regionCode}-${from}-${to}.xlsx`,
          ),
        )
        .send(await figuresWorkbook(figures));
    },
  );
}
