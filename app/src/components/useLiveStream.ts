import { useEffect, useState } from 'react';

/** Longest wait before opening the stream again after the browser gave up on it, milliseconds. */
const MAX_RETRY_MS = 30_000;

/** What one live stream alone does: where it opens and what it does with its events. */
export type LiveStream = {
  /** The stream's address, asked again each time the stream is opened. */
  url: () => string;
  /** The event listened for; `message` for events without a name. */
  event: string;
  onEvent: (event: MessageEvent<string>) => void;
};

/**
 * A live stream (EventSource) for a wall screen, kept open for weeks: the browser reconnects by
 * itself after a dropped connection; when it gives up (an error status, e.g. the server's stream
 * cap) the stream is opened again, waiting longer each time. Returns whether the stream is up
 * (false from an error until it opens again), for the screen's "connection lost" notice.
 * `start` gives a new stream's part each time it changes (memoise it); null opens none. Only one
 * EventSource and at most one timer exist at a time; both go with the component.
 */
export function useLiveStream(start: (() => LiveStream) | null): boolean {
  const [connected, setConnected] = useState(true);

  useEffect(() => {
    if (!start) return;
    const stream = start();
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let stopped = false;

    const open = () => {
      timer = null;
      const current = new EventSource(stream.url());
      source = current;
      current.onopen = () => {
        failures = 0;
        setConnected(true);
      };
      current.addEventListener(stream.event, stream.onEvent);
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
  }, [start]);

  return connected;
}
