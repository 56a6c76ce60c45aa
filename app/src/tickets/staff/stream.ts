import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { MY_WINDOWS, WINDOW_STATE } from './api.ts';

/** Fewest milliseconds between two refreshes the stream asks for. */
const SETTLE_MS = 300;

/**
 * Reads the window again as soon as the hall's stream (Server-Sent Events) tells of a ticket event
 * after `after` (the newest event when the panel first read its window); the browser reconnects by
 * itself, and the panel's own refresh every few seconds covers the time the stream is down.
 */
export function useHallStream(hallId: string | undefined, after: number | undefined) {
  const client = useQueryClient();
  // Follow from the first event id read for this hall: later reads must not reopen the stream.
  const [from, setFrom] = useState<{ hallId: string; after: number } | null>(null);
  useEffect(() => {
    if (hallId && after !== undefined && from?.hallId !== hallId) setFrom({ hallId, after });
  }, [hallId, after, from]);
  useEffect(() => {
    if (!from || typeof EventSource === 'undefined') return;
    const source = new EventSource(
      `/api/tickets/halls/${encodeURIComponent(from.hallId)}/stream?after=${encodeURIComponent(String(from.after))}`,
    );
    let timer: ReturnType<typeof setTimeout> | null = null;
    source.onmessage = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void client.invalidateQueries({ queryKey: [WINDOW_STATE] });
        void client.invalidateQueries({ queryKey: [MY_WINDOWS] });
      }, SETTLE_MS);
    };
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [client, from]);
}
