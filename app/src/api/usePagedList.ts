import { useState } from 'react';
import type { Query } from './client.ts';
import { useList } from './lists.ts';

export const PAGE_SIZE = 20;

/**
 * A list read a page at a time under a filter; a new filter starts again at the first page.
 * `extra` adds query parameters that follow from the filter.
 */
export function usePagedList<T, F extends Query>(path: string, extra?: (filter: F) => Query) {
  const [filter, setFilter] = useState<F>({} as F);
  const [page, setPage] = useState(1);
  const list = useList<T>(path, {
    ...filter,
    ...extra?.(filter),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const search = (next: F) => {
    setPage(1);
    setFilter(next);
  };
  return { list, paging: { page, onChange: setPage }, search };
}
