import { randomUUID } from 'node:crypto';

/** An SMS gateway adapter. `send` resolves with the gateway's message id, or throws when the message was not taken. */
export type SmsProvider = {
  name: string;
  send: (message: { phone: string; text: string }) => Promise<{ providerId: string }>;
};

/** The sandbox gateway: sends nothing; the message is only recorded (channel 'sms', status 'sent'). */
export const sandboxSms: SmsProvider = {
  name: 'sandbox',
  send: async () => ({ providerId: `sandbox-${randomUUID()}` }),
};

/** The text as sent: signature first, as Chinese gateways require. */
export function smsText(title: string, body: string): string {
  return `【一网通办】${title}：${body}`;
}
