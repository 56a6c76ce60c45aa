import { useQuery } from '@tanstack/react-query';
import { api, type Query } from './client.ts';

/** Lists come as `{ items, total }`; a bare array is accepted too. */
export type ListAnswer<T> = { items: T[]; total: number };

export async function fetchList<T>(path: string, query?: Query): Promise<ListAnswer<T>> {
  const answer = await api.get<ListAnswer<T> | T[]>(path, query);
  return Array.isArray(answer) ? { items: answer, total: answer.length } : answer;
}

/** A list from the API, cached by path and query. */
export function useList<T>(path: string, query?: Query, enabled = true) {
  return useQuery({
    queryKey: [path, query ?? {}],
    queryFn: () => fetchList<T>(path, query),
    enabled,
  });
}
