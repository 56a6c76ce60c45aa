import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session.ts';
import { LoadError, Loading } from '../../components/status.tsx';
import { useMyHalls } from './api.ts';

/** The hall the page is about: the user's hall, or a choice when the organisation has several. */
export function HallPicker({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const halls = useMyHalls(me ?? undefined);
  const first = halls.data?.items[0]?.id;
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);
  if (halls.isError) return <LoadError error={halls.error} onRetry={() => void halls.refetch()} />;
  if (halls.isPending && halls.fetchStatus !== 'idle') return <Loading />;
  const items = halls.data?.items ?? [];
  if (items.length === 0) return <div className="appointments-note">{t('appointments.staff.noHall')}</div>;
  return (
    <Select
      className="appointments-staff-hall"
      data-testid="staff-hall"
      value={value}
      onChange={onChange}
      options={items.map((h) => ({ value: h.id, label: h.name }))}
    />
  );
}
