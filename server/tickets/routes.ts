import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import {
  CallResult,
  Ticket,
  TicketCategory,
  TicketCategoryBody,
  TransferBody,
  WindowCategories,
  WindowCategoriesBody,
} from '../../common/tickets/api.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { hallScope } from '../organisations/index.ts';
import { type Action, act, callNext, pauseWindow, transfer } from './calling.ts';
import { tellAfter } from './notices.ts';
import { publicTicket } from './present.ts';
import { notifyHall } from './screen.ts';
import { screenRoutes } from './screen-routes.ts';
import {
  activeHall,
  createCategory,
  hallCategories,
  setWindowCategories,
  staffWindow,
  ticketHall,
  worksAtHall,
} from './service.ts';
import { ticketStaffRoutes } from './staff-routes.ts';
import { ticketTakeRoutes } from './take-routes.ts';

const tags = ['tickets'];
const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};
const ticketNotFound = () => new AppError('resource.not_found', { params: { resource: '号票' } });

export async function ticketRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  await ticketStaffRoutes(app);
  await ticketTakeRoutes(app);
  await app.register(screenRoutes);

  app.get(
    '/tickets/halls/:id/categories',
    {
      schema: {
        tags,
        summary: '大厅的取号类别',
        params: IdParams,
        response: { 200: Type.Array(TicketCategory) },
      },
    },
    async (request) => {
      const hall = await activeHall(db(), request.params.id);
      return hallCategories(db(), hall.id);
    },
  );

  app.post(
    '/tickets/halls/:id/categories',
    {
      schema: {
        tags,
        summary: '新增取号类别（大厅管理员）',
        params: IdParams,
        body: TicketCategoryBody,
        response: { 201: TicketCategory },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const hall = await activeHall(db(), request.params.id);
      authorize(request, 'hall.manage', await hallScope(db(), hall.id));
      return reply.status(201).send(await createCategory(db(), hall.id, request.body));
    },
  );

  app.put(
    '/tickets/windows/:id/categories',
    {
      schema: {
        tags,
        summary: '设置窗口办理的取号类别（大厅管理员）',
        params: IdParams,
        body: WindowCategoriesBody,
        response: { 200: WindowCategories },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const window = await staffWindow(db(), requireActor(request), request.params.id);
      authorize(request, 'hall.manage', await hallScope(db(), window.hallId));
      return setWindowCategories(db(), window, request.body.categoryIds);
    },
  );

  app.get(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: '号票：前面还有几人，叫号后到哪个窗口，等候及办理时长',
        params: IdParams,
        response: { 200: Ticket },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await ticketHall(db(), request.params.id);
      if (!row || (row.account_id !== actor.accountId && !worksAtHall(actor, row.organisation_id as string)))
        throw ticketNotFound();
      return publicTicket(db(), row.id as string);
    },
  );

  app.post(
    '/tickets/windows/:id/call',
    {
      schema: {
        tags,
        summary: '叫下一个号（优先号先，再按号码）',
        params: IdParams,
        response: { 200: CallResult },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const window = await staffWindow(db(), actor, request.params.id);
      const id = await callNext(db(), window, auditContext(request));
      await tellAfter(db(), request.log, window.hallId, id, 'call');
      return { ticket: id ? await publicTicket(db(), id) : null };
    },
  );

  for (const paused of [true, false])
    app.post(
      `/tickets/windows/:id/${paused ? 'pause' : 'resume'}`,
      {
        schema: {
          tags,
          summary: paused ? '暂停窗口叫号' : '恢复窗口叫号',
          params: IdParams,
          response: { 200: Type.Object({ windowId: Type.String(), paused: Type.Boolean() }) },
        },
        onRequest: signedIn,
      },
      async (request) => {
        const window = await staffWindow(db(), requireActor(request), request.params.id);
        const result = await pauseWindow(db(), window.id, paused, auditContext(request));
        await notifyHall(db(), window.hallId);
        return result;
      },
    );

  /** A ticket of a hall where the clerk works; any other is a 404. */
  const staffTicket = async (request: FastifyRequest, id: string) => {
    const actor = requireActor(request);
    const row = await ticketHall(db(), id);
    if (!row || !worksAtHall(actor, row.organisation_id as string)) throw ticketNotFound();
    return {
      actor,
      ticket: {
        id,
        code: row.code as string,
        status: row.status as string,
        returned: Boolean(row.returned),
        hallId: row.hall_id as string,
      },
    };
  };

  const ACTIONS: [string, Exclude<Action, 'transfer'>, string][] = [
    ['recall', 'recall', '重呼'],
    ['skip', 'skip', '过号（可恢复排队一次）'],
    ['return', 'return', '过号的号票恢复排队（仅一次）'],
    ['done', 'done', '办结'],
    ['no-show', 'no_show', '记为未到'],
  ];
  for (const [path, action, summary] of ACTIONS)
    app.post(
      `/tickets/:id/${path}`,
      { schema: { tags, summary, params: IdParams, response: { 200: Ticket } }, onRequest: signedIn },
      async (request) => {
        const { ticket } = await staffTicket(request, request.params.id);
        await act(db(), ticket, action, auditContext(request));
        await tellAfter(db(), request.log, ticket.hallId, ticket.id, action);
        return publicTicket(db(), ticket.id);
      },
    );

  app.post(
    '/tickets/:id/transfer',
    {
      schema: {
        tags,
        summary: '转到本大厅的另一窗口或类别（保留号码）',
        params: IdParams,
        body: TransferBody,
        response: { 200: Ticket },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const { ticket } = await staffTicket(request, request.params.id);
      await transfer(db(), ticket, request.body, auditContext(request));
      await tellAfter(db(), request.log, ticket.hallId, ticket.id, 'transfer');
      return publicTicket(db(), ticket.id);
    },
  );
}
