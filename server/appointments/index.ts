/**
 * Appointments (预约) in halls: opening hours and booking rules, categories with places per slot,
 * bookings online and by phone, cancellations, no-shows and suspensions, reminders.
 * The front door of the module: other modules import only from here.
 */
export { bookAtKiosk } from './kiosk.ts';
export { queueAppointmentReminders } from './reminders.ts';
export { appointmentRoutes } from './routes.ts';
export {
  appointmentCategories,
  appointmentSettings,
  appointmentSlots,
  appointmentSuspensions,
  appointments,
} from './tables.ts';
