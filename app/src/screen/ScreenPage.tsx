import './screen.css';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client.ts';
import { Clock, timeOfDay } from '../components/ScreenClock.tsx';
import { DistrictMap, hasMap } from './DistrictMap.tsx';
import { Figures } from './Figures.tsx';
import { count } from './format.ts';
import { Ranking } from './Rankings.tsx';
import { useScreenStream } from './stream.ts';
import { TrendChart } from './TrendChart.tsx';
import type { ScreenAnswer } from './types.ts';
import './messages.ts';

const WIDTH = 1920;
const HEIGHT = 1080;
/** Child regions the ranking has room for. */
const MAX_CHILDREN = 14;

/** The scale that fits the 1920×1080 stage into the window. */
const fit = () => Math.min(window.innerWidth / WIDTH, window.innerHeight / HEIGHT);

/** The stage's scale, kept current as the window changes. */
function useStageScale(): number {
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/** The 1920×1080 stage, scaled to fit the window without scrollbars, on a dark background. */
function Stage({ children }: { children: ReactNode }) {
  const scale = useStageScale();
  return (
    <div className="big-screen">
      <div className="big-stage" style={{ transform: `translate(-50%, -50%) scale(${scale})` }}>
        {children}
      </div>
    </div>
  );
}

/**
 * 大屏: the government services of a region (?region=, default the city) on a 1920×1080 wall screen,
 * public and live: the answer is read once, then replaced by every update of the region's stream,
 * for weeks without a reload.
 */
export function ScreenPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const region = params.get('region');
  const first = useQuery({
    queryKey: ['/api/screen', region],
    queryFn: () => api.get<ScreenAnswer>('/api/screen', region ? { region } : undefined),
    retry: (_, error) => !(error instanceof ApiError && error.status < 500),
    retryDelay: (n) => Math.min(30_000, 1000 * 2 ** n),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const missing = first.error instanceof ApiError && first.error.status === 404;
  const live = useScreenStream(region, !missing);
  const answer = live.answer ?? first.data ?? null;
  const name = answer?.region.name;

  useEffect(() => {
    if (name) document.title = t('screen.title', { region: name });
  }, [name, t]);

  if (missing)
    return (
      <Stage>
        <div className="big-notice">{t('screen.notFound')}</div>
      </Stage>
    );
  if (!answer)
    return <Stage>{first.error ? <div className="big-notice">{t('screen.loadFailed')}</div> : null}</Stage>;
  return (
    <Stage>
      <Board answer={answer} />
      {live.connected ? null : (
        <div className="big-offline" role="status" data-testid="screen-offline">
          {t('screen.disconnected')}
        </div>
      )}
    </Stage>
  );
}

function Board({ answer }: { answer: ScreenAnswer }) {
  const { t } = useTranslation();
  const mapped = hasMap(answer.region.code);
  const districts = [...answer.districts]
    .sort((a, b) => b.concluded - a.concluded || b.received - a.received)
    .map((d) => ({ id: d.code, name: d.name, concluded: d.concluded, onTimeRate: d.onTimeRate }));
  return (
    <>
      <header className="big-header">
        <div className="big-header-side">
          {t('screen.monthCases', {
            received: count(answer.month.received),
            concluded: count(answer.month.concluded),
          })}
        </div>
        <div className="big-title">
          <h1 data-testid="screen-title">{t('screen.title', { region: answer.region.name })}</h1>
          <div className="big-subtitle">{t('screen.subtitle')}</div>
        </div>
        <Clock prefix="big" />
      </header>
      <Figures answer={answer} />
      <main className={`big-main${mapped ? '' : ' big-main-unmapped'}`}>
        <Ranking title={t('screen.departments')} rows={answer.departments} testId="screen-departments" />
        <div className="big-centre">
          {mapped ? <DistrictMap region={answer.region.code} districts={answer.districts} /> : null}
          <TrendChart days={answer.days} />
        </div>
        <Ranking
          title={t(answer.region.code.endsWith('00') ? 'screen.districts' : 'screen.children')}
          rows={districts.slice(0, MAX_CHILDREN)}
          testId="screen-districts"
        />
      </main>
      <footer className="big-footer">{t('screen.asOf', { time: timeOfDay(answer.asOf) })}</footer>
    </>
  );
}
