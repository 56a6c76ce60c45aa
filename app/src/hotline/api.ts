import { useQuery } from '@tanstack/react-query';
import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/hotline/api.ts';
import { api } from '../api/client.ts';
export type RequestSummary = Wire<typeof Api.RequestSummary>;
export type RequestView = Wire<typeof Api.RequestView>;
export type AssignmentView = Wire<typeof Api.AssignmentView>;
export type EventView = Wire<typeof Api.EventView>;
export type RequestsQuery = Wire<typeof Api.RequestsQuery>;
export type MineItem = Wire<typeof Api.MineItem>;
export type KnowledgeAnswer = Wire<typeof Api.KnowledgeAnswer>;
export type SuggestAnswer = Wire<typeof Api.SuggestAnswer>;
export type InboxItem = Wire<typeof Api.InboxItem>;
export type IntakeBody = Wire<typeof Api.IntakeBody>;
export type PortalBody = Wire<typeof Api.PortalBody>;
export type DispatchBody = Wire<typeof Api.DispatchBody>;
export type RevisitBody = Wire<typeof Api.RevisitBody>;
export type FaqView = Wire<typeof Api.FaqView>;
export type FaqBody = Wire<typeof Api.FaqBody>;
export type FiguresAnswer = Wire<typeof Api.FiguresAnswer>;
export type FigureRow = Wire<typeof Api.FigureRow>;
export type FiguresQuery = Wire<typeof Api.FiguresQuery>;
type List<T> = { items: T[]; total: number };

export const HOTLINE = '/api/hotline';
export const REQUESTS = `${HOTLINE}/requests`;
export const ASSIGNMENTS = `${HOTLINE}/assignments`;
export const MINE = `${HOTLINE}/mine`;
export const KNOWLEDGE = `${HOTLINE}/knowledge`;
export const ESCALATED = `${HOTLINE}/escalated`;
export const FAQ = `${HOTLINE}/faq`;
export const FIGURES = `${HOTLINE}/figures`;

const id = (value: string) => encodeURIComponent(value);

export { useListLabel as useLabel } from '../i18n/list-label.ts';

/** The operator's list of requests. */
export function useRequests(query: RequestsQuery) {
  return useQuery({
    queryKey: [REQUESTS, query],
    queryFn: () => api.get<List<RequestSummary>>(REQUESTS, query),
  });
}

/** One request with its steps and assignments. */
export function useRequest(requestId: string) {
  return useQuery({
    queryKey: [REQUESTS, requestId],
    queryFn: () => api.get<RequestView>(`${REQUESTS}/${id(requestId)}`),
    retry: false,
  });
}

/** The departments the catalogue suggests for a request, with its keywords. */
export function useSuggestions(requestId: string, enabled: boolean) {
  return useQuery({
    queryKey: [REQUESTS, requestId, 'suggest'],
    queryFn: () => api.get<SuggestAnswer>(`${REQUESTS}/${id(requestId)}/suggest`),
    enabled,
  });
}

/** Guides and FAQ entries matching what the caller asks. */
export function useKnowledge(q: string) {
  return useQuery({
    queryKey: [KNOWLEDGE, q],
    queryFn: () => api.get<KnowledgeAnswer>(KNOWLEDGE, { q }),
    enabled: q.length > 0,
  });
}

/** The overdue requests escalated to the supervisor (their regions). */
export function useEscalated() {
  return useQuery({
    queryKey: [ESCALATED],
    queryFn: () => api.get<List<RequestSummary>>(ESCALATED),
  });
}

/** The knowledge base's FAQ entries (active or not), those matching `q` when given. */
export function useFaq(q: string) {
  return useQuery({
    queryKey: [FAQ, { q }],
    queryFn: () => api.get<List<FaqView>>(FAQ, { q: q || undefined }),
  });
}

/** The 12345 figures of a region per month, whole and per primary department. */
export function useFigures(query: FiguresQuery | undefined) {
  return useQuery({
    queryKey: [FIGURES, query],
    queryFn: () => api.get<FiguresAnswer>(FIGURES, query),
    enabled: !!query,
  });
}

/** The regions directly below a region, to choose the figures' region. */
export function useRegionsBelow(parent: string | undefined) {
  return useQuery({
    queryKey: ['/api/regions', { parent }],
    queryFn: async () =>
      (await api.get<{ items: { code: string; name: string }[] }>('/api/regions', { parent })).items,
    enabled: !!parent,
  });
}

/** The Excel download of the same figures. */
export const figuresXlsxUrl = (query: FiguresQuery) => `${FIGURES}.xlsx?${new URLSearchParams(query)}`;

/** The department's assigned requests. */
export function useInbox(status?: InboxItem['status']) {
  return useQuery({
    queryKey: [ASSIGNMENTS, { status }],
    queryFn: () => api.get<List<InboxItem>>(ASSIGNMENTS, { status }),
  });
}

/** The signed-in citizen's own requests. */
export function useMine() {
  return useQuery({
    queryKey: [MINE],
    queryFn: () => api.get<List<MineItem>>(MINE),
  });
}

export const takeRequest = (body: IntakeBody) => api.post<RequestView>(REQUESTS, body);
export const submitFromPortal = (body: PortalBody) => api.post<RequestView>(`${HOTLINE}/portal`, body);
export const answerAtOnce = (requestId: string, answer: string) =>
  api.post(`${REQUESTS}/${id(requestId)}/answer`, { answer });
export const dispatch = (requestId: string, body: DispatchBody) =>
  api.post(`${REQUESTS}/${id(requestId)}/dispatch`, body);
export const redispatch = (requestId: string, body: DispatchBody) =>
  api.post(`${REQUESTS}/${id(requestId)}/redispatch`, body);
export const merge = (requestId: string, intoId: string) =>
  api.post(`${REQUESTS}/${id(requestId)}/merge`, { intoId });
export const revisit = (requestId: string, body: RevisitBody) =>
  api.post(`${REQUESTS}/${id(requestId)}/revisit`, body);
export const reviewReturn = (assignmentId: string, accept: boolean, note: string) =>
  api.post(`${ASSIGNMENTS}/${id(assignmentId)}/review`, { accept, note });
export const returnAssignment = (assignmentId: string, reason: string) =>
  api.post(`${ASSIGNMENTS}/${id(assignmentId)}/return`, { reason });
export const replyAssignment = (assignmentId: string, reply: string) =>
  api.post(`${ASSIGNMENTS}/${id(assignmentId)}/reply`, { reply });
export const urge = (requestId: string, note: string) =>
  api.post<RequestView>(`${REQUESTS}/${id(requestId)}/urge`, { note });
export const saveFaq = (body: FaqBody, faqId?: string) =>
  faqId === undefined ? api.post<FaqView>(FAQ, body) : api.put<FaqView>(`${FAQ}/${id(faqId)}`, body);
