import { Type } from 'typebox';
import { CheckInBooking, KioskTakeTicketBody, Ticket } from '../../common/tickets/api.ts';
import { accountContact } from '../accounts/index.ts';
import { AppError } from '../core/errors.ts';
import { requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { checkInBookings, publicTicket, takeTicket } from '../tickets/index.ts';
import { deviceByToken } from './devices.ts';

/**
 * Taking a ticket at the kiosk: the device names the hall; a person whose ID card was read may
 * check in a booking of today. 绿色通道 and 帮办代办 are given at the reception desk, not here.
 */
export async function kioskTicketRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const device = (token: unknown) => deviceByToken(db(), token as string | undefined);
  app.post(
    '/tickets/kiosk/take',
    {
      schema: {
        tags: ['tickets'],
        summary: '自助终端取号（x-kiosk-token）；刷身份证后可签到今日预约',
        body: KioskTakeTicketBody,
        response: { 201: Ticket },
      },
      onRequest: async (request) => {
        await device(request.headers['x-kiosk-token']);
      },
    },
    async (request, reply) => {
      const { hall } = await device(request.headers['x-kiosk-token']);
      const person = request.actor?.kind === 'person' ? request.actor.accountId : null;
      if (request.body.appointmentId && !person)
        throw new AppError('validation.field', {
          field: 'appointmentId',
          params: { problem: '请先刷身份证', problemEn: 'needs the ID card read first' },
        });
      const id = await takeTicket(db(), {
        hallId: hall.id,
        categoryId: request.body.categoryId,
        appointmentId: request.body.appointmentId,
        channel: 'kiosk',
        accountId: person,
        bookingOf: person ?? undefined,
        actorId: person,
        personName: person ? (await accountContact(db(), person))?.displayName : undefined,
      });
      return reply.status(201).send(await publicTicket(db(), id));
    },
  );

  app.get(
    '/tickets/kiosk/checkin',
    {
      schema: {
        tags: ['tickets'],
        summary: '自助终端：刷身份证的本人今日在本大厅可签到取号的预约（x-kiosk-token）',
        response: { 200: Type.Array(CheckInBooking) },
      },
      onRequest: async (request) => {
        await device(request.headers['x-kiosk-token']);
        requireActor(request);
      },
    },
    async (request) => {
      const { hall } = await device(request.headers['x-kiosk-token']);
      return checkInBookings(db(), hall.id, requireActor(request).accountId);
    },
  );
}
