import type { FastifyRequest } from 'fastify';
import {
  FigureCasesAnswer,
  FigureCasesQuery,
  FiguresAnswer,
  FiguresQuery,
} from '../../common/statistics/api.ts';
import { FIGURES } from '../../common/statistics/figures.ts';
import { attachment } from '../core/http/file-transfer.ts';
import { requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { statisticsReach } from './access.ts';
import { casesWorkbook, figuresWorkbook, scopeTitle, XLSX_TYPE } from './excel.ts';
import { figureCases } from './figure-cases.ts';
import { computeFigures } from './figures.ts';

const tags = ['statistics'];

/** Supervisors and administrators of a region, before any query is read. */
const reader = async (request: FastifyRequest) => {
  statisticsReach(requireActor(request));
};

/** The most cases one Excel export of a figure's cases holds. */
export const CASES_EXPORT_MAX = 20_000;

/** The statistics of what happened to cases (数据统计): the figures and the cases behind each, with Excel. */
export async function statisticsRoutes(app: App): Promise<void> {
  const readDb = () => app.deps.readDatabase.db;

  app.get(
    '/statistics/figures',
    {
      schema: {
        tags,
        summary:
          '数据统计：区划（含下级）、部门、大厅或事项在某期间的各项指标（本期、上期、分子分母、目录承诺对照），按下级区划、部门和日期分列',
        querystring: FiguresQuery,
        response: { 200: FiguresAnswer },
      },
      onRequest: reader,
    },
    async (request) => computeFigures(readDb(), requireActor(request), request.query),
  );

  app.get(
    '/statistics/figures.xlsx',
    {
      schema: {
        tags,
        summary: '下载数据统计（Excel）：指标、目录承诺、按区划、按部门、按日',
        querystring: FiguresQuery,
      },
      onRequest: reader,
    },
    async (request, reply) => {
      const answer = await computeFigures(readDb(), requireActor(request), request.query);
      const { from, to } = answer.period;
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(
            `数据统计-${scopeTitle(answer)}-${from}至${to}.xlsx`,
            `statistics-${answer.scope.region.code}-${from}-${to}.xlsx`,
          ),
        )
        .send(await figuresWorkbook(answer));
    },
  );

  app.get(
    '/statistics/cases',
    {
      schema: {
        tags,
        summary:
          '指标明细：某项指标在所选范围和期间背后的办件（分母所计办件，part 标出分子所计或需关注的办件，分页）',
        querystring: FigureCasesQuery,
        response: { 200: FigureCasesAnswer },
      },
      onRequest: reader,
    },
    async (request) => {
      const {
        scope: _s,
        range: _r,
        ...answer
      } = await figureCases(readDb(), requireActor(request), request.query);
      return answer;
    },
  );

  app.get(
    '/statistics/cases.xlsx',
    {
      schema: {
        tags,
        summary: `下载指标明细（Excel，至多 ${CASES_EXPORT_MAX} 件）`,
        querystring: FigureCasesQuery,
      },
      onRequest: reader,
    },
    async (request, reply) => {
      const listed = await figureCases(readDb(), requireActor(request), request.query, {
        all: CASES_EXPORT_MAX,
      });
      const { from, to } = listed.range;
      const name = FIGURES[listed.figure].zh;
      const title = `${scopeTitle({ scope: listed.scope })} ${name} ${from}至${to}`;
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(`${title}.xlsx`, `statistics-cases-${listed.figure}-${from}-${to}.xlsx`),
        )
        .send(await casesWorkbook(listed, title));
    },
  );
}
