import type { UseQueryResult } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect } from 'react';
import type { ListAnswer } from '../api/lists.ts';
import { LoadError, Loading } from './status.tsx';

/** What a hall select shows: its class, test id, accessible label and the note when the user has no hall. */
export type HallSelectLook = {
  className: string;
  testId: string;
  label?: string;
  noteClassName: string;
  noHall: string;
};

/**
 * The hall a page is about, chosen among `halls`: the first of them until another is chosen, a note
 * when there is none, and the usual loading and error states.
 */
export function HallSelect({
  halls,
  value,
  onChange,
  look,
}: {
  halls: UseQueryResult<ListAnswer<{ id: string; name: string }>>;
  value?: string;
  onChange: (id: string) => void;
  look: HallSelectLook;
}) {
  const first = halls.data?.items[0]?.id;
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);
  if (halls.isError) return <LoadError error={halls.error} onRetry={() => void halls.refetch()} />;
  if (halls.isPending && halls.fetchStatus !== 'idle') return <Loading />;
  const items = halls.data?.items ?? [];
  if (items.length === 0) return <div className={look.noteClassName}>{look.noHall}</div>;
  return (
    <Select
      className={look.className}
      aria-label={look.label}
      data-testid={look.testId}
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      options={items.map((h) => ({ value: h.id, label: h.name }))}
    />
  );
}
