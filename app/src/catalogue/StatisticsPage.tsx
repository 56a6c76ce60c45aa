import './catalogue.css';
import { useSearchParams } from 'react-router';
import { StatisticsHeading, StatisticsView } from './StatisticsView.tsx';

/** /statistics: the public catalogue figures (loaded on demand: it brings the charts). */
export function StatisticsPage() {
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  return (
    <div className="page">
      <StatisticsHeading />
      <StatisticsView region={region} onRegion={(r) => setParams(r ? { region: r } : {})} />
    </div>
  );
}
