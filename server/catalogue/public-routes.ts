import { Type } from 'typebox';
import {
  Guide,
  GuideParams,
  HotSearches,
  MatterListQuery,
  MatterPage,
  MatterSearchQuery,
  Statistics,
  StatisticsQuery,
  ThemeCount,
} from '../../common/catalogue/api.ts';
import { cachePublicly } from '../core/http/cache-control.ts';
import type { App } from '../core/http/types.ts';
import { formSheetRoutes } from './form-pdf-routes.ts';
import { formSheetOf } from './generic-form.ts';
import { guidePdf } from './guide-pdf.ts';
import { getPublishedGuide } from './guides.ts';
import { listMatters, searchMatters } from './search/matters.ts';
import { countSearch, hotSearches, writeSearchCounts } from './search/terms.ts';
import { catalogueStatistics, themeCounts } from './statistics.ts';

const tags = ['catalogue-public'];

/** The public catalogue: search, browsing, guides (also as PDF), statistics, themes and hot searches. No sign-in. */
export async function cataloguePublicRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const readDb = () => app.deps.readDatabase.db;
  app.addHook('onSend', cachePublicly);
  await app.register(formSheetRoutes);
  // The searches counted and not yet written are written before the database goes.
  app.addHook('onClose', async () => {
    await writeSearchCounts(db()).catch((error: unknown) =>
      app.log.warn({ error }, 'search counts not written'),
    );
  });

  app.get(
    '/catalogue/search',
    {
      schema: {
        tags,
        summary: '搜索事项（中文分词、同义词，按相关度排序）',
        querystring: MatterSearchQuery,
        response: { 200: MatterPage },
      },
    },
    async (request) => {
      const { q, ...filter } = request.query;
      const page = await searchMatters({ db: db(), q, filter });
      // A citizen's search is counted once, on its first page (anonymously: the term and the day);
      // staff searching for a matter to file at a counter are not.
      if (!filter.offset && request.actor?.kind !== 'staff') {
        countSearch(db(), q, (error) => request.log.warn({ error }, 'search counts not written'));
      }
      return page;
    },
  );

  app.get(
    '/catalogue/hot-searches',
    {
      schema: {
        tags,
        summary: '热门搜索（近 30 天搜索最多且能找到事项的词）',
        response: { 200: HotSearches },
      },
    },
    async () => ({ terms: await hotSearches(db()) }),
  );

  app.get(
    '/catalogue/matters',
    {
      schema: {
        tags,
        summary: '浏览已发布事项（按名称排序，可按区划、部门、主题、实现方式、服务对象筛选）',
        querystring: MatterListQuery,
        response: { 200: MatterPage },
      },
    },
    async (request) => listMatters({ db: db(), filter: request.query }),
  );

  app.get(
    '/catalogue/guides/:implementationId',
    {
      schema: {
        tags,
        summary: '办事指南（已发布版本）',
        params: GuideParams,
        response: { 200: Guide },
      },
    },
    async (request) => {
      const guide = await getPublishedGuide(db(), request.params.implementationId);
      return { ...guide, formSheet: formSheetOf(guide.document) };
    },
  );

  app.get(
    '/catalogue/guides/:implementationId/pdf',
    {
      schema: {
        tags,
        summary: '下载办事指南 PDF（含二维码）',
        params: GuideParams,
      },
    },
    async (request, reply) => {
      const guide = await getPublishedGuide(db(), request.params.implementationId);
      const pdf = await guidePdf({ guide, origin: `${request.protocol}://${request.host}` });
      const name = `${guide.document.name}-办事指南.pdf`;
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="guide-${guide.code}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(pdf);
    },
  );

  app.get(
    '/catalogue/statistics',
    {
      schema: {
        tags,
        summary: '事项统计（事项数、最多跑一次、全程网办、即办件占比、时限压缩、到现场次数）',
        querystring: StatisticsQuery,
        response: { 200: Statistics },
      },
    },
    async (request) => catalogueStatistics({ db: readDb(), filter: request.query }),
  );

  app.get(
    '/catalogue/themes',
    {
      schema: {
        tags,
        summary: '主题分类及已发布事项数',
        response: { 200: Type.Array(ThemeCount) },
      },
    },
    async () => themeCounts({ db: db() }),
  );
}
