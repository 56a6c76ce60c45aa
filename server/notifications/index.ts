/**
 * Notifications to account holders: in-app messages and SMS, queued and sent after commit.
 * The front door of the module: other modules import only from here.
 */
export { dispatchQueuedSms, OUTBOX_BATCH } from './outbox.ts';
export { notificationRoutes } from './routes.ts';
export { listNotifications, messageRows, notify, sendSms } from './service.ts';
export type { SmsProvider } from './sms.ts';
export { notifications } from './tables.ts';
