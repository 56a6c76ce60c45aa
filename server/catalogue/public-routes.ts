import { Type } from 'typebox';
import { REALISATION_MODES, SERVICE_OBJECTS, THEMES } from '../../common/catalogue/elements.ts';
import { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { cachePublicly } from '../core/http/cache-control.ts';
import type { App } from '../core/http/types.ts';
import { guidePdf } from './guide-pdf.ts';
import { getPublishedGuide } from './guides.ts';
import { listMatters, searchMatters } from './search/matters.ts';
import { catalogueStatistics, themeCounts } from './statistics.ts';

const tags = ['catalogue-public'];
const Id = Type.String({ format: 'uuid' });
const RegionCode = Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' });
const oneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));

const filters = {
  region: Type.Optional(RegionCode),
  subtree: Type.Optional(Type.Boolean({ description: '含下级区划' })),
  departmentId: Type.Optional(Id),
  theme: Type.Optional(oneOf(THEMES)),
  mode: Type.Optional(oneOf(REALISATION_MODES)),
  object: Type.Optional(oneOf(SERVICE_OBJECTS)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
};

const MatterSummary = Type.Object({
  implementationId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  basicCode: Type.String(),
  matterType: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  serviceObject: Type.String(),
  caseType: Type.String(),
  realisationMode: Type.String(),
  legalLimit: Type.Integer(),
  promisedLimit: Type.Integer(),
  limitUnit: Type.String(),
  visitsRequired: Type.Integer(),
  themes: Type.Array(Type.String()),
  onlineAvailable: Type.Boolean(),
});
const MatterPage = Type.Object({
  items: Type.Array(MatterSummary),
  total: Type.Integer({ description: '匹配事项数，至多计到 1000' }),
  totalCapped: Type.Optional(Type.Boolean({ description: '实际匹配数超过 1000' })),
});

const Figures = {
  matters: Type.Integer(),
  atMostOnceShare: Type.Number(),
  fullyOnlineShare: Type.Number(),
  immediateShare: Type.Number(),
  averageCompression: Type.Number(),
  averageVisits: Type.Number(),
};

const Guide = Type.Object({
  implementationId: Type.String(),
  code: Type.String(),
  versionNo: Type.Integer(),
  publishedAt: Type.Unsafe<Date>(Type.String({ format: 'date-time' })),
  basicMatter: Type.Object({
    code: Type.String(),
    name: Type.String(),
    matterType: Type.String(),
    exercisingLevel: Type.String(),
    legalBasis: Type.Array(Type.Object({ name: Type.String(), article: Type.String(), text: Type.String() })),
  }),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  region: Type.Object({ code: Type.String(), name: Type.String() }),
  document: ImplementationDocument,
});

/** The public catalogue: search, browsing, guides (also as PDF), statistics and themes. No sign-in. */
export async function cataloguePublicRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  app.addHook('onSend', cachePublicly);

  app.get(
    '/catalogue/search',
    {
      schema: {
        tags,
        summary: '搜索事项（中文分词、同义词，按相关度排序）',
        querystring: Type.Object(
          { q: Type.String({ maxLength: 100, default: '' }), ...filters },
          { additionalProperties: false },
        ),
        response: { 200: MatterPage },
      },
    },
    async (request) => {
      const { q, ...filter } = request.query;
      return searchMatters({ db: db(), q, filter });
    },
  );

  app.get(
    '/catalogue/matters',
    {
      schema: {
        tags,
        summary: '浏览已发布事项（按名称排序，可按区划、部门、主题、实现方式、服务对象筛选）',
        querystring: Type.Object(filters, { additionalProperties: false }),
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
        params: Type.Object({ implementationId: Id }),
        response: { 200: Guide },
      },
    },
    async (request) => getPublishedGuide(db(), request.params.implementationId),
  );

  app.get(
    '/catalogue/guides/:implementationId/pdf',
    {
      schema: {
        tags,
        summary: '下载办事指南 PDF（含二维码）',
        params: Type.Object({ implementationId: Id }),
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
        querystring: Type.Object(
          {
            region: Type.Optional(RegionCode),
            subtree: Type.Optional(Type.Boolean()),
            departmentId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            ...Figures,
            byDepartment: Type.Array(
              Type.Object({ departmentId: Type.String(), departmentName: Type.String(), ...Figures }),
            ),
            byRegion: Type.Array(
              Type.Object({ regionCode: Type.String(), regionName: Type.String(), ...Figures }),
            ),
          }),
        },
      },
    },
    async (request) => catalogueStatistics({ db: db(), filter: request.query }),
  );

  app.get(
    '/catalogue/themes',
    {
      schema: {
        tags,
        summary: '主题分类及已发布事项数',
        response: {
          200: Type.Array(
            Type.Object({
              theme: Type.String(),
              label: Type.String(),
              object: Type.Union([Type.Literal('person'), Type.Literal('company')]),
              count: Type.Integer(),
            }),
          ),
        },
      },
    },
    async () => themeCounts({ db: db() }),
  );
}
