import { useQuery } from '@tanstack/react-query';
import type { Wire } from '../../../common/api.ts';
import type * as Api from '../../../common/assistance/api.ts';
import type { MatterPage } from '../../../common/catalogue/api.ts';
import { api } from '../api/client.ts';

export type HelpRequest = Wire<typeof Api.HelpRequest>;
export type HelpHalls = Wire<typeof Api.HelpHalls>;
export type HelpRequestBody = Wire<typeof Api.HelpRequestBody>;

export const HELP = '/api/help-requests';
export const MINE = `${HELP}/mine`;
const HALLS = `${HELP}/halls`;

/** The halls to ask, the suggested one and the account's phone (signed-in applicants only). */
export function useHelpHalls(enabled: boolean) {
  return useQuery({ queryKey: [HALLS], queryFn: () => api.get<HelpHalls>(HALLS), enabled });
}

/** The signed-in applicant's requests, newest first. */
export function useMyHelpRequests(enabled = true) {
  return useQuery({
    queryKey: [MINE],
    queryFn: () => api.get<{ items: HelpRequest[] }>(MINE).then((r) => r.items),
    enabled,
    refetchInterval: 15_000,
  });
}

/** Published matters whose names match `q`, to name what one needs help with. */
export function useMatterSearch(q: string) {
  return useQuery({
    queryKey: ['/api/catalogue/search', 'help', q],
    queryFn: () => api.get<Wire<typeof MatterPage>>('/api/catalogue/search', { q, limit: 20 }),
    enabled: q.trim().length > 0,
  });
}

/** Asks for help; at a kiosk with its device token. */
export const askForHelp = (body: HelpRequestBody, kioskToken?: string) =>
  api.post<HelpRequest>(HELP, body, kioskToken ? { 'x-kiosk-token': kioskToken } : undefined);

export const cancelHelp = (id: string) => api.post<HelpRequest>(`${HELP}/${encodeURIComponent(id)}/cancel`);

/** The requests of the staff member's halls (unfinished unless `status` says otherwise). */
export function useStaffHelpRequests(status: 'active' | 'done' = 'active') {
  return useQuery({
    queryKey: [HELP, 'staff', status],
    queryFn: () => api.get<{ items: HelpRequest[] }>(HELP, { status }).then((r) => r.items),
    refetchInterval: 10_000,
  });
}

export const takeHelp = (id: string) => api.post<HelpRequest>(`${HELP}/${encodeURIComponent(id)}/take`);

export const finishHelp = (id: string, outcome: string) =>
  api.post<HelpRequest>(`${HELP}/${encodeURIComponent(id)}/finish`, { outcome });
