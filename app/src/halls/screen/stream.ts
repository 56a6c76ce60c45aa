import { useMemo, useRef } from 'react';
import { type LiveStream, useLiveStream } from '../../components/useLiveStream.ts';
import type { ScreenMessage } from './types.ts';

/**
 * A hall's live stream (reconnected as useLiveStream does). The browser reconnects by itself and
 * sends the last event id, so the server replays what was missed; when the stream is opened again
 * after the browser gave up, it asks for what came `after` the last event seen. Not opened before
 * the snapshot's last event id is known (null).
 */
export function useHallStream(
  hallId: string,
  after: number | null,
  onMessage: (message: ScreenMessage) => void,
): { connected: boolean } {
  const handler = useRef(onMessage);
  handler.current = onMessage;

  const start = useMemo(() => {
    if (after === null) return null;
    return (): LiveStream => {
      let last = after;
      return {
        url: () => `/api/tickets/halls/${encodeURIComponent(hallId)}/stream?after=${last}`,
        event: 'message',
        onEvent: (event) => {
          const id = Number(event.lastEventId);
          if (id > last) last = id;
          handler.current(JSON.parse(event.data) as ScreenMessage);
        },
      };
    };
  }, [hallId, after]);
  const connected = useLiveStream(start);
  return { connected };
}
