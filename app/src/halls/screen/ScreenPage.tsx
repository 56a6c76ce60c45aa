import './screen.css';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { Clock, chinaDay } from '../../components/ScreenClock.tsx';
import { CallBoard } from './CallBoard.tsx';
import { spokenCode, useSpeech } from './speech.ts';
import { applyMessage, callOf, initialState, type ScreenState } from './state.ts';
import { useHallStream } from './stream.ts';
import type { HallScreen, ScreenMessage } from './types.ts';
import './messages.ts';

/**
 * 叫号屏: a hall's calling screen for a 1920×1080 TV, full screen and public. The newest call large,
 * the last calls, waiting per category, windows open and the time; each call (and recall) spoken.
 * Live from the hall's stream, for weeks without a reload: the snapshot is read again each new day.
 */
export function ScreenPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [day, setDay] = useState(() => chinaDay(new Date()));
  const screen = useQuery({
    queryKey: ['/api/tickets/halls', id, 'screen', day],
    queryFn: () => api.get<HallScreen>(`/api/tickets/halls/${encodeURIComponent(id)}/screen`),
    retry: (_, error) => !(error instanceof ApiError && error.status === 404),
    retryDelay: (count) => Math.min(30_000, 1000 * 2 ** count),
    staleTime: Number.POSITIVE_INFINITY,
    // A new day's snapshot replaces the last one when it arrives; the screen stays up meanwhile.
    placeholderData: (previous) => previous,
    gcTime: 0,
  });
  const [state, setState] = useState<ScreenState | null>(null);
  const current = useRef<ScreenState | null>(null);
  const { voice, say, unlock } = useSpeech(i18n.language === 'en' ? 'en-US' : 'zh-CN');

  useEffect(() => {
    if (!screen.data) return;
    current.current = initialState(screen.data);
    setState(current.current);
    document.title = `${screen.data.hallName} · ${t('hallScreen.title')}`;
  }, [screen.data, t]);

  const onMessage = useCallback(
    (message: ScreenMessage) => {
      const before = current.current;
      if (!before) return;
      const call = callOf(before, message);
      current.current = applyMessage(before, message);
      setState(current.current);
      if (call) say(t('hallScreen.speak', { code: spokenCode(call.code), window: call.windowNumber }));
    },
    [say, t],
  );
  const { connected } = useHallStream(id, screen.data?.lastEventId ?? null, onMessage);

  if (screen.error instanceof ApiError && screen.error.status === 404)
    return <div className="hall-screen screen-notice">{t('hallScreen.notFound')}</div>;
  if (!screen.data || !state)
    return (
      <div className="hall-screen screen-notice">{screen.error ? t('hallScreen.loadFailed') : null}</div>
    );
  return (
    <div className="hall-screen">
      <header className="screen-header">
        <div className="screen-hall">
          <span className="screen-hall-name">{screen.data.hallName}</span>
          <span className="screen-title">{t('hallScreen.title')}</span>
          {voice === 'blocked' ? (
            <button type="button" className="screen-voice" onClick={unlock}>
              {t('hallScreen.enableVoice')}
            </button>
          ) : null}
        </div>
        <Clock prefix="screen" onDay={setDay} />
      </header>
      <CallBoard state={state} />
      {connected ? null : (
        <div className="screen-offline" role="status">
          {t('hallScreen.disconnected')}
        </div>
      )}
    </div>
  );
}
