/**
 * Self-service kiosks in halls: devices, kiosk sessions bound to an applicant session, the matters a kiosk offers.
 * The front door of the module: other modules import only from here.
 */
export { kioskAppointmentRoutes } from './appointment-routes.ts';
export { deviceByToken, registerDevice } from './devices.ts';
export { kioskSessionGuard } from './guard.ts';
export { kioskRoutes } from './routes.ts';
export { kioskTicketRoutes } from './ticket-routes.ts';
