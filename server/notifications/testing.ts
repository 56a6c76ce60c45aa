import type { SmsProvider } from './sms.ts';

/** A gateway for tests that takes every SMS and keeps its text, in the order given. */
export function recordingGateway(): { gateway: SmsProvider; texts: string[] } {
  const texts: string[] = [];
  const gateway: SmsProvider = {
    name: 'recording',
    send: async ({ text }) => {
      texts.push(text);
      return { providerId: `rec-${texts.length}` };
    },
  };
  return { gateway, texts };
}
