import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../accounts/types.ts';
import { api } from '../../api/client.ts';
import { useList } from '../../api/lists.ts';
import type { Hall } from '../../organisations/types.ts';
import type { FigureBy, HallBoard, HallFigures, TicketSettings } from './types.ts';

export const HALLS = '/api/tickets/halls';
/** How often the live board asks again, milliseconds. */
export const BOARD_REFRESH_MS = 5000;

const hallPath = (hallId: string, what: string) => `${HALLS}/${encodeURIComponent(hallId)}/${what}`;

/**
 * The halls whose board and figures the user reads: the halls of the organisation they manage,
 * or, for a supervisor, the halls of their region and below.
 */
export function useBoardHalls(me: Me | undefined) {
  const managed = me?.roles.find((r) => r.role === 'hall_manager' && r.organisationId)?.organisationId;
  const region = me?.roles.find((r) => r.role === 'supervisor' && r.regionCode)?.regionCode;
  const query = managed
    ? { organisationId: managed, active: true }
    : { region: region ?? undefined, subtree: true, active: true };
  return useList<Hall>('/api/halls', query, !!(managed || region));
}

/** The live board of a hall, asked again every five seconds. */
export function useHallBoard(hallId: string | undefined) {
  return useQuery({
    queryKey: [HALLS, hallId, 'board'],
    queryFn: () => api.get<HallBoard>(hallPath(hallId!, 'board')),
    enabled: !!hallId,
    refetchInterval: BOARD_REFRESH_MS,
  });
}

export function useTicketSettings(hallId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [HALLS, hallId, 'settings'],
    queryFn: () => api.get<TicketSettings>(hallPath(hallId!, 'settings')),
    enabled: !!hallId && enabled,
  });
}

export type FigureRange = { from: string; to: string; by: FigureBy };

export function useHallFigures(hallId: string | undefined, range: FigureRange) {
  return useQuery({
    queryKey: [HALLS, hallId, 'figures', range],
    queryFn: () => api.get<HallFigures>(hallPath(hallId!, 'figures'), range),
    enabled: !!hallId,
  });
}

export const settingsPath = (hallId: string) => hallPath(hallId, 'settings');

/** The Excel download of the figures. */
export const figuresXlsxUrl = (hallId: string, range: FigureRange) =>
  `${hallPath(hallId, 'figures.xlsx')}?${new URLSearchParams(range)}`;
