import { Type } from 'typebox';
import { Latitude, Longitude } from '../../common/organisations/api.ts';
import { WINDOW_KINDS } from '../../common/roles.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { createHall, getHall, hallScope, listHalls, updateHall } from './halls.ts';
import { HallView, WindowView } from './schemas.ts';
import { organisationScope } from './service.ts';
import { createWindow, listWindows, updateWindow } from './windows.ts';

const tags = ['halls'];
const Id = Type.String({ format: 'uuid' });
const Nullable = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);
const WindowKind = Type.Enum(WINDOW_KINDS);

const hallFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  address: Type.String({ minLength: 1, maxLength: 200 }),
  openingHours: Type.String({ minLength: 1, maxLength: 200 }),
  phone: Type.Optional(Nullable(30)),
  latitude: Type.Optional(Latitude),
  longitude: Type.Optional(Longitude),
};
const windowFields = {
  number: Type.String({ minLength: 1, maxLength: 10 }),
  name: Type.String({ minLength: 1, maxLength: 50 }),
  kind: WindowKind,
  departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
};

export async function hallRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/halls',
    {
      schema: {
        tags,
        summary: '办事大厅列表（可按机构或区划筛选）',
        querystring: Type.Object(
          {
            organisationId: Type.Optional(Id),
            region: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3}){0,2}$' })),
            subtree: Type.Optional(Type.Boolean()),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(HallView) }) },
      },
    },
    async (request) => ({ items: await listHalls({ db: db(), filter: request.query }) }),
  );

  app.get(
    '/halls/:id',
    {
      schema: {
        tags,
        summary: '办事大厅详情',
        params: Type.Object({ id: Id }),
        response: { 200: HallView },
      },
    },
    async (request) => getHall({ db: db(), id: request.params.id }),
  );

  app.post(
    '/halls',
    {
      schema: {
        tags,
        summary: '新增办事大厅',
        body: Type.Object({ organisationId: Id, ...hallFields }, { additionalProperties: false }),
        response: { 201: HallView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      authorize(request, 'hall.manage', await organisationScope(db(), request.body.organisationId));
      const hall = await createHall({ db: db(), audit: auditContext(request), input: request.body });
      return reply.status(201).send(hall);
    },
  );

  app.patch(
    '/halls/:id',
    {
      schema: {
        tags,
        summary: '修改办事大厅信息或停用（须带版本号）',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            name: Type.Optional(hallFields.name),
            address: Type.Optional(hallFields.address),
            openingHours: Type.Optional(hallFields.openingHours),
            phone: hallFields.phone,
            latitude: hallFields.latitude,
            longitude: hallFields.longitude,
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: HallView },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request, 'hall.manage', await hallScope(db(), request.params.id));
      return updateHall({
        db: db(),
        audit: auditContext(request),
        id: request.params.id,
        input: request.body,
      });
    },
  );

  app.get(
    '/halls/:id/windows',
    {
      schema: {
        tags,
        summary: '大厅的窗口列表',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Object({ items: Type.Array(WindowView) }) },
      },
    },
    async (request) => ({ items: await listWindows({ db: db(), hallId: request.params.id }) }),
  );

  app.post(
    '/halls/:id/windows',
    {
      schema: {
        tags,
        summary: '新增窗口（综合窗口或部门专窗）',
        params: Type.Object({ id: Id }),
        body: Type.Object(windowFields, { additionalProperties: false }),
        response: { 201: WindowView },
      },
    },
    async (request, reply) => {
      requireActor(request);
      authorize(request, 'hall.manage', await hallScope(db(), request.params.id));
      const window = await createWindow({
        db: db(),
        audit: auditContext(request),
        hallId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(window);
    },
  );

  app.patch(
    '/halls/:id/windows/:windowId',
    {
      schema: {
        tags,
        summary: '修改窗口或停用（须带版本号）',
        params: Type.Object({ id: Id, windowId: Id }),
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            number: Type.Optional(windowFields.number),
            name: Type.Optional(windowFields.name),
            kind: Type.Optional(WindowKind),
            departmentId: windowFields.departmentId,
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: WindowView },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request, 'hall.manage', await hallScope(db(), request.params.id));
      return updateWindow({
        db: db(),
        audit: auditContext(request),
        hallId: request.params.id,
        id: request.params.windowId,
        input: request.body,
      });
    },
  );
}
