import { useQuery } from '@tanstack/react-query';
import { ApiError, type ApiErrorBody, api } from '../api/client.ts';
import { currentLanguage } from '../i18n/index.ts';
import type { CheckInBooking, Ticket, TicketCategory } from '../tickets/take/types.ts';

/** A GET with the device token (and the session cookie of a card read). */
async function getAsDevice<T>(path: string, token: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { accept: 'application/json', 'accept-language': currentLanguage(), 'x-kiosk-token': token },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: 'network', message: '无法连接服务器，请检查网络' });
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (data as ApiErrorBody | undefined)?.error;
    throw new ApiError(response.status, error ?? { code: 'http', message: `${response.status}` });
  }
  return data as T;
}

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
