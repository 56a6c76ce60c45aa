import type { hallScreenZh } from './messages.zh-CN.ts';

/** The UI strings of a hall's calling screen in English. */
export const hallScreenEn: typeof hallScreenZh = {
  title: 'Calling screen',
  current: 'Now calling',
  toWindow: 'Window {{window}}',
  recall: 'Recall',
  none: 'No calls yet',
  recent: 'Recent calls',
  code: 'Number',
  window: 'Window',
  time: 'Time',
  waiting: 'Waiting',
  people: '{{count}} waiting',
  windowsOpen: 'Windows open',
  noWindows: 'No window open',
  speak: 'Number {{code}}, please go to window {{window}}',
  enableVoice: 'Tap to turn on spoken calls',
  voiceOn: 'Spoken calls on',
  disconnected: 'Connection lost, reconnecting',
  notFound: 'This hall does not exist or is closed',
  loadFailed: 'The server cannot be reached; retrying',
  prompt: 'Please watch for your number; a missed number can rejoin the queue at the reception desk',
};
