import { Type } from 'typebox';
import {
  NewRegion,
  RegionCode,
  RegionDetail,
  RegionItem,
  RegionListQuery,
  RegionRename,
  RegionView,
} from '../../common/regions/api.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import {
  createRegion,
  findRegion,
  getRegion,
  listRegions,
  managingPath,
  regionPath,
  renameRegion,
} from './service.ts';

const tags = ['regions'];

export async function regionRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/regions',
    {
      schema: {
        tags,
        summary: '行政区划列表：下级区划（无 parent 时为省级），或按名称搜索',
        querystring: RegionListQuery,
        response: {
          200: Type.Object({ items: Type.Array(RegionItem) }),
        },
      },
    },
    async (request) => ({ items: await listRegions({ db: db(), ...request.query }) }),
  );

  app.get(
    '/regions/:code',
    {
      schema: {
        tags,
        summary: '行政区划详情（含上级区划，用于面包屑）',
        params: Type.Object({ code: RegionCode }),
        response: {
          200: RegionDetail,
        },
      },
    },
    async (request) => getRegion({ db: db(), code: request.params.code }),
  );

  app.post(
    '/regions',
    {
      schema: {
        tags,
        summary: '新增街道（乡镇）或社区（村）',
        body: NewRegion,
        response: { 201: RegionView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const parentPath = await regionPath(db(), request.body.parentCode);
      if (!parentPath) throw new AppError('validation.region_code', { field: 'parentCode' });
      authorize(request, 'region.manage', { regionPath: parentPath });
      const region = await createRegion({ db: db(), audit: auditContext(request), input: request.body });
      return reply.status(201).send(region);
    },
  );

  app.patch(
    '/regions/:code',
    {
      schema: {
        tags,
        summary: '修改行政区划名称',
        params: Type.Object({ code: RegionCode }),
        body: RegionRename,
        response: { 200: RegionView },
      },
    },
    async (request) => {
      requireActor(request);
      const region = await findRegion(db(), request.params.code);
      if (!region) throw new AppError('resource.not_found', { params: { resource: '行政区划' } });
      authorize(request, 'region.manage', { regionPath: managingPath(region) });
      return renameRegion({
        db: db(),
        audit: auditContext(request),
        code: region.code,
        name: request.body.name,
      });
    },
  );
}
