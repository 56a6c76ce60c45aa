import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { HALLS } from './api.ts';

/** Fewest milliseconds between two refreshes of the board that the stream asks for. */
const SETTLE_MS = 500;

/**
 * Refreshes a hall's live board as soon as the hall's stream (Server-Sent Events) tells of a
 * change after `after`; the browser reconnects by itself and the board's own refresh every few
 * seconds covers the time the stream is down.
 */
export function useBoardStream(hallId: string | undefined, after: number | undefined) {
  const client = useQueryClient();
  useEffect(() => {
    if (!hallId || after === undefined || typeof EventSource === 'undefined') return;
    const source = new EventSource(
      `${HALLS}/${encodeURIComponent(hallId)}/stream?after=${encodeURIComponent(String(after))}`,
    );
    let timer: ReturnType<typeof setTimeout> | null = null;
    source.onmessage = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void client.invalidateQueries({ queryKey: [HALLS, hallId, 'board'] });
      }, SETTLE_MS);
    };
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [client, hallId, after]);
}
