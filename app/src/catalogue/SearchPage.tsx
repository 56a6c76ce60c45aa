import './catalogue.css';
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMatterFilters } from './filters.ts';
import { MatterFilterBar } from './MatterFilterBar.tsx';
import { MatterList } from './MatterList.tsx';

/** /search?q=…: matters found for what the citizen typed, best first, with filters. */
export function SearchPage() {
  const { t } = useTranslation();
  const { filters, page, update } = useMatterFilters();
  return (
    <div className="page">
      <Input.Search
        key={filters.q ?? ''}
        size="large"
        defaultValue={filters.q}
        enterButton={t('common.search')}
        placeholder={t('portal.searchPlaceholder')}
        aria-label={t('portal.searchPlaceholder')}
        data-testid="catalogue-search"
        onSearch={(value) => update({ q: value.trim() || undefined })}
      />
      <Typography.Title level={4} className="matter-heading">
        {filters.q ? t('catalogue.search.resultsFor', { q: filters.q }) : t('catalogue.search.title')}
      </Typography.Title>
      <MatterFilterBar filters={filters} onChange={update} />
      {filters.q ? null : (
        <Typography.Paragraph type="secondary">{t('catalogue.search.enterQuery')}</Typography.Paragraph>
      )}
      <MatterList filters={filters} page={page} onPage={(p) => update({ page: p })} />
    </div>
  );
}
