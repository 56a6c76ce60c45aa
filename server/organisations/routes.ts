import { Type } from 'typebox';
import { ORGANISATION_KINDS } from '../../common/roles.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { requireRegion } from '../regions/index.ts';
import { DateTime } from './schemas.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  organisationScope,
  setOrganisationActive,
  updateOrganisation,
} from './service.ts';

const tags = ['organisations'];
const Id = Type.String({ format: 'uuid' });
const Kind = Type.Enum(ORGANISATION_KINDS);
const Text = (max: number) => Type.String({ maxLength: max });
const NullableText = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);

const OrganisationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  kind: Kind,
  regionCode: Type.String(),
  regionName: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  creditCode: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const editable = {
  name: Text(100),
  shortName: Type.Optional(NullableText(50)),
  kind: Kind,
  regionCode: Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' }),
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
  creditCode: Type.Optional(NullableText(18)),
  phone: Type.Optional(NullableText(30)),
  address: Type.Optional(NullableText(200)),
};

export async function organisationRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: '机构列表（可按区划及其下级、类型、名称筛选）',
        querystring: Type.Object(
          {
            region: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })),
            subtree: Type.Optional(Type.Boolean()),
            kind: Type.Optional(Kind),
            parentId: Type.Optional(Id),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            active: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
            offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(OrganisationSchema), total: Type.Integer() }) },
      },
    },
    async (request) => listOrganisations({ db: db(), filter: request.query }),
  );

  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: '机构详情',
        params: Type.Object({ id: Id }),
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => getOrganisation({ db: db(), id: request.params.id }),
  );

  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: '新增机构（部门、政务服务中心、街道便民服务中心、社区便民服务站）',
        body: Type.Object(editable, { additionalProperties: false }),
        response: { 201: OrganisationSchema },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const region = await requireRegion(db(), request.body.regionCode, 'regionCode');
      authorize(request, 'organisation.manage', {
        organisationId: request.body.parentId ?? null,
        regionPath: region.path,
      });
      const created = await createOrganisation({
        db: db(),
        audit: auditContext(request),
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: '修改机构信息（须带版本号）',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            name: Type.Optional(editable.name),
            shortName: editable.shortName,
            kind: Type.Optional(Kind),
            regionCode: Type.Optional(editable.regionCode),
            parentId: editable.parentId,
            creditCode: editable.creditCode,
            phone: editable.phone,
            address: editable.address,
          },
          { additionalProperties: false },
        ),
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request, 'organisation.manage', await organisationScope(db(), request.params.id));
      // Moving an organisation needs the right to manage the region it moves to as well.
      if (request.body.regionCode) {
        const target = await requireRegion(db(), request.body.regionCode, 'regionCode');
        authorize(request, 'organisation.manage', { regionPath: target.path });
      }
      return updateOrganisation({
        db: db(),
        audit: auditContext(request),
        id: request.params.id,
        input: request.body,
      });
    },
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `/organisations/:id/${verb}`,
      {
        schema: {
          tags,
          summary: active ? '恢复启用机构' : '停用机构（仍有启用的下级机构或大厅时不能停用）',
          params: Type.Object({ id: Id }),
          body: Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
          response: { 200: OrganisationSchema },
        },
      },
      async (request) => {
        requireActor(request);
        authorize(request, 'organisation.manage', await organisationScope(db(), request.params.id));
        return setOrganisationActive({
          db: db(),
          audit: auditContext(request),
          id: request.params.id,
          version: request.body.version,
          active,
        });
      },
    );
  }
}
