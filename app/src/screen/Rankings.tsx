import { useTranslation } from 'react-i18next';
import { count, percent } from './format.ts';

type Row = { id: string; name: string; concluded: number; onTimeRate: number | null };

/** A ranking by cases concluded this month: rank, name, a bar, the count and the on-time rate. */
export function Ranking({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) {
  const { t } = useTranslation();
  const top = Math.max(1, ...rows.map((r) => r.concluded));
  return (
    <section className="big-panel big-ranking" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length === 0 ? <div className="big-empty">{t('screen.noData')}</div> : null}
      <ol>
        {rows.map((row, i) => (
          <li key={row.id} data-name={row.name}>
            <span className={`big-rank${i < 3 ? ' big-rank-top' : ''}`}>{i + 1}</span>
            <span className="big-rank-name">{row.name}</span>
            <span className="big-rank-count">{count(row.concluded)}</span>
            <span className="big-rank-rate">
              {percent(row.onTimeRate)}
              {row.onTimeRate === null ? '' : '%'}
            </span>
            <span className="big-rank-bar">
              <span style={{ width: `${(row.concluded / top) * 100}%` }} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
