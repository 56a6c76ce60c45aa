import { Type } from 'typebox';
import { IdParams } from '../../common/api.ts';
import { CheckInBooking, MyTicket, TakeTicketBody, Ticket } from '../../common/tickets/api.ts';
import { isMobile } from '../accounts/index.ts';
import { AppError } from '../core/errors.ts';
import { requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { publicTicket } from './present.ts';
import { activeHall, worksAtHall } from './service.ts';
import { checkInBookings, takeTicket, ticketsOfToday } from './take.ts';

const tags = ['tickets'];
const invalid = (field: string, problem: string, problemEn: string) =>
  new AppError('validation.field', { field, params: { problem, problemEn } });

/** What only the reception desk gives: priority, the person's name and phone. */
function receptionOnly(body: { priority?: unknown; personName?: unknown; phone?: unknown }) {
  if (body.priority)
    throw invalid('priority', '绿色通道、帮办代办请到服务台取号', 'is given at the reception desk');
  if (body.personName !== undefined)
    throw invalid('personName', '仅服务台代取号时填写', 'is given by the reception desk only');
  if (body.phone !== undefined)
    throw invalid('phone', '仅服务台代取号时填写', 'is given by the reception desk only');
}

/** Taking a ticket on a phone or at reception, today's bookings that check in, and the person's tickets. */
export async function ticketTakeRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;

  app.post(
    '/tickets/halls/:id/take',
    {
      schema: {
        tags,
        summary:
          '取号：本人用手机取号，或大厅服务台为办事人取号（可填姓名、手机号，可选绿色通道、帮办代办）；今日预约签到取号',
        params: IdParams,
        body: TakeTicketBody,
        response: { 201: Ticket },
      },
      onRequest: async (request) => {
        requireActor(request);
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const hall = await activeHall(db(), request.params.id);
      const reception = worksAtHall(actor, hall.organisationId);
      const body = request.body;
      if (!reception) receptionOnly(body);
      if (!reception && actor.kind !== 'person') throw new AppError('auth.forbidden');
      const phone = body.phone?.trim();
      if (phone && !isMobile(phone))
        throw invalid('phone', '请填写 11 位手机号', 'must be an 11-digit mobile number');
      const id = await takeTicket(db(), {
        hallId: hall.id,
        categoryId: body.categoryId,
        appointmentId: body.appointmentId,
        priority: body.priority,
        channel: reception ? 'reception' : 'phone',
        accountId: reception ? null : actor.accountId,
        bookingOf: reception ? undefined : actor.accountId,
        actorId: actor.accountId,
        personName: body.personName,
        phone: phone || undefined,
      });
      return reply.status(201).send(await publicTicket(db(), id));
    },
  );

  app.get(
    '/tickets/halls/:id/checkin',
    {
      schema: {
        tags,
        summary: '本人今日在本大厅可签到取号的预约',
        params: IdParams,
        response: { 200: Type.Array(CheckInBooking) },
      },
      onRequest: async (request) => {
        requireActor(request);
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const hall = await activeHall(db(), request.params.id);
      return checkInBookings(db(), hall.id, actor.accountId);
    },
  );

  app.get(
    '/tickets/mine',
    {
      schema: {
        tags,
        summary: '本人今日的号票：前面还有几人，叫号后到哪个窗口',
        response: { 200: Type.Array(MyTicket) },
      },
      onRequest: async (request) => {
        requireActor(request);
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const mine = await ticketsOfToday(db(), actor.accountId);
      return Promise.all(
        mine.map(async ({ id, hallName }) => ({ ...(await publicTicket(db(), id)), hallName })),
      );
    },
  );
}
