import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../common/api.ts';
import {
  FinishHelpBody,
  HelpHalls,
  HelpRequest,
  HelpRequestBody,
  HelpRequestList,
  StaffHelpQuery,
} from '../../common/assistance/api.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { deviceByToken } from '../kiosk/index.ts';
import { askForHelp } from './asking.ts';
import { helpHalls } from './halls.ts';
import { cancelHelpRequest, myHelpRequests } from './service.ts';
import { finishHelpRequest, staffHelpRequests, takeHelpRequest } from './staff.ts';

const tags = ['assistance'];
const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};
/** An applicant (a person or a company), not staff. */
const applicant = (request: FastifyRequest) => {
  const actor = requireActor(request);
  if (actor.kind === 'staff') throw new AppError('auth.forbidden');
  return actor;
};

/** 请帮我办: people ask a hall for help from the portal or a kiosk; the hall's staff take and finish the requests. */
export async function assistanceRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const kioskToken = (request: FastifyRequest) => request.headers['x-kiosk-token'] as string | undefined;

  app.post(
    '/help-requests',
    {
      schema: {
        tags,
        summary: '请帮我办：门户（登录后选择大厅）或自助终端（x-kiosk-token；未刷身份证时填写姓名和电话）',
        body: HelpRequestBody,
        response: { 201: HelpRequest },
      },
      onRequest: async (request) => {
        if (kioskToken(request) !== undefined) await deviceByToken(db(), kioskToken(request));
        else applicant(request);
      },
    },
    async (request, reply) => {
      const device =
        kioskToken(request) !== undefined ? await deviceByToken(db(), kioskToken(request)) : null;
      const created = await askForHelp(db(), {
        body: request.body,
        actor: request.actor,
        device,
        kiosk: request.kiosk,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/help-requests/halls',
    {
      schema: {
        tags,
        summary: '可以请求帮办的大厅，建议的大厅（上次办件的大厅或所在地区的大厅）和账号的手机号码',
        response: { 200: HelpHalls },
      },
    },
    async (request) => {
      const actor = applicant(request);
      const regionCode = actor.kind === 'person' ? actor.login.slice(0, 6) : actor.login.slice(2, 8);
      return helpHalls(db(), { accountId: actor.accountId, regionCode });
    },
  );

  app.get(
    '/help-requests/mine',
    { schema: { tags, summary: '我的帮办请求（最近 20 条）', response: { 200: HelpRequestList } } },
    async (request) => ({ items: await myHelpRequests(db(), applicant(request).accountId) }),
  );

  app.post(
    '/help-requests/:id/cancel',
    {
      schema: { tags, summary: '取消本人未办结的帮办请求', params: IdParams, response: { 200: HelpRequest } },
      onRequest: signedIn,
    },
    async (request) => cancelHelpRequest(db(), requireActor(request).accountId, request.params.id),
  );

  app.get(
    '/help-requests',
    {
      schema: {
        tags,
        summary: '本人所在机构大厅的帮办请求（帮办代办员、窗口工作人员、大厅管理员），先到先列',
        querystring: StaffHelpQuery,
        response: { 200: HelpRequestList },
      },
    },
    async (request) => ({ items: await staffHelpRequests(db(), requireActor(request), request.query) }),
  );

  app.post(
    '/help-requests/:id/take',
    {
      schema: {
        tags,
        summary: '接单（同时接单时只有一人成功）',
        params: IdParams,
        response: { 200: HelpRequest },
      },
      onRequest: signedIn,
    },
    async (request) =>
      takeHelpRequest(db(), {
        actor: requireActor(request),
        audit: auditContext(request),
        id: request.params.id,
      }),
  );

  app.post(
    '/help-requests/:id/finish',
    {
      schema: {
        tags,
        summary: '完成帮办并填写办理结果（接单人或大厅管理员）',
        params: IdParams,
        body: FinishHelpBody,
        response: { 200: HelpRequest },
      },
      onRequest: signedIn,
    },
    async (request) =>
      finishHelpRequest(db(), {
        actor: requireActor(request),
        audit: auditContext(request),
        id: request.params.id,
        outcome: request.body.outcome,
      }),
  );
}
