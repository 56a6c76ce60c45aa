import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '../../../common/roles.ts';
import { fetchList } from '../api/lists.ts';
import type { Organisation } from './types.ts';

type Props = {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** The current value's name, shown before the options load. */
  currentName?: string | null;
  kinds?: readonly OrganisationKind[];
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  excludeId?: string;
  disabled?: boolean;
};

/** Picks an organisation, searching by name on the server. */
export function OrganisationSelect(props: Props) {
  const { value, onChange, currentName, kinds, allowClear, placeholder, style, id, excludeId, disabled } =
    props;
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const kind = kinds?.length === 1 ? kinds[0] : undefined;
  const found = useQuery({
    queryKey: ['/api/organisations', 'select', { q, kind }],
    queryFn: () => fetchList<Organisation>('/api/organisations', { q, kind, active: true, limit: 50 }),
  });
  const options = (found.data?.items ?? [])
    .filter((o) => (!kinds || kinds.includes(o.kind)) && o.id !== excludeId)
    .map((o) => ({ value: o.id, label: o.name }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: currentName ?? value });
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder ?? t('admin.searchOrganisation')}
      notFoundContent={t('common.noData')}
      loading={found.isFetching}
      style={style}
      disabled={disabled}
    />
  );
}
