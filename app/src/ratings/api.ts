import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/ratings/api.ts';
import type { Label } from '../../../common/ratings/lists.ts';
import { api } from '../api/client.ts';

export type CaseRatings = Wire<typeof Api.CaseRatings>;
export type RatingView = Wire<typeof Api.RatingView>;
export type RatingBody = Wire<typeof Api.RatingBody>;
export type LinkRatingBody = Wire<typeof Api.LinkRatingBody>;
export type WindowCurrent = Wire<typeof Api.WindowCurrent>;
export type LinkView = Wire<typeof Api.LinkView>;
export type RevisitView = Wire<typeof Api.RevisitView>;
export type RevisitList = Wire<typeof Api.RevisitList>;
export type RevisitsQuery = Wire<typeof Api.RevisitsQuery>;
export type PublicAnswer = Wire<typeof Api.PublicAnswer>;
export type PublicRow = Wire<typeof Api.PublicRow>;
export type HotlineCase = Wire<typeof Api.HotlineCase>;
export type HotlineBody = Wire<typeof Api.HotlineBody>;

export const RATINGS = '/api/ratings';
export const CASE_RATINGS = `${RATINGS}/cases`;
export const REVISITS = `${RATINGS}/revisits`;
const WINDOWS = `${RATINGS}/windows`;
const LINKS = `${RATINGS}/links`;

/** How often the 评价器 asks for the case just handled at its window. */
export const EVALUATOR_REFRESH_MS = 3_000;

const id = (value: string) => encodeURIComponent(value);

/** A label of the shared lists in the UI's language. */
export function useLabel(): (label: Label | undefined) => string {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (label) => (label ? (en ? label.en : label.zh) : '');
}

/** The applicant's ratings of a case, per stage. */
export function useCaseRatings(caseId: string) {
  return useQuery({
    queryKey: [CASE_RATINGS, caseId],
    queryFn: () => api.get<CaseRatings>(`${CASE_RATINGS}/${id(caseId)}`),
  });
}

export const rateCase = (caseId: string, body: RatingBody) =>
  api.post<CaseRatings>(`${CASE_RATINGS}/${id(caseId)}`, body);

/** The case waiting for a rating at a window, read again every few seconds. */
export function useWindowCurrent(windowId: string) {
  return useQuery({
    queryKey: [WINDOWS, windowId, 'current'],
    queryFn: () => api.get<WindowCurrent>(`${WINDOWS}/${id(windowId)}/current`),
    refetchInterval: EVALUATOR_REFRESH_MS,
  });
}

export const rateAtWindow = (windowId: string, caseId: string, body: RatingBody) =>
  api.post<{ id: string }>(`${WINDOWS}/${id(windowId)}/cases/${id(caseId)}`, body);

/** What an SMS rating link is for; a 404 when it is wrong, expired or used. */
export function useLink(token: string) {
  return useQuery({
    queryKey: [LINKS, token],
    queryFn: () => api.get<LinkView>(`${LINKS}/${id(token)}`),
    retry: false,
  });
}

export const rateByLink = (token: string, body: LinkRatingBody) =>
  api.post<{ id: string }>(`${LINKS}/${id(token)}`, body);

/** The revisit tasks the signed-in staff member may see. */
export function useRevisits(query: RevisitsQuery) {
  return useQuery({
    queryKey: [REVISITS, query],
    queryFn: () => api.get<RevisitList>(REVISITS, query),
  });
}

export const recordContact = (revisitId: string, note: string) =>
  api.post(`${REVISITS}/${id(revisitId)}/contact`, { note });
export const recordRectification = (revisitId: string, outcome: string) =>
  api.post(`${REVISITS}/${id(revisitId)}/rectify`, { outcome });
export const requestReview = (revisitId: string, reason: string) =>
  api.post(`${REVISITS}/${id(revisitId)}/review-request`, { reason });
export const decideReview = (revisitId: string, upheld: boolean, reason: string) =>
  api.post(`${REVISITS}/${id(revisitId)}/review-decision`, { upheld, reason });

/** The public monthly publication of a region. */
export function usePublication(month: string, regionCode: string) {
  return useQuery({
    queryKey: [`${RATINGS}/public`, month, regionCode],
    queryFn: () => api.get<PublicAnswer>(`${RATINGS}/public`, { month, regionCode }),
  });
}

export const HOTLINE_CASE = `${RATINGS}/hotline/case`;

/** A case by number as the 12345 desk sees it (no query until a number is given). */
export function useHotlineCase(caseNo: string) {
  return useQuery({
    queryKey: [HOTLINE_CASE, caseNo],
    queryFn: () => api.get<HotlineCase>(HOTLINE_CASE, { caseNo }),
    enabled: caseNo.length > 0,
    retry: false,
  });
}

export const rateByPhone = (body: HotlineBody) =>
  api.post<{ id: string; caseId: string }>(`${RATINGS}/hotline`, body);
