import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import {
  Appointment,
  AppointmentCategory,
  AppointmentHall,
  AppointmentSettings,
  BookableDay,
  BookBody,
  CategoryBody,
  HallBookingsQuery,
  HallSetup,
  MatterBookingHall,
  MyAppointments,
  SlotList,
  SlotQuery,
} from '../../common/appointments/api.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, authorize, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { hallScope } from '../organisations/index.ts';
import { book, cancel, markNoShow, worksAtHall } from './booking.ts';
import { hallBookings, myAppointments, present } from './listing.ts';
import { matterBookingHalls } from './matters.ts';
import { bookableDays, openingOf, slotsOf } from './schedule.ts';
import {
  bookingHalls,
  categoryNotFound,
  createCategory,
  findCategory,
  hallCategories,
  putSettings,
  requireHall,
  settingsOf,
  updateCategory,
} from './settings.ts';
import { appointmentSlotCounts } from './slots.ts';

const tags = ['appointments'];

/** Refused before the body is read: without a session. */
const signedIn = async (request: FastifyRequest) => {
  requireActor(request);
};

export async function appointmentRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.get(
    '/appointments/halls',
    {
      schema: {
        tags,
        summary: '可预约的大厅：开放时间、预约规则和可预约的窗口类别（事项）',
        response: { 200: Type.Array(AppointmentHall) },
      },
    },
    async () => bookingHalls(db()),
  );

  app.get(
    '/appointments/matters/:id/halls',
    {
      schema: {
        tags,
        summary: '可预约办理某事项（已发布的实施清单）的大厅：本区域中心的大厅、设有该部门专窗的大厅',
        params: IdParams,
        response: { 200: Type.Array(MatterBookingHall) },
      },
    },
    async (request) => matterBookingHalls(db(), request.params.id),
  );

  app.get(
    '/appointments/halls/:id/days',
    {
      schema: {
        tags,
        summary: '大厅现在可预约的日期（含延时、周末加开日）',
        params: IdParams,
        response: { 200: Type.Array(BookableDay) },
      },
    },
    async (request) => {
      await requireHall(db(), request.params.id);
      return bookableDays(db(), await settingsOf(db(), request.params.id), new Date());
    },
  );

  app.get(
    '/appointments/slots',
    {
      schema: {
        tags,
        summary: '某类别某日的预约时段及剩余名额',
        querystring: SlotQuery,
        response: { 200: SlotList },
      },
    },
    async (request) => {
      const { categoryId, day } = request.query;
      const category = await findCategory(db(), categoryId);
      if (!category?.active)
        throw new AppError('resource.not_found', { field: 'categoryId', params: { resource: '预约类别' } });
      const hall = await requireHall(db(), category.hallId);
      const settings = await settingsOf(db(), hall.id);
      const open = await openingOf(db(), settings, day);
      if (!open) throw new AppError('appointment.closed', { field: 'day', params: { day, start: '' } });
      const booked = await appointmentSlotCounts(db(), categoryId, day);
      const now = Date.now();
      return {
        day: open,
        slots: slotsOf(open, settings.slotMinutes)
          .filter((s) => new Date(`${day}T${s.start}:00+08:00`).getTime() > now)
          .map((s) => ({
            ...s,
            capacity: category.capacity,
            left: Math.max(0, category.capacity - (booked.get(s.start) ?? 0)),
          })),
      };
    },
  );

  app.get(
    '/appointments/halls/:id/setup',
    {
      schema: {
        tags,
        summary: '大厅的预约设置：开放时间、预约规则和全部预约类别（大厅管理员）',
        params: IdParams,
        response: { 200: HallSetup },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const hall = await requireHall(db(), request.params.id);
      authorize(request, 'hall.manage', await hallScope(db(), hall.id));
      const { hallId: _, ...settings } = await settingsOf(db(), hall.id);
      return { settings, categories: await hallCategories(db(), hall.id) };
    },
  );

  app.put(
    '/appointments/halls/:id/settings',
    {
      schema: {
        tags,
        summary: '设置大厅的开放时间和预约规则（大厅管理员）',
        params: IdParams,
        body: AppointmentSettings,
        response: { 200: AppointmentSettings },
      },
      onRequest: signedIn,
    },
    async (request) => {
      requireActor(request);
      const hall = await requireHall(db(), request.params.id);
      authorize(request, 'hall.manage', await hallScope(db(), hall.id));
      const { hallId: _, ...settings } = await putSettings(
        db(),
        auditContext(request),
        hall.id,
        request.body,
      );
      return settings;
    },
  );

  app.post(
    '/appointments/halls/:id/categories',
    {
      schema: {
        tags,
        summary: '新增预约类别（窗口类别或事项）及每个时段的名额（大厅管理员）',
        params: IdParams,
        body: CategoryBody,
        response: { 201: AppointmentCategory },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      requireActor(request);
      const hall = await requireHall(db(), request.params.id);
      authorize(request, 'hall.manage', await hallScope(db(), hall.id));
      const { createdAt: _, ...row } = await createCategory(
        db(),
        auditContext(request),
        hall.id,
        request.body,
      );
      return reply.status(201).send(row);
    },
  );

  app.put(
    '/appointments/categories/:id',
    {
      schema: {
        tags,
        summary: '修改预约类别的名称、名额或停用（大厅管理员）',
        params: IdParams,
        body: CategoryBody,
        response: { 200: AppointmentCategory },
      },
      onRequest: signedIn,
    },
    async (request) => {
      requireActor(request);
      const category = await findCategory(db(), request.params.id);
      if (!category) throw categoryNotFound();
      const hall = await requireHall(db(), category.hallId);
      authorize(request, 'hall.manage', await hallScope(db(), hall.id));
      const { createdAt: _, ...row } = await updateCategory(
        db(),
        auditContext(request),
        category.id,
        request.body,
      );
      return row;
    },
  );

  app.post(
    '/appointments',
    {
      schema: {
        tags,
        summary: '预约：本人在线预约；窗口人员按来电人的身份证号码代为预约',
        body: BookBody,
        response: { 201: Appointment },
      },
      onRequest: signedIn,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // A session opened by reading an ID card at a kiosk books at that kiosk's hall (channel kiosk).
      const atKiosk = request.kiosk ? { hallId: request.kiosk.hallId } : undefined;
      const row = await book({ db: db(), actor, audit: auditContext(request), input: request.body, atKiosk });
      return reply.status(201).send((await present(db(), [row]))[0]!);
    },
  );

  app.get(
    '/appointments/mine',
    {
      schema: { tags, summary: '我的预约及暂停预约的情况', response: { 200: MyAppointments } },
      onRequest: signedIn,
    },
    async (request) => myAppointments(db(), requireActor(request).accountId),
  );

  app.post(
    '/appointments/:id/cancel',
    {
      schema: { tags, summary: '取消预约', params: IdParams, response: { 200: Appointment } },
      onRequest: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await cancel({ db: db(), actor, audit: auditContext(request), id: request.params.id });
      return (await present(db(), [row]))[0]!;
    },
  );

  app.post(
    '/appointments/:id/no-show',
    {
      schema: { tags, summary: '记为爽约（大厅工作人员）', params: IdParams, response: { 200: Appointment } },
      onRequest: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await markNoShow({ db: db(), actor, audit: auditContext(request), id: request.params.id });
      return (await present(db(), [row]))[0]!;
    },
  );

  app.get(
    '/appointments/halls/:id/bookings',
    {
      schema: {
        tags,
        summary: '大厅某日的预约（大厅工作人员）',
        params: IdParams,
        querystring: HallBookingsQuery,
        response: { 200: Type.Array(Appointment) },
      },
      onRequest: signedIn,
    },
    async (request) => {
      const actor = requireActor(request);
      const hall = await requireHall(db(), request.params.id);
      if (!worksAtHall(actor, hall.organisationId)) throw new AppError('auth.forbidden');
      return hallBookings(db(), hall.id, request.query.day);
    },
  );
}
