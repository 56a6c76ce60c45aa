import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/assessment/api.ts';
import type { AssessmentFigure, AssessmentKind, Label } from '../../../common/assessment/lists.ts';
import { api } from '../api/client.ts';
import type { Region } from '../regions/types.ts';

export type RankingAnswer = Wire<typeof Api.RankingAnswer>;
export type RankingRow = Wire<typeof Api.RankingRow>;
export type FigureValue = Wire<typeof Api.FigureValue>;
export type DetailsAnswer = Wire<typeof Api.DetailsAnswer>;
export type DetailCase = Wire<typeof Api.DetailCase>;
export type DetailRating = Wire<typeof Api.DetailRating>;
export type DetailRequest = Wire<typeof Api.DetailRequest>;
export type ComputeAnswer = Wire<typeof Api.ComputeAnswer>;

const ASSESSMENT = '/api/assessment';
export const RANKING = `${ASSESSMENT}/ranking`;
export const DETAILS = `${ASSESSMENT}/details`;
export const COMPUTE = `${ASSESSMENT}/compute`;

export type RankingQuery = { month: string; kind: AssessmentKind; region?: string | undefined };

/** The stored ranking of a month: a region's departments or a city's districts. */
export function useRanking(query: RankingQuery) {
  return useQuery({
    queryKey: [RANKING, query],
    queryFn: () => api.get<RankingAnswer>(RANKING, query),
    placeholderData: keepPreviousData,
  });
}

/** The Excel download of the same ranking. */
export const rankingXlsxUrl = (query: RankingQuery) => {
  const params = new URLSearchParams({ month: query.month, kind: query.kind });
  if (query.region) params.set('region', query.region);
  return `${RANKING}.xlsx?${params}`;
};

export type DetailsQuery = {
  month: string;
  kind: AssessmentKind;
  scopeId: string;
  figure: AssessmentFigure;
  page: number;
  pageSize: number;
};

/** The cases, ratings or 12345 requests behind one figure of one scope, a page at a time. */
export function useDetails(query: DetailsQuery | null) {
  return useQuery({
    queryKey: [DETAILS, query],
    queryFn: () => api.get<DetailsAnswer>(DETAILS, query!),
    enabled: !!query,
    placeholderData: keepPreviousData,
  });
}

/** The regions a ranking may be asked for: the user's own region and the regions directly below it. */
export function useRegionChoices(own: string | undefined) {
  return useQuery({
    queryKey: ['/api/regions', { parent: own }],
    queryFn: async () => (await api.get<{ items: Region[] }>('/api/regions', { parent: own })).items,
    enabled: !!own,
  });
}

/** A label of the shared lists in the UI's language. */
export function useLabel(): (label: Label) => string {
  const { i18n } = useTranslation();
  return (label) => (i18n.language === 'en' ? label.en : label.zh);
}
