import type { FastifyRequest } from 'fastify';
import {
  ComputeAnswer,
  ComputeBody,
  DetailsAnswer,
  DetailsQuery,
  RankingAnswer,
  RankingQuery,
} from '../../common/assessment/api.ts';
import { attachment } from '../core/http/file-transfer.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { assessmentReach, reachableRegion } from './access.ts';
import { computeAssessment } from './compute.ts';
import { figureDetails } from './details.ts';
import { rankingWorkbook, XLSX_TYPE } from './excel.ts';
import { readRanking } from './ranking.ts';

const tags = ['assessment'];
/** Supervisors and administrators of a region, before any body or query is read. */
const assessor = async (request: FastifyRequest) => {
  assessmentReach(requireActor(request));
};

/** The monthly assessment (电子监察): rankings, their Excel export, a recompute, the items behind a figure. */
export async function assessmentRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const readDb = () => app.deps.readDatabase.db;

  app.get(
    '/assessment/ranking',
    {
      schema: {
        tags,
        summary:
          '月度考核排名：区域内各部门或市内各区县的得分、各项指标及其分子分母、连续两月末位标记（读取已计算的得分）',
        querystring: RankingQuery,
        response: { 200: RankingAnswer },
      },
      onRequest: assessor,
    },
    async (request) => readRanking(readDb(), requireActor(request), request.query),
  );

  app.get(
    '/assessment/ranking.xlsx',
    {
      schema: { tags, summary: '下载月度考核排名（Excel）', querystring: RankingQuery },
      onRequest: assessor,
    },
    async (request, reply) => {
      const ranking = await readRanking(readDb(), requireActor(request), request.query);
      const { kind, month } = request.query;
      const code = ranking.region.code;
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          attachment(
            `月度考核-${ranking.region.name}-${month}.xlsx`,
            `assessment-${kind}-${code}-${month}.xlsx`,
          ),
        )
        .send(await rankingWorkbook(ranking));
    },
  );

  app.post(
    '/assessment/compute',
    {
      schema: {
        tags,
        summary: '重新计算区域内某月的考核得分与排名（本月计算截至当前）',
        body: ComputeBody,
        response: { 200: ComputeAnswer },
      },
      onRequest: assessor,
    },
    async (request) => {
      const actor = requireActor(request);
      const region = await reachableRegion(db(), actor, request.body.region);
      const { scores, computedAt } = await computeAssessment(db(), request.body.month, {
        regionPath: region.path,
        audit: auditContext(request),
      });
      return { month: request.body.month, region: region.code, scores, computedAt };
    },
  );

  app.get(
    '/assessment/details',
    {
      schema: {
        tags,
        summary: '考核指标明细：某部门或区县某月某项指标背后的办件、评价或12345工单（分页）',
        querystring: DetailsQuery,
        response: { 200: DetailsAnswer },
      },
      onRequest: assessor,
    },
    async (request) => figureDetails(readDb(), requireActor(request), request.query),
  );
}
