import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { RegionSelect } from '../../regions/RegionSelect.tsx';
import type { RegionDetail } from '../../regions/types.ts';

const REGION = /^\d{6}(\d{3}){0,2}$/;

/** The full name of a region code (陕西省 西安市 新城区), or null while unknown. */
export function useRegionName(code: string | undefined): string | null {
  const found = useQuery({
    queryKey: ['/api/regions', code],
    queryFn: () => api.get<RegionDetail>(`/api/regions/${code}`),
    enabled: !!code && REGION.test(code),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (!found.data) return null;
  return [...found.data.ancestors, found.data]
    .map((r) => r.name)
    .filter((name, i, all) => all.indexOf(name) === i)
    .join(' ');
}

type Props = {
  id: string;
  disabled: boolean;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
};

/** A region field: the region searched by name, a prefilled code shown with its name. */
export function RegionInput({ id, disabled, value, onChange }: Props) {
  const { t } = useTranslation();
  const name = useRegionName(value);
  if (disabled) return <span id={id}>{name ? `${name} · ${value}` : (value ?? '')}</span>;
  return (
    <RegionSelect
      id={id}
      value={value}
      currentName={name}
      allowClear
      placeholder={t('forms.region')}
      onChange={onChange}
      style={{ width: '100%' }}
    />
  );
}
