import './messages.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Wire } from '../../../common/api.ts';
import type { MatterPage } from '../../../common/catalogue/api.ts';
import type * as Api from '../../../common/statistics/api.ts';
import type { ListableFigure } from '../../../common/statistics/figures.ts';
import { api, type Query } from '../api/client.ts';
import { useList } from '../api/lists.ts';
import type { Hall, Organisation } from '../organisations/types.ts';
import type { Region, RegionDetail } from '../regions/types.ts';

export type FiguresAnswer = Wire<typeof Api.FiguresAnswer>;
export type Figure = Wire<typeof Api.Figure>;
export type FigureValue = Wire<typeof Api.FigureValue>;
export type PromiseFigure = Wire<typeof Api.PromiseFigure>;
export type BreakdownRow = Wire<typeof Api.BreakdownRow>;
export type DayPoint = Wire<typeof Api.DayPoint>;
export type FigureCasesAnswer = Wire<typeof Api.FigureCasesAnswer>;
export type FigureCase = Wire<typeof Api.FigureCase>;

const STATISTICS = '/api/statistics';
export const FIGURES_PATH = `${STATISTICS}/figures`;
export const CASES_PATH = `${STATISTICS}/cases`;

/** The filters of the page, as the address and the API carry them. */
export type Filters = {
  region?: string | undefined;
  departmentId?: string | undefined;
  hallId?: string | undefined;
  implementationId?: string | undefined;
  from: string;
  to: string;
};

export type CasesQuery = Filters & {
  figure: ListableFigure;
  part?: boolean | undefined;
  page: number;
  pageSize: number;
};

const search = (query: Query) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
};

/** The figures of a scope and period, with the previous period, breakdowns, days and promises. */
export function useFigures(filters: Filters) {
  return useQuery({
    queryKey: [FIGURES_PATH, filters],
    queryFn: () => api.get<FiguresAnswer>(FIGURES_PATH, filters),
    placeholderData: keepPreviousData,
  });
}

/** The Excel download of the same figures. */
export const figuresXlsxUrl = (filters: Filters) => `${FIGURES_PATH}.xlsx?${search(filters)}`;

/** The cases behind one figure, a page at a time. */
export function useFigureCases(query: CasesQuery | null) {
  return useQuery({
    queryKey: [CASES_PATH, query],
    queryFn: () => api.get<FigureCasesAnswer>(CASES_PATH, query!),
    enabled: !!query,
    placeholderData: keepPreviousData,
  });
}

/** The Excel download of the cases behind a figure (every page). */
export const casesXlsxUrl = (query: Omit<CasesQuery, 'page' | 'pageSize'>) =>
  `${CASES_PATH}.xlsx?${search(query)}`;

/** The regions directly below one (the tree of the region filter opens level by level). */
export const regionsBelow = async (parent: string) =>
  (await api.get<{ items: Region[] }>('/api/regions', { parent })).items;

/** A region with its ancestors (for the breadcrumb of a region drilled into). */
export function useRegionDetail(code: string | undefined) {
  return useQuery({
    queryKey: ['/api/regions', code],
    queryFn: () => api.get<RegionDetail>(`/api/regions/${encodeURIComponent(code!)}`),
    enabled: !!code,
  });
}

/** The departments of a region and below. */
export const useDepartments = (root: string | undefined) =>
  useList<Organisation>(
    '/api/organisations',
    { region: root, subtree: true, kind: 'department', active: true, limit: 500 },
    !!root,
  );

/** The halls of a region and below. */
export const useHalls = (root: string | undefined) =>
  useList<Hall>('/api/halls', { region: root, subtree: true, active: true }, !!root);

/** The published matters of a region and below whose name matches `q`. */
export function useMatters(root: string | undefined, q: string, departmentId: string | undefined) {
  const query = { q, region: root, subtree: true, departmentId, limit: 30 };
  return useQuery({
    queryKey: ['/api/catalogue/search', query],
    queryFn: () => api.get<Wire<typeof MatterPage>>('/api/catalogue/search', query),
    enabled: !!root,
  });
}
