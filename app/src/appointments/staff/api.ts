import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../accounts/types.ts';
import { api } from '../../api/client.ts';
import { useList } from '../../api/lists.ts';
import type { Hall } from '../../organisations/types.ts';
import type { Appointment } from '../types.ts';
import type { HallSetup } from './types.ts';

export const SETUP = '/api/appointments/halls/setup';
export const BOOKINGS = '/api/appointments/halls/bookings';

/** Today in the hall's time (China, UTC+8), YYYY-MM-DD. */
export const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The active halls of the organisation where the user works as a hall manager or clerk. */
export function useMyHalls(me: Me | undefined) {
  const organisationId = me?.roles.find(
    (r) => (r.role === 'hall_manager' || r.role === 'window_clerk') && r.organisationId,
  )?.organisationId;
  return useList<Hall>('/api/halls', { organisationId, active: true }, !!organisationId);
}

/** A hall's opening hours, rules and every category (hall managers). */
export function useHallSetup(hallId: string | undefined) {
  return useQuery({
    queryKey: [SETUP, hallId],
    queryFn: () => api.get<HallSetup>(`/api/appointments/halls/${encodeURIComponent(hallId!)}/setup`),
    enabled: !!hallId,
  });
}

/** The bookings of a hall on a day, by time (hall staff). */
export function useHallBookings(hallId: string | undefined, day: string) {
  return useQuery({
    queryKey: [BOOKINGS, hallId, day],
    queryFn: () =>
      api.get<Appointment[]>(`/api/appointments/halls/${encodeURIComponent(hallId!)}/bookings`, { day }),
    enabled: !!hallId,
  });
}
