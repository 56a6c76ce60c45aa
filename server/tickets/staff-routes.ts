import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import { StaffWindow, TicketPersonFull, WindowState } from '../../common/tickets/window-api.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { audited } from './audit.ts';
import { staffWindow, ticketHall, worksAtHall } from './service.ts';
import { myWindows, ticketPerson, windowState } from './window-state.ts';

const tags = ['tickets'];
const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};

/** What the clerk's calling panel (叫号) reads: the clerk's windows, a window's state, the called person. */
export async function ticketStaffRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/tickets/my-windows',
    {
      schema: {
        tags,
        summary: '我所在大厅的窗口（窗口人员、大厅管理员），含各窗口办理的类别及等候人数',
        response: { 200: Type.Array(StaffWindow) },
      },
      onRequest: signedIn,
    },
    async (request) => myWindows(db(), requireActor(request)),
  );

  app.get(
    '/tickets/windows/:id',
    {
      schema: {
        tags,
        summary: '窗口状态：当前叫到的号及其人员、各类别等候人数、可恢复的过号、今日已办结',
        params: IdParams,
        response: { 200: WindowState },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const window = await staffWindow(db(), requireActor(request), request.params.id);
      return windowState(db(), window.id);
    },
  );

  app.get(
    '/tickets/:id/person',
    {
      schema: {
        tags,
        summary: '已叫号号票的人员完整信息（身份证号、电话），供窗口受理预填；每次查看留痕审计',
        params: IdParams,
        response: { 200: TicketPersonFull },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await ticketHall(db(), request.params.id);
      if (
        !row ||
        !worksAtHall(actor, row.organisation_id as string) ||
        !['called', 'done'].includes(row.status as string)
      )
        throw new AppError('resource.not_found', { params: { resource: '已叫号的号票' } });
      const id = row.id as string;
      return audited(
        db(),
        auditContext(request),
        async (tx) => ({
          ticketId: id,
          code: row.code as string,
          windowId: (row.window_id as string | null) ?? null,
          ...(await ticketPerson(tx, id)),
        }),
        { action: 'ticket.person.read', targetType: 'ticket', targetId: id, summary: { code: row.code } },
      );
    },
  );
}
