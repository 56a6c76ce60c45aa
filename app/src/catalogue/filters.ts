import { useSearchParams } from 'react-router';
import type { MatterFilters } from './types.ts';

const KEYS = ['q', 'region', 'departmentId', 'theme', 'mode', 'object'] as const;

/** The list's filters and page, kept in the page address so that results can be shared and reloaded. */
export function useMatterFilters() {
  const [params, setParams] = useSearchParams();
  const filters: MatterFilters = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (changes: Partial<MatterFilters> & { page?: number }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '' || value === null) next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  return { filters, page, update };
}
