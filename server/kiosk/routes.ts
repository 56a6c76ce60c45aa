import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { clearSessionCookie, setSessionCookie, userAgentOf } from '../accounts/index.ts';
import { AppError } from '../core/errors.ts';
import { IsoDate } from '../core/http/dates.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { hallScope } from '../organisations/index.ts';
import { deactivateDevice, deviceByToken, deviceScope, listDevices, registerDevice } from './devices.ts';
import { popularMatters } from './matters.ts';
import { identifyAtKiosk, kioskSessionView, signOutAtKiosk } from './sessions.ts';

const tags = ['kiosk'];
const Id = Type.String({ format: 'uuid' });
const strict = { additionalProperties: false } as const;
/** The kiosk proves itself with the token shown when it was registered. */
const DeviceHeaders = Type.Object({ 'x-kiosk-token': Type.Optional(Type.String({ maxLength: 200 })) });

const Device = Type.Object({
  id: Type.String(),
  hallId: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.Unsafe<Date>(Type.String({ format: 'date-time' })),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  deactivatedAt: Type.Union([Type.Unsafe<Date>(Type.String({ format: 'date-time' })), Type.Null()]),
  deactivatedBy: Type.Union([Type.String(), Type.Null()]),
  lastSeenAt: Type.Union([Type.Unsafe<Date>(Type.String({ format: 'date-time' })), Type.Null()]),
});

const SessionView = Type.Object({
  applicant: Type.Object({ displayName: Type.String(), idNumber: Type.String({ description: '脱敏' }) }),
  idleSeconds: Type.Integer(),
  endsAt: Type.String({ format: 'date-time' }),
  csrfToken: Type.String(),
});

const IdCardBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: Type.String({ minLength: 1, maxLength: 18 }),
    sex: Type.Optional(Type.Enum(['男', '女'])),
    birthDate: Type.Optional(IsoDate),
    validUntil: Type.Optional(Type.Union([IsoDate, Type.Literal('长期')])),
  },
  { ...strict, description: '身份证阅读器读出的信息（民族、住址、签发机关、照片留在终端，不上传）' },
);

const device = (request: FastifyRequest, app: App) =>
  deviceByToken(app.deps.database.db, request.headers['x-kiosk-token'] as string | undefined);

/** Self-service kiosks: registration by the hall, and the kiosk's own identify / sign-out. */
export async function kioskRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.post(
    '/kiosk/devices',
    {
      schema: {
        tags,
        summary: '登记自助终端（终端令牌仅在此返回一次）',
        body: Type.Object({ hallId: Id, name: Type.String({ minLength: 1, maxLength: 100 }) }, strict),
        response: { 201: Type.Object({ device: Device, token: Type.String() }) },
      },
    },
    async (request, reply) => {
      requireActor(request);
      authorize(request, 'kiosk.manage', await hallScope(db(), request.body.hallId));
      const registered = await registerDevice({
        db: db(),
        audit: auditContext(request),
        input: request.body,
      });
      return reply.status(201).send(registered);
    },
  );

  app.get(
    '/kiosk/devices',
    {
      schema: {
        tags,
        summary: '大厅的自助终端',
        querystring: Type.Object({ hallId: Id }, strict),
        response: { 200: Type.Object({ items: Type.Array(Device) }) },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request, 'kiosk.manage', await hallScope(db(), request.query.hallId));
      return { items: await listDevices({ db: db(), hallId: request.query.hallId }) };
    },
  );

  app.post(
    '/kiosk/devices/:id/deactivate',
    {
      schema: {
        tags,
        summary: '停用自助终端（令牌立即失效，终端上的会话随之结束）',
        params: Type.Object({ id: Id }),
        response: { 200: Device },
      },
    },
    async (request) => {
      requireActor(request);
      authorize(request, 'kiosk.manage', await deviceScope(db(), request.params.id));
      return deactivateDevice({ db: db(), audit: auditContext(request), id: request.params.id });
    },
  );

  app.get(
    '/kiosk/device',
    {
      schema: {
        tags,
        summary: '终端自检：令牌对应的终端及其所在大厅',
        headers: DeviceHeaders,
        response: {
          200: Type.Object({
            id: Type.String(),
            name: Type.String(),
            hall: Type.Object({
              id: Type.String(),
              name: Type.String(),
              address: Type.String(),
              regionCode: Type.String(),
            }),
          }),
        },
      },
    },
    async (request) => device(request, app),
  );

  app.get(
    '/kiosk/matters/popular',
    {
      schema: {
        tags,
        summary: '终端首页的热门事项（本大厅近期申请最多的事项，补足即办与最多跑一次事项）',
        headers: DeviceHeaders,
      },
    },
    async (request) => ({ items: await popularMatters({ db: db(), device: await device(request, app) }) }),
  );

  app.post(
    '/kiosk/identify',
    {
      schema: {
        tags,
        summary: '刷身份证：识别申请人（无账号的自动开立），开启绑定本终端的短时会话',
        headers: DeviceHeaders,
        body: IdCardBody,
        response: { 200: SessionView },
      },
    },
    async (request, reply) => {
      const identified = await identifyAtKiosk({
        db: db(),
        audit: auditContext(request),
        device: await device(request, app),
        card: request.body,
        currentSessionId: request.sessionId,
        userAgent: userAgentOf(request),
      });
      setSessionCookie(app, reply, identified.session);
      return { ...identified.view, csrfToken: identified.session.csrfToken };
    },
  );

  app.get(
    '/kiosk/session',
    { schema: { tags, summary: '当前终端会话（刷卡人，脱敏）', response: { 200: SessionView } } },
    async (request) => {
      const actor = requireActor(request);
      if (!request.kiosk) throw new AppError('auth.required');
      return { ...(await kioskSessionView(db(), actor, request.kiosk)), csrfToken: request.csrfToken ?? '' };
    },
  );

  app.post(
    '/kiosk/sign-out',
    { schema: { tags, summary: '在终端上退出：结束终端会话', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.kiosk) {
        await signOutAtKiosk({ db: db(), audit: auditContext(request), binding: request.kiosk });
      }
      clearSessionCookie(app, reply);
      return reply.status(204).send(null);
    },
  );
}
