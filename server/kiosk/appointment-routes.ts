import { Appointment, KioskBookBody } from '../../common/appointments/api.ts';
import { DeviceHeaders } from '../../common/kiosk/api.ts';
import { bookAtKiosk } from '../appointments/index.ts';
import { AppError } from '../core/errors.ts';
import { auditContext, requireActor } from '../core/http/guard.ts';
import type { App } from '../core/http/types.ts';
import { deviceByToken } from './devices.ts';

/**
 * Booking at the kiosk: the device names the hall, the kiosk session the person whose ID card was
 * read. Their bookings are listed and cancelled through /api/appointments/mine and …/cancel.
 */
export async function kioskAppointmentRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  app.post(
    '/kiosk/appointments',
    {
      schema: {
        tags: ['kiosk'],
        summary: '自助终端预约（x-kiosk-token，刷身份证后）：预约本大厅的时段，渠道记为自助终端',
        headers: DeviceHeaders,
        body: KioskBookBody,
        response: { 201: Appointment },
      },
      onRequest: async (request) => {
        const device = await deviceByToken(db(), request.headers['x-kiosk-token'] as string | undefined);
        requireActor(request);
        if (request.kiosk?.deviceId !== device.id) throw new AppError('auth.required');
      },
    },
    async (request, reply) => {
      const device = await deviceByToken(db(), request.headers['x-kiosk-token'] as string | undefined);
      const booked = await bookAtKiosk({
        db: db(),
        actor: requireActor(request),
        audit: auditContext(request),
        hallId: device.hall.id,
        input: request.body,
      });
      return reply.status(201).send(booked);
    },
  );
}
