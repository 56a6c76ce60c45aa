import './catalogue.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHotSearches } from './api.ts';

/** The most searched terms of the last 30 days that find matters, under the portal's search box. */
export function HotSearches() {
  const { t } = useTranslation();
  const hot = useHotSearches();
  const terms = hot.data?.terms ?? [];
  return (
    <div className="hero-hint" data-testid="hot-searches">
      {terms.length ? t('catalogue.search.hotLabel') : null}
      {terms.map((term) => (
        <Link
          key={term}
          to={`/search?q=${encodeURIComponent(term)}`}
          className="hot-search"
          data-testid="hot-search"
        >
          {term}
        </Link>
      ))}
      <Link to="/statistics" className="hot-search hot-search-stats">
        {t('catalogue.search.statisticsLink')} ›
      </Link>
    </div>
  );
}
