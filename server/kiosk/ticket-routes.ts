import { TakeTicketBody, Ticket } from '../../common/tickets/api.ts';
import { AppError } from '../core/errors.ts';
import type { App } from '../core/http/types.ts';
import { publicTicket, takeTicket } from '../tickets/index.ts';
import { deviceByToken } from './devices.ts';

/** Taking a ticket at the kiosk: the device names the hall; a person whose ID card was read may check in a booking. */
export async function kioskTicketRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  app.post(
    '/tickets/kiosk/take',
    {
      schema: {
        tags: ['tickets'],
        summary: '自助终端取号（x-kiosk-token）；刷身份证后可签到今日预约',
        body: TakeTicketBody,
        response: { 201: Ticket },
      },
      onRequest: async (request) => {
        await deviceByToken(db(), request.headers['x-kiosk-token'] as string | undefined);
      },
    },
    async (request, reply) => {
      const device = await deviceByToken(db(), request.headers['x-kiosk-token'] as string | undefined);
      const person = request.actor?.kind === 'person' ? request.actor.accountId : null;
      if (request.body.appointmentId && !person)
        throw new AppError('validation.field', {
          field: 'appointmentId',
          params: { problem: '请先刷身份证', problemEn: 'needs the ID card read first' },
        });
      const id = await takeTicket(db(), {
        hallId: device.hall.id,
        categoryId: request.body.categoryId,
        appointmentId: request.body.appointmentId,
        priority: request.body.priority,
        channel: 'kiosk',
        accountId: person,
        bookingOf: person ?? undefined,
        actorId: person,
      });
      return reply.status(201).send(await publicTicket(db(), id));
    },
  );
}
