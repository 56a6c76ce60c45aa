import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CheckInBooking, MyTicket, Ticket, TicketCategory } from './types.ts';

export const TICKETS = '/api/tickets';
export const MINE = '/api/tickets/mine';
const hallPath = (hallId: string) => `${TICKETS}/halls/${encodeURIComponent(hallId)}`;
export const takePath = (hallId: string) => `${hallPath(hallId)}/take`;

/** How often a ticket the person waits on is read again. */
export const REFRESH_MS = 5_000;

/** The hall's ticket categories (active ones are offered). */
export function useCategories(hallId: string | undefined) {
  return useQuery({
    queryKey: [TICKETS, 'categories', hallId],
    queryFn: () => api.get<TicketCategory[]>(`${hallPath(hallId!)}/categories`),
    enabled: !!hallId,
  });
}

/** The signed-in person's bookings of today at the hall that can check in. */
export function useCheckIns(hallId: string) {
  return useQuery({
    queryKey: [TICKETS, 'checkin', hallId],
    queryFn: () => api.get<CheckInBooking[]>(`${hallPath(hallId)}/checkin`),
  });
}

/** One ticket, read again every few seconds while it is not finished. */
export function useTicket(id: string) {
  return useQuery({
    queryKey: [TICKETS, id],
    queryFn: () => api.get<Ticket>(`${TICKETS}/${encodeURIComponent(id)}`),
    refetchInterval: (query) =>
      query.state.data && !['waiting', 'called'].includes(query.state.data.status) ? false : REFRESH_MS,
  });
}

/** The signed-in person's tickets of today. */
export function useMyTickets() {
  return useQuery({
    queryKey: [MINE],
    queryFn: () => api.get<MyTicket[]>(MINE),
    refetchInterval: REFRESH_MS,
  });
}
