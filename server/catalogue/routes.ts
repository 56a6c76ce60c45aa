import { Type } from 'typebox';
import { ImplementationDocument } from '../../common/catalogue/guide.ts';
import { scopeOf } from '../core/access/policy.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import {
  createImplementationWithDraft,
  getImplementation,
  implementationScope,
  listImplementations,
  placementScope,
} from './implementations.ts';
import {
  BasicMatterFields,
  BasicMatterSchema,
  Id,
  ImplementationCode,
  ImplementationDetail,
  ImplementationListItem,
  Status,
} from './schemas.ts';
import { createBasicMatter, listBasicMatters, updateBasicMatter } from './service.ts';

const tags = ['catalogue'];
const strict = { additionalProperties: false } as const;
const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

/** Staff routes of the catalogue: basic matters and implementations (the life cycle is in version-routes.ts). */
export async function catalogueRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/catalogue/basic-matters',
    {
      schema: {
        tags,
        summary: '基本目录事项列表（按编码或名称查找）',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), ...Paging },
          strict,
        ),
        response: { 200: Type.Object({ items: Type.Array(BasicMatterSchema), total: Type.Integer() }) },
      },
    },
    async (request) => {
      authorize(request, 'catalogue.basic_matters');
      return listBasicMatters({ db: db(), ...request.query });
    },
  );

  app.post(
    '/catalogue/basic-matters',
    {
      schema: {
        tags,
        summary: '新增基本目录事项',
        body: Type.Object(BasicMatterFields, strict),
        response: { 201: BasicMatterSchema },
      },
    },
    async (request, reply) => {
      authorize(request, 'catalogue.basic_matters');
      const created = await createBasicMatter({
        db: db(),
        audit: auditContext(request),
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/catalogue/basic-matters/:id',
    {
      schema: {
        tags,
        summary: '修改基本目录事项（须带版本号）',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            code: Type.Optional(BasicMatterFields.code),
            name: Type.Optional(BasicMatterFields.name),
            matterType: Type.Optional(BasicMatterFields.matterType),
            exercisingLevel: Type.Optional(BasicMatterFields.exercisingLevel),
            legalBasis: Type.Optional(BasicMatterFields.legalBasis),
          },
          strict,
        ),
        response: { 200: BasicMatterSchema },
      },
    },
    async (request) => {
      authorize(request, 'catalogue.basic_matters');
      return updateBasicMatter({
        db: db(),
        audit: auditContext(request),
        id: request.params.id,
        input: request.body,
      });
    },
  );

  app.get(
    '/catalogue/implementations',
    {
      schema: {
        tags,
        summary: '实施清单列表（本人可见范围内，含草稿与待审核版本）',
        querystring: Type.Object(
          {
            status: Type.Optional(Status),
            departmentId: Type.Optional(Id),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            ...Paging,
          },
          strict,
        ),
        response: { 200: Type.Object({ items: Type.Array(ImplementationListItem), total: Type.Integer() }) },
      },
    },
    async (request) => {
      const scope = scopeOf(requireActor(request), 'catalogue.read');
      if (!scope.anywhere && !scope.organisationIds.length && !scope.regionPaths.length) {
        throw new AppError('auth.forbidden');
      }
      return listImplementations({ db: db(), scope, filter: request.query });
    },
  );

  app.post(
    '/catalogue/implementations',
    {
      schema: {
        tags,
        summary: '新增实施清单（同时生成第 1 版草稿）',
        body: Type.Object(
          {
            basicMatterId: Id,
            code: ImplementationCode,
            organisationId: Id,
            regionCode: Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' }),
            document: ImplementationDocument,
          },
          strict,
        ),
        response: { 201: ImplementationDetail },
      },
    },
    async (request, reply) => {
      requireActor(request);
      authorize(request, 'catalogue.edit', await placementScope(db(), request.body));
      const created = await createImplementationWithDraft({
        db: db(),
        audit: auditContext(request),
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/catalogue/implementations/:id',
    {
      schema: {
        tags,
        summary: '实施清单详情（各版本、当前草稿与发布版本）',
        params: Type.Object({ id: Id }),
        response: { 200: ImplementationDetail },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request, 'catalogue.read', await implementationScope(db(), request.params.id));
      return getImplementation({ db: db(), id: request.params.id });
    },
  );
}
