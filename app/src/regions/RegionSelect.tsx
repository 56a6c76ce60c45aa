import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Region } from './types.ts';

type Props = {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** The current value's name, shown before any search. */
  currentName?: string | null;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
};

/** Picks a region by searching its name (GET /api/regions?q=). */
export function RegionSelect({ value, onChange, currentName, allowClear, placeholder, style, id }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['/api/regions', { q }],
    queryFn: () => api.get<{ items: Region[] }>('/api/regions', { q }),
    enabled: q.length > 0,
  });
  const options = (found.data?.items ?? []).map((r) => ({
    value: r.code,
    label: `${r.name} · ${r.code}`,
    title: t(`admin.regionLevels.${r.level}`),
  }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: currentName ? `${currentName} · ${value}` : value, title: '' });
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder ?? t('admin.searchRegion')}
      notFoundContent={q ? t('common.noData') : t('admin.typeToSearch')}
      loading={found.isFetching}
      style={style}
    />
  );
}
