import { Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session.ts';
import { LoadError, Loading } from '../../components/status.tsx';
import { useBoardHalls } from './api.ts';

/** The hall a board or figures page is about: the first of the user's halls until another is chosen. */
export function HallChoice({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const halls = useBoardHalls(me ?? undefined);
  const first = halls.data?.items[0]?.id;
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);
  if (halls.isError) return <LoadError error={halls.error} onRetry={() => void halls.refetch()} />;
  if (halls.isPending && halls.fetchStatus !== 'idle') return <Loading />;
  const items = halls.data?.items ?? [];
  if (items.length === 0) return <div className="hall-board-note">{t('hallBoard.noHall')}</div>;
  return (
    <Select
      className="hall-board-hall"
      aria-label={t('hallBoard.hall')}
      data-testid="board-hall"
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      options={items.map((h) => ({ value: h.id, label: h.name }))}
    />
  );
}
