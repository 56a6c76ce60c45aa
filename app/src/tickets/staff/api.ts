import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { StaffWindow, TicketPerson, WindowState } from './types.ts';

export const MY_WINDOWS = '/api/tickets/my-windows';
export const WINDOW_STATE = '/api/tickets/windows';

/** How often the panel reads its window again (besides when the hall's stream tells of a change). */
export const PANEL_REFRESH_MS = 5_000;

/** The windows of the halls where the clerk works. */
export function useMyWindows() {
  return useQuery({ queryKey: [MY_WINDOWS], queryFn: () => api.get<StaffWindow[]>(MY_WINDOWS) });
}

/** The chosen window's state, read again every few seconds and on the hall's stream (stream.ts). */
export function useWindowState(windowId: string | undefined) {
  return useQuery({
    queryKey: [WINDOW_STATE, windowId],
    queryFn: () => api.get<WindowState>(`${WINDOW_STATE}/${encodeURIComponent(windowId!)}`),
    enabled: !!windowId,
    refetchInterval: PANEL_REFRESH_MS,
  });
}

/** The called person in full for the counter intake (each read is audited, so read once). */
export function useTicketPerson(ticketId: string | null) {
  return useQuery({
    queryKey: ['/api/tickets/person', ticketId],
    queryFn: () => api.get<TicketPerson>(`/api/tickets/${encodeURIComponent(ticketId!)}/person`),
    enabled: !!ticketId,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** A clerk's action: on the window (call, pause, resume) or on a ticket (the rest). */
export type PanelAction =
  | { kind: 'call' | 'pause' | 'resume'; windowId: string }
  | { kind: 'recall' | 'skip' | 'return' | 'done' | 'no-show'; ticketId: string }
  | { kind: 'transfer'; ticketId: string; to: { windowId: string } | { categoryId: string } };

export function runAction(action: PanelAction): Promise<unknown> {
  switch (action.kind) {
    case 'call':
    case 'pause':
    case 'resume':
      return api.post(`${WINDOW_STATE}/${encodeURIComponent(action.windowId)}/${action.kind}`);
    case 'transfer':
      return api.post(`/api/tickets/${encodeURIComponent(action.ticketId)}/transfer`, action.to);
    default:
      return api.post(`/api/tickets/${encodeURIComponent(action.ticketId)}/${action.kind}`);
  }
}

const STORAGE_KEY = 'yiwang.callingWindow';

/** The window this browser's clerk chose last. */
export const rememberedWindow = () => localStorage.getItem(STORAGE_KEY) ?? undefined;
export const rememberWindow = (id: string) => localStorage.setItem(STORAGE_KEY, id);
