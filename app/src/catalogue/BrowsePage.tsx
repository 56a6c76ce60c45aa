import './catalogue.css';
import { Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPANY_THEMES, PERSON_THEMES } from '../../../common/catalogue/elements.ts';
import { useThemes } from './api.ts';
import { useMatterFilters } from './filters.ts';
import { useLabels } from './labels.ts';
import { MatterFilterBar } from './MatterFilterBar.tsx';
import { MatterList } from './MatterList.tsx';

/** /matters?object=person|company: 个人办事 / 法人办事 by theme and department. */
export function BrowsePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { filters, page, update } = useMatterFilters();
  const object = filters.object === 'company' ? 'company' : 'person';
  const themes = useThemes();
  const counts = new Map(
    (themes.data ?? []).filter((c) => c.object === object).map((c) => [c.theme, c.count]),
  );
  const themeList = object === 'person' ? PERSON_THEMES : COMPANY_THEMES;
  return (
    <div className="page">
      <div className="browse-head">
        <Segmented
          size="large"
          value={object}
          data-testid="browse-object"
          options={[
            { value: 'person', label: t('catalogue.browse.person') },
            { value: 'company', label: t('catalogue.browse.company') },
          ]}
          onChange={(value) => update({ object: String(value), theme: undefined })}
        />
        <Typography.Text type="secondary">
          {object === 'person' ? t('catalogue.browse.personDesc') : t('catalogue.browse.companyDesc')}
        </Typography.Text>
      </div>
      <section
        className="browse-themes"
        data-testid="browse-themes"
        aria-label={t('catalogue.browse.byTheme')}
      >
        <span className="browse-label">{t('catalogue.browse.byTheme')}</span>
        <Tag.CheckableTag checked={!filters.theme} onChange={() => update({ theme: undefined })}>
          {t('catalogue.browse.allThemes')}
        </Tag.CheckableTag>
        {themeList.map((theme) => (
          <Tag.CheckableTag
            key={theme}
            checked={filters.theme === theme}
            onChange={(checked) => update({ theme: checked ? theme : undefined })}
          >
            {labels.theme[theme]}
            {counts.has(theme) ? <span className="browse-count">{counts.get(theme)}</span> : null}
          </Tag.CheckableTag>
        ))}
      </section>
      <MatterFilterBar filters={filters} onChange={update} hide={['object', 'theme']} />
      <MatterList filters={{ ...filters, object }} page={page} onPage={(p) => update({ page: p })} />
    </div>
  );
}
