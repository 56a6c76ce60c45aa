import { useEffect, useState } from 'react';
import type { ScreenAnswer } from './types.ts';

/** Longest wait before opening the stream again after the browser gave up on it, milliseconds. */
const MAX_RETRY_MS = 30_000;

export type ScreenStreamState = {
  /** The last answer received; replaced (never accumulated) by each `update`. */
  answer: ScreenAnswer | null;
  connected: boolean;
};

/**
 * The big screen's live stream (EventSource on /api/screen/stream): every `update` event replaces the
 * answer. The browser reconnects by itself after a dropped connection; when it gives up (an error
 * status, e.g. the server's stream cap) the stream is opened again, waiting longer each time.
 * Only one EventSource and at most one timer exist at a time; both go with the component. Not opened
 * while `enabled` is false (a region that does not exist).
 */
export function useScreenStream(region: string | null, enabled: boolean): ScreenStreamState {
  const [state, setState] = useState<ScreenStreamState>({ answer: null, connected: true });

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let failures = 0;
    let stopped = false;
    const query = region ? `?region=${encodeURIComponent(region)}` : '';

    const open = () => {
      timer = null;
      const current = new EventSource(`/api/screen/stream${query}`);
      source = current;
      current.onopen = () => {
        failures = 0;
        setState((s) => (s.connected ? s : { ...s, connected: true }));
      };
      current.addEventListener('update', (event: MessageEvent<string>) => {
        const answer = JSON.parse(event.data) as ScreenAnswer;
        setState({ answer, connected: true });
      });
      current.onerror = () => {
        setState((s) => (s.connected ? { ...s, connected: false } : s));
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
  }, [region, enabled]);

  return state;
}
