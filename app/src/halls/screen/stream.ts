import { useEffect, useRef, useState } from 'react';
import type { ScreenMessage } from './types.ts';

/** Longest wait before opening the stream again after the browser gave up on it, milliseconds. */
const MAX_RETRY_MS = 30_000;

/**
 * A hall's live stream (EventSource). The browser reconnects by itself and sends the last event id,
 * so the server replays what was missed; when it gives up (an error status) the stream is opened
 * again with `after` = the last event seen, waiting longer each time. `connected` is false while
 * the stream is down. Only one EventSource and at most one timer exist at a time.
 */
export function useHallStream(
  hallId: string,
  after: number | null,
  onMessage: (message: ScreenMessage) => void,
): { connected: boolean } {
  const [connected, setConnected] = useState(true);
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    if (after === null) return;
    let last = after;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let stopped = false;

    const open = () => {
      timer = null;
      const url = `/api/tickets/halls/${encodeURIComponent(hallId)}/stream?after=${last}`;
      const current = new EventSource(url);
      source = current;
      current.onopen = () => {
        failures = 0;
        setConnected(true);
      };
      current.onmessage = (event: MessageEvent<string>) => {
        const id = Number(event.lastEventId);
        if (id > last) last = id;
        handler.current(JSON.parse(event.data) as ScreenMessage);
      };
      current.onerror = () => {
        setConnected(false);
        if (current.readyState !== EventSource.CLOSED || stopped) return;
        current.close();
        source = null;
        failures += 1;
        timer = setTimeout(open, Math.min(MAX_RETRY_MS, 1000 * 2 ** failures));
      };
    };
    open();
    return () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [hallId, after]);

  return { connected };
}
