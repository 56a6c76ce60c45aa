import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import {
  DeviceHeaders,
  DeviceList,
  DeviceListQuery,
  DeviceView,
  IdCardBody,
  KioskDevice,
  KioskSession,
  NewDevice,
  RegisteredDevice,
} from '../../common/kiosk/api.ts';
import { clearSessionCookie, setSessionCookie, userAgentOf } from '../accounts/index.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { hallScope } from '../organisations/index.ts';
import { deactivateDevice, deviceByToken, deviceScope, listDevices, registerDevice } from './devices.ts';
import { popularMatters } from './matters.ts';
import { identifyAtKiosk, kioskSessionView, signOutAtKiosk } from './sessions.ts';

const tags = ['kiosk'];

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
        body: NewDevice,
        response: { 201: RegisteredDevice },
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
        querystring: DeviceListQuery,
        response: { 200: DeviceList },
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
        params: IdParams,
        response: { 200: DeviceView },
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
        response: { 200: KioskDevice },
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
        response: { 200: KioskSession },
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
    { schema: { tags, summary: '当前终端会话（刷卡人，脱敏）', response: { 200: KioskSession } } },
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
