import { Empty, Pagination, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../components/status.tsx';
import { PAGE_SIZE, useMatters } from './api.ts';
import { MatterCard } from './MatterCard.tsx';
import type { MatterFilters } from './types.ts';

type Props = { filters: MatterFilters; page: number; onPage: (page: number) => void };

/** A page of matters from the public catalogue, with its count and paging. */
export function MatterList({ filters, page, onPage }: Props) {
  const { t } = useTranslation();
  const matters = useMatters(filters, page);
  if (matters.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (matters.isError) return <LoadError error={matters.error} onRetry={() => void matters.refetch()} />;
  const { items, total, totalCapped } = matters.data;
  if (items.length === 0) {
    return (
      <Empty
        className="matter-empty"
        data-testid="matters-empty"
        description={
          <>
            <div>{t('catalogue.search.none')}</div>
            <div className="muted">{t('catalogue.search.noneHint')}</div>
          </>
        }
      />
    );
  }
  return (
    <div data-testid="matter-results">
      <div className="matter-count">
        {t(totalCapped ? 'catalogue.search.foundMore' : 'catalogue.search.found', { total })}
      </div>
      <div className="matter-list">
        {items.map((m) => (
          <MatterCard key={m.implementationId} matter={m} />
        ))}
      </div>
      {total > PAGE_SIZE ? (
        <Pagination
          className="matter-pages"
          current={page}
          pageSize={PAGE_SIZE}
          total={total}
          showSizeChanger={false}
          onChange={onPage}
        />
      ) : null}
    </div>
  );
}
