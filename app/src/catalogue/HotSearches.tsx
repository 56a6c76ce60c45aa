import './catalogue.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Popular searches under the portal's search box, each a link to its results. */
export function HotSearches() {
  const { t } = useTranslation();
  const terms = t('catalogue.search.hot').split('|');
  return (
    <div className="hero-hint" data-testid="hot-searches">
      {t('catalogue.search.hotLabel')}
      {terms.map((term) => (
        <Link key={term} to={`/search?q=${encodeURIComponent(term)}`} className="hot-search">
          {term}
        </Link>
      ))}
      <Link to="/statistics" className="hot-search hot-search-stats">
        {t('catalogue.search.statisticsLink')} ›
      </Link>
    </div>
  );
}
