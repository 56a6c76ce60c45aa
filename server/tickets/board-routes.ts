import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../common/api.ts';
import {
  FiguresQuery,
  HallBoard,
  HallFigures,
  TicketSettings,
  TicketSettingsBody,
} from '../../common/tickets/board-api.ts';
import type { Action } from '../core/access/policy.ts';
import { AppError } from '../core/errors.ts';
import { attachment } from '../core/http/file-transfer.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { findHall, hallScope } from '../organisations/index.ts';
import { hallBoard } from './board.ts';
import { hallFigures } from './figures.ts';
import { figuresWorkbook, XLSX_TYPE } from './figures-excel.ts';
import { saveTicketSettings, ticketSettingsOf } from './settings.ts';

const tags = ['tickets'];
const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};

/** A hall's queue settings, live board (大厅实况) and figures (大厅统计) with their Excel download. */
export async function ticketBoardRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const readDb = () => app.deps.readDatabase.db;

  /** The active hall the request names, once the caller may do `action` there; another's is a 403, none a 404. */
  const hallFor = async (request: FastifyRequest<{ Params: { id: string } }>, action: Action) => {
    const hall = await findHall(db(), request.params.id);
    if (!hall?.active) throw new AppError('resource.not_found', { params: { resource: '大厅' } });
    authorize(request, action, await hallScope(db(), hall.id));
    return { id: hall.id, name: hall.name };
  };

  app.get(
    '/tickets/halls/:id/settings',
    {
      schema: {
        tags,
        summary: '大厅取号设置：平均等候目标、每人每日取号上限、提醒人数（大厅管理员）',
        params: IdParams,
        response: { 200: TicketSettings },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const hall = await hallFor(request, 'hall.manage');
      return ticketSettingsOf(db(), hall.id);
    },
  );

  app.put(
    '/tickets/halls/:id/settings',
    {
      schema: {
        tags,
        summary: '保存大厅取号设置（带读取时的 updatedAt；他人已修改时 409）',
        params: IdParams,
        body: TicketSettingsBody,
        response: { 200: TicketSettings },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const hall = await hallFor(request, 'hall.manage');
      return saveTicketSettings(db(), auditContext(request), hall.id, request.body);
    },
  );

  app.get(
    '/tickets/halls/:id/board',
    {
      schema: {
        tags,
        summary: '大厅实况：各类别等候、今日取号办结未到过号、平均等候与目标、各窗口及工作人员',
        params: IdParams,
        response: { 200: HallBoard },
      },
      onRequest: signedIn,
    },
    async (request) => hallBoard(db(), await hallFor(request, 'hall.figures')),
  );

  app.get(
    '/tickets/halls/:id/figures',
    {
      schema: {
        tags,
        summary: '大厅统计：按日或按月，大厅、窗口、工作人员的办结数、未到数、平均等候、平均办理时长',
        params: IdParams,
        querystring: FiguresQuery,
        response: { 200: HallFigures },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const hall = await hallFor(request, 'hall.figures');
      return hallFigures(readDb(), hall, { ...request.query, by: request.query.by ?? 'day' });
    },
  );

  app.get(
    '/tickets/halls/:id/figures.xlsx',
    {
      schema: {
        tags,
        summary: '下载大厅统计（Excel）',
        params: IdParams,
        querystring: FiguresQuery,
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const hall = await hallFor(request, 'hall.figures');
      const { from, to } = request.query;
      const figures = await hallFigures(readDb(), hall, { from, to, by: request.query.by ?? 'day' });
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(`大厅统计-${from}-${to}.xlsx`, `hall-figures-${from}-${to}.xlsx`),
        )
        .send(await figuresWorkbook(figures));
    },
  );
}
