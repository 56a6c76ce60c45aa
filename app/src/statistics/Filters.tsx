import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Filters, useDepartments, useHalls, useMatters } from './api.ts';
import {
  choiceOf,
  MAX_DAYS,
  type Period,
  type PeriodChoice,
  PRESETS,
  presetPeriod,
  todayInChina,
} from './periods.ts';
import { RegionTree } from './RegionTree.tsx';

const DAY = 'YYYY-MM-DD';

/** Whether a region code lies in a region's subtree (GB/T 2260: a province xx0000, a city xxxx00). */
export function covers(root: string, code: string): boolean {
  const prefix =
    root.length > 6
      ? root
      : root.endsWith('0000')
        ? root.slice(0, 2)
        : root.endsWith('00')
          ? root.slice(0, 4)
          : root;
  return code.startsWith(prefix);
}

/** The names of the chosen values, as the figures' answer gives them (before the options load). */
export type ChosenNames = {
  region?: string | undefined;
  department?: string | undefined;
  hall?: string | undefined;
  matter?: string | undefined;
};

type Props = {
  filters: Filters;
  /** The user's own regions: the roots of the region tree, and where the other options come from. */
  roots: { code: string; name: string }[];
  names: ChosenNames;
  onChange: (next: Partial<Filters>) => void;
};

/** The period: a preset (上月 by default) or any range of at most 366 days up to today. */
function PeriodPicker({ period, onChange }: { period: Period; onChange: (next: Period) => void }) {
  const { t } = useTranslation();
  const today = todayInChina();
  const choice = choiceOf(period, today);
  const [custom, setCustom] = useState(choice === 'custom');
  const shown: PeriodChoice = custom ? 'custom' : choice;
  return (
    <>
      <Segmented
        data-testid="statistics-preset"
        aria-label={t('statistics.filters.period')}
        value={shown}
        onChange={(value) => {
          const next = value as PeriodChoice;
          setCustom(next === 'custom');
          if (next !== 'custom') onChange(presetPeriod(next, today));
        }}
        options={[...PRESETS, 'custom' as const].map((p) => ({
          value: p,
          label: t(`statistics.presets.${p}`),
        }))}
      />
      <span data-testid="statistics-range">
        <DatePicker.RangePicker
          aria-label={t('statistics.filters.range')}
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          disabledDate={(day, info) => {
            if (day.format(DAY) > today) return true;
            const from = info?.from;
            return !!from && Math.abs(day.diff(from, 'day')) >= MAX_DAYS;
          }}
          onChange={(range) => {
            if (!range?.[0] || !range[1]) return;
            setCustom(true);
            onChange({ from: range[0].format(DAY), to: range[1].format(DAY) });
          }}
        />
      </span>
    </>
  );
}

/** The filters of the statistics page: region, department, hall, matter and period. */
export function StatisticsFilters({ filters, roots, names, onChange }: Props) {
  const { t } = useTranslation();
  const root = roots.find((r) => filters.region && covers(r.code, filters.region))?.code ?? roots[0]?.code;
  const departments = useDepartments(root);
  const halls = useHalls(root);
  const [q, setQ] = useState('');
  const matters = useMatters(root, q, filters.departmentId);
  const withCurrent = (
    options: { value: string; label: string }[],
    value: string | undefined,
    name: string | undefined,
  ) =>
    value && !options.some((o) => o.value === value)
      ? [{ value, label: name ?? value }, ...options]
      : options;
  const departmentOptions = withCurrent(
    (departments.data?.items ?? []).map((o) => ({ value: o.id, label: o.name })),
    filters.departmentId,
    names.department,
  );
  const hallOptions = withCurrent(
    (halls.data?.items ?? []).map((h) => ({ value: h.id, label: h.name })),
    filters.hallId,
    names.hall,
  );
  const matterOptions = withCurrent(
    (matters.data?.items ?? []).map((m) => ({
      value: m.implementationId,
      label: `${m.name} · ${m.departmentName} · ${m.regionName}`,
    })),
    filters.implementationId,
    names.matter,
  );
  return (
    <Space wrap className="statistics-filters" data-testid="statistics-filters">
      <RegionTree
        roots={roots}
        value={filters.region ?? root}
        name={names.region}
        onChange={(region) => onChange({ region })}
      />
      <Select
        aria-label={t('statistics.filters.department')}
        data-testid="statistics-department"
        className="statistics-select"
        allowClear
        placeholder={t('statistics.filters.allDepartments')}
        value={filters.departmentId}
        options={departmentOptions}
        loading={departments.isFetching}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(departmentId?: string) => onChange({ departmentId })}
      />
      <Select
        aria-label={t('statistics.filters.hall')}
        data-testid="statistics-hall"
        className="statistics-select"
        allowClear
        placeholder={t('statistics.filters.allHalls')}
        value={filters.hallId}
        options={hallOptions}
        loading={halls.isFetching}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(hallId?: string) => onChange({ hallId })}
      />
      <Select
        aria-label={t('statistics.filters.matter')}
        data-testid="statistics-matter"
        className="statistics-select statistics-matter"
        allowClear
        placeholder={t('statistics.filters.allMatters')}
        value={filters.implementationId}
        options={matterOptions}
        loading={matters.isFetching}
        showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
        notFoundContent={t('statistics.filters.searchMatter')}
        popupMatchSelectWidth={false}
        onChange={(implementationId?: string) => onChange({ implementationId })}
      />
      <PeriodPicker period={{ from: filters.from, to: filters.to }} onChange={(period) => onChange(period)} />
    </Space>
  );
}
