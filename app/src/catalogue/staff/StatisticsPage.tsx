import '../catalogue.css';
import './catalogue-workbench.css';
import { useState } from 'react';
import { StatisticsHeading, StatisticsView } from '../StatisticsView.tsx';

/** 事项统计 in the workbench: the same figures as the public page, by region. */
export function CatalogueStatisticsPage() {
  const [region, setRegion] = useState<string | undefined>();
  return (
    <div>
      <StatisticsHeading />
      <StatisticsView region={region} onRegion={setRegion} />
    </div>
  );
}
