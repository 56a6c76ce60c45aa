import http from 'node:http';
import type { ScreenMessage } from '../../common/tickets/screen.ts';

/** One Server-Sent Event as a screen received it. */
export type Received = { id: string | null; message: ScreenMessage };

export type SseClient = {
  status: number;
  received: Received[];
  /** Resolves with the messages so far once `check` holds for them. */
  until: (check: (received: Received[]) => boolean) => Promise<Received[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
};

/** Opens a hall's stream over plain HTTP (as a screen would), optionally resuming after an event id. */
export function openStream(url: string, lastEventId?: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: lastEventId ? { 'last-event-id': lastEventId } : {} });
    request.once('error', reject);
    request.once('response', (response) => {
      const received: Received[] = [];
      const waiters: { check: (r: Received[]) => boolean; resolve: (r: Received[]) => void }[] = [];
      const settle = () => {
        for (const w of [...waiters])
          if (w.check(received)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(received);
          }
      };
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const id = /^id: (.*)$/m.exec(block)?.[1] ?? null;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) received.push({ id, message: JSON.parse(data) as ScreenMessage });
        }
        settle();
      });
      const ended = new Promise<void>((done) => {
        response.once('end', done);
        response.once('close', done);
      });
      request.off('error', reject);
      request.on('error', () => {});
      resolve({
        status: response.statusCode ?? 0,
        received,
        until: (check) =>
          new Promise((done) => {
            waiters.push({ check, resolve: done });
            settle();
          }),
        ended,
        close: () => request.destroy(),
      });
    });
  });
}

/** The codes of the calls among received messages, in order. */
export const callsIn = (received: Received[]) =>
  received.filter((r) => r.message.kind === 'called').map((r) => r.message.code);
