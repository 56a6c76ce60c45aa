import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { THEMES } from '../../../common/catalogue/elements.ts';
import { useDepartments, useRegionOptions } from './api.ts';
import { optionsOf, useLabels } from './labels.ts';
import type { MatterFilters } from './types.ts';

type Props = {
  filters: MatterFilters;
  onChange: (changes: Partial<MatterFilters>) => void;
  /** Filters the page already fixes (e.g. the service object of a browse page). */
  hide?: (keyof MatterFilters)[];
};

/** Region, department, theme, realisation mode and service object filters of the public lists. */
export function MatterFilterBar({ filters, onChange, hide = [] }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const regions = useRegionOptions();
  const departments = useDepartments();
  const shown = (key: keyof MatterFilters) => !hide.includes(key);
  const any = Boolean(
    filters.region || filters.departmentId || filters.theme || filters.mode || filters.object,
  );
  const select = (
    key: keyof MatterFilters,
    placeholder: string,
    options: { value: string; label: string }[],
  ) =>
    shown(key) ? (
      <Select
        key={key}
        className="matter-filter"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={placeholder}
        aria-label={placeholder}
        data-testid={`filter-${key}`}
        value={filters[key] ?? null}
        options={options}
        onChange={(value: string | null | undefined) => onChange({ [key]: value ?? undefined })}
      />
    ) : null;
  return (
    <div className="matter-filters">
      {select(
        'region',
        t('catalogue.filter.anyRegion'),
        (regions.data ?? []).map((r) => ({ value: r.code, label: r.name })),
      )}
      {select(
        'departmentId',
        t('catalogue.filter.anyDepartment'),
        (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
      )}
      {select(
        'theme',
        t('catalogue.filter.anyTheme'),
        THEMES.map((theme) => ({ value: theme, label: labels.theme[theme] })),
      )}
      {select('mode', t('catalogue.filter.anyMode'), optionsOf(labels, 'realisationMode'))}
      {select(
        'object',
        t('catalogue.filter.anyObject'),
        optionsOf(labels, 'serviceObject').filter((o) => o.value !== 'both'),
      )}
      {any ? (
        <Button
          type="link"
          onClick={() =>
            onChange({
              region: undefined,
              departmentId: undefined,
              theme: undefined,
              mode: undefined,
              object: undefined,
            })
          }
        >
          {t('catalogue.filter.clear')}
        </Button>
      ) : null}
    </div>
  );
}
