import { Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';

/** Search is answered once the service catalogue exists; until then this says so. */
export function SearchResults() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = params.get('q') ?? '';
  return (
    <div className="page">
      <Input.Search
        size="large"
        defaultValue={q}
        enterButton={t('common.search')}
        placeholder={t('portal.searchPlaceholder')}
        onSearch={(value) => navigate(`/search?q=${encodeURIComponent(value.trim())}`)}
      />
      <Result
        status="info"
        title={q ? t('portal.resultsFor', { q }) : t('portal.resultsTitle')}
        subTitle={
          <>
            <div data-testid="catalogue-not-yet">{t('portal.catalogueNotYet')}</div>
            <div>{t('portal.catalogueNotYetDesc')}</div>
          </>
        }
        extra={<Link to="/">{t('common.backHome')}</Link>}
      />
    </div>
  );
}
