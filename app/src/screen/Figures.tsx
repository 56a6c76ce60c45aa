import { useTranslation } from 'react-i18next';
import { count, percent } from './format.ts';
import type { ScreenAnswer } from './types.ts';

type Figure = { key: string; value: string; unit: string; note?: string; accent: string };

/** The big numbers across the top: today's cases, people waiting and this month's rates. */
export function Figures({ answer }: { answer: ScreenAnswer }) {
  const { t } = useTranslation();
  const { today, month } = answer;
  const share = (value: number | null) => (value === null ? '' : '%');
  const figures: Figure[] = [
    { key: 'todayReceived', value: count(today.received), unit: t('screen.cases'), accent: 'cyan' },
    { key: 'todayConcluded', value: count(today.concluded), unit: t('screen.cases'), accent: 'green' },
    { key: 'waiting', value: count(answer.waiting), unit: t('screen.people'), accent: 'gold' },
    { key: 'onTimeToday', value: percent(today.onTimeRate), unit: share(today.onTimeRate), accent: 'green' },
    { key: 'onTimeMonth', value: percent(month.onTimeRate), unit: share(month.onTimeRate), accent: 'green' },
    {
      key: 'satisfaction',
      value: percent(answer.satisfaction),
      unit: share(answer.satisfaction),
      note: t('screen.ratings', { count: answer.ratings }),
      accent: 'gold',
    },
    {
      key: 'atMostOneVisit',
      value: percent(month.atMostOneVisitShare),
      unit: share(month.atMostOneVisitShare),
      accent: 'cyan',
    },
    {
      key: 'fullyOnline',
      value: percent(month.fullyOnlineShare),
      unit: share(month.fullyOnlineShare),
      accent: 'cyan',
    },
  ];
  return (
    <section className="big-figures">
      {figures.map((f) => (
        <div
          key={f.key}
          className={`big-figure accent-${f.accent}`}
          data-testid="screen-figure"
          data-key={f.key}
        >
          <div className="big-figure-label">{t(`screen.${f.key}` as 'screen.todayReceived')}</div>
          <div className="big-figure-value">
            <span data-testid="screen-value">{f.value}</span>
            <small>{f.unit}</small>
          </div>
          {f.note ? <div className="big-figure-note">{f.note}</div> : null}
        </div>
      ))}
    </section>
  );
}
