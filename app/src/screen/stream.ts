import { useMemo, useState } from 'react';
import { type LiveStream, useLiveStream } from '../components/useLiveStream.ts';
import type { ScreenAnswer } from './types.ts';

export type ScreenStreamState = {
  /** The last answer received; replaced (never accumulated) by each `update`. */
  answer: ScreenAnswer | null;
  connected: boolean;
};

/**
 * The big screen's live stream (/api/screen/stream, reconnected as useLiveStream does): every
 * `update` event replaces the answer. Not opened while `enabled` is false (a region that does not
 * exist).
 */
export function useScreenStream(region: string | null, enabled: boolean): ScreenStreamState {
  const [answer, setAnswer] = useState<ScreenAnswer | null>(null);
  const start = useMemo(() => {
    if (!enabled) return null;
    const query = region ? `?region=${encodeURIComponent(region)}` : '';
    return (): LiveStream => ({
      url: () => `/api/screen/stream${query}`,
      event: 'update',
      onEvent: (event) => setAnswer(JSON.parse(event.data) as ScreenAnswer),
    });
  }, [region, enabled]);
  const connected = useLiveStream(start);
  return { answer, connected };
}
