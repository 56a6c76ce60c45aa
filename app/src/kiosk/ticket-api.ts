import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { CheckInBooking, Ticket, TicketCategory } from '../tickets/take/types.ts';
import { getAsDevice } from './api.ts';

/** The kiosk hall's ticket categories. */
export function useKioskCategories(hallId: string) {
  return useQuery({
    queryKey: ['kiosk-ticket-categories', hallId],
    queryFn: () => api.get<TicketCategory[]>(`/api/tickets/halls/${encodeURIComponent(hallId)}/categories`),
  });
}

/** Today's bookings at this hall of the person whose card was read (none without a card). */
export function useKioskCheckIns(token: string, signedIn: boolean) {
  return useQuery({
    queryKey: ['kiosk-ticket-checkin', token, signedIn],
    queryFn: () =>
      signedIn ? getAsDevice<CheckInBooking[]>('/api/tickets/kiosk/checkin', token) : Promise.resolve([]),
  });
}

export const takeAtKiosk = (token: string, body: { categoryId?: string; appointmentId?: string }) =>
  api.post<Ticket>('/api/tickets/kiosk/take', body, { 'x-kiosk-token': token });
