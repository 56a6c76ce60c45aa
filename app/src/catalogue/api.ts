import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { type ListAnswer, useList } from '../api/lists.ts';
import type { PublicOrganisation } from '../organisations/types.ts';
import type { Guide, HotSearches, MatterFilters, MatterSummary, Statistics, ThemeCount } from './types.ts';

export const PAGE_SIZE = 10;

/**
 * Public search (with `q`, by relevance) or browse list (without, by name): one result per basic
 * matter, with the places where it is implemented.
 */
export function useMatters(filters: MatterFilters, page: number) {
  const path = filters.q ? '/api/catalogue/search' : '/api/catalogue/matters';
  const query = {
    ...filters,
    group: 'basic',
    subtree: filters.region ? true : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  return useQuery({
    queryKey: [path, query],
    queryFn: () => api.get<ListAnswer<MatterSummary> & { totalCapped?: boolean }>(path, query),
    placeholderData: keepPreviousData,
  });
}

export function useGuide(implementationId: string) {
  return useQuery({
    queryKey: ['/api/catalogue/guides', implementationId],
    queryFn: () => api.get<Guide>(`/api/catalogue/guides/${encodeURIComponent(implementationId)}`),
  });
}

/** A basic matter with every place (implementation) of it, for choosing where to apply. */
export function usePlaces(basicCode: string) {
  const query = { basicCode, group: 'basic', limit: 1 };
  return useQuery({
    queryKey: ['/api/catalogue/matters', query],
    queryFn: () => api.get<ListAnswer<MatterSummary>>('/api/catalogue/matters', query),
    staleTime: 60_000,
  });
}

/** The most searched terms that find matters. */
export function useHotSearches() {
  return useQuery({
    queryKey: ['/api/catalogue/hot-searches'],
    queryFn: () => api.get<HotSearches>('/api/catalogue/hot-searches'),
    staleTime: 300_000,
  });
}

export function useStatistics(region?: string, departmentId?: string) {
  const query = { region, subtree: region ? true : undefined, departmentId };
  return useQuery({
    queryKey: ['/api/catalogue/statistics', query],
    queryFn: () => api.get<Statistics>('/api/catalogue/statistics', query),
  });
}

export function useThemes() {
  return useQuery({
    queryKey: ['/api/catalogue/themes'],
    queryFn: () => api.get<ThemeCount[]>('/api/catalogue/themes'),
    staleTime: 300_000,
  });
}

export function useDepartments() {
  return useList<PublicOrganisation>('/api/organisations', { kind: 'department', active: true, limit: 100 });
}

export type RegionOption = { code: string; name: string };

/** The city and its districts, for the region filter. */
export function useRegionOptions(city = '610100') {
  return useQuery({
    queryKey: ['catalogue-regions', city],
    queryFn: async (): Promise<RegionOption[]> => {
      const [self, children] = await Promise.all([
        api.get<RegionOption>(`/api/regions/${city}`),
        api.get<ListAnswer<RegionOption> | RegionOption[]>('/api/regions', { parent: city }),
      ]);
      const items = Array.isArray(children) ? children : children.items;
      return [self, ...items].map((r) => ({ code: r.code, name: r.name }));
    },
    staleTime: 300_000,
  });
}

/** Address of the printable guide. */
export const guidePdfUrl = (implementationId: string) =>
  `/api/catalogue/guides/${encodeURIComponent(implementationId)}/pdf`;
